"""Українська: the language pack (text, figures, quotes rules as data).

Stems: Snowball has no Ukrainian, so TEXT lists inflectional suffixes for the light
suffix-stripping stemmer in bot/analysis/tokens.py (not the Russian Snowball: it would strip
Russian endings and leave Ukrainian і/ї/є forms apart).
"""

from __future__ import annotations

from .figure_rules import FigureRules
from .pack import LanguagePack
from .quote_rules import QuoteRules
from .text_rules import TextRules, word_list

# ---------------------------------------------------------------------------------------------
# Text: cleaning, sentences, detection, stems, stop words.
# ---------------------------------------------------------------------------------------------

TEXT = TextRules(
    # Snowball has no Ukrainian: the light stemmer in tokens.py strips the longest of these
    # inflectional endings while three letters of stem remain. It conflates the case and
    # tense forms of one word ("міністерства", "міністерством" -> "міністерств"), which is all the
    # ranker's shared-vocabulary score needs; it does not undo derivation or alternations.
    snowball=None,
    suffixes=(
        # verbs
        "ються", "ється", "ували", "ювали", "увати", "ювати", "ував", "ював", "ують", "юють",
        "ались", "ялись", "ились", "алась", "илась", "ться", "ати", "яти", "ити", "іти", "ать",
        "ять", "ить", "уть", "ють", "ала", "яла", "ила", "ало", "яло", "ило", "али", "яли",
        "или", "ся", "сь", "ав", "ив",
        # nouns and adjectives
        "ами", "ями", "ові", "еві", "єві", "ого", "ому", "ими", "іми", "ів", "ої", "ій", "ий",
        "их", "іх", "ім", "им", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ою", "ею", "єю",
        "їв", "ей", "ія", "ії", "ію", "ь", "а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "й",
    ),
    min_stem=3,
    stop_words=word_list("stopwords_uk.txt"),
    abbreviations=frozenset(
        "т.д т.п т.ч т.зв ім вул просп пров обл р-н тис млн млрд трлн грн коп дол проф акад "
        "ген ст див напр рис рр".split()
    ),
    number_abbreviations=frozenset({"№"}),
    year_marks=frozenset({"р"}),
    script="cyrillic",
    letters="іїєґ",
    marker_words=frozenset("і що це який яка які також був була або від та".split()),
    furniture_prompts=(
        r"підписуйтесь", r"підпишіться", r"підписатися", r"читайте\s+також", r"поділитися",
        r"реклама",
    ),
    furniture_lines=(
        r"(?:опубліковано|оновлено)\s*:.*",
        r".{0,60}(?:усі|всі)\s+права\s+захищені.{0,40}",
        r"(?:фото|джерело)\s*:.{0,120}",
    ),
    byline_openers=("Автор:",),
    conjunctions=("і", "та"),
    dangling_words=("і", "й", "та", "а", "але", "або", "в", "у", "на", "з", "із", "до", "від",
                    "для", "по", "щоб", "який", "яка", "які"),
    furniture_phrases=(
        r"підпишіться\s+на", r"читайте\s+також", r"поділитися\s+в", r"фото:",
        r"права\s+захищені",
    ),
    captions=(r"^(?:на\s+)?(?:фото|відео|дивіться)\b", r"фото\s*:"),
    credits=(r"підготува(?:в|ла|ли)\b", r"підготовлено\b", r"автор\s*:"),
    stamps=(
        r"(?:зведення|бюлетень|довідка|повідомлення|реліз|записка)\s+№\s*\d",
        r"опубліковано\s+о\s+\d{1,2}[:.]\d{2}",
    ),
    stigma_words=("підписатися", "реклама", "поділитися", "копіювання", "можливо",
                  "мабуть"),
    pronoun_attribution=(
        r"[»\"”]?,?\s+[—–-]\s+(?:(?:сказа|заяви|дода|зазначи|наголоси|поясни|повідоми"
        r"|розпові|уточни|визна)(?:в|ла|ли)|каже|вважає|пише|кажуть|вважають)"
        r"\s+(?:він|вона|вони)(?:\s+[\w'’-]+){0,2}\s*\.$"
    ),
)

# ---------------------------------------------------------------------------------------------
# Figures: number words, scales, currencies, months.
# ---------------------------------------------------------------------------------------------

FIGURES = FigureRules(
)

# ---------------------------------------------------------------------------------------------
# Quotes: speech verbs, pronouns, role nouns.
# ---------------------------------------------------------------------------------------------

QUOTES = QuoteRules(
)

# ---------------------------------------------------------------------------------------------

PACK = LanguagePack(code="uk", name="Українська", text=TEXT, figures=FIGURES, quotes=QUOTES)
