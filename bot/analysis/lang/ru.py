"""Русский: the language pack (text, figures, quotes rules as data)."""

from __future__ import annotations

from .figure_rules import FigureRules
from .pack import LanguagePack
from .quote_rules import QuoteRules
from .text_rules import TextRules, word_list

# ---------------------------------------------------------------------------------------------
# Text: cleaning, sentences, detection, stems, stop words.
# ---------------------------------------------------------------------------------------------

TEXT = TextRules(
    snowball="russian",
    stop_words=word_list("stopwords_ru.txt"),
    abbreviations=frozenset(
        "т.е т.к т.н т.ч т.д т.п им ул пр обл р-н тыс млн млрд трлн руб долл проф акад ген ст "
        "см напр стр рис гг ок".split()
    ),
    number_abbreviations=frozenset({"№"}),
    year_marks=frozenset({"г"}),
    script="cyrillic",
    letters="ыэъё",
    marker_words=frozenset("и что это как который которые также был была были или его".split()),
    furniture_prompts=(
        r"подписывайтесь", r"подпишитесь", r"подписаться", r"читайте\s+также", r"поделиться",
        r"реклама",
    ),
    furniture_lines=(
        r"(?:опубликовано|обновлено)\s*:.*",
        r".{0,60}все\s+права\s+защищены.{0,40}",
        r"(?:фото|источник)\s*:.{0,120}",
    ),
    byline_openers=("От",),
    conjunctions=("и",),
    dangling_words=("и", "а", "но", "или", "в", "во", "на", "с", "со", "к", "по", "о", "об",
                    "из", "от", "до", "для", "чтобы", "который", "которая", "которые"),
    furniture_phrases=(
        r"подпишитесь\s+на", r"читайте\s+также", r"поделиться\s+в", r"фото:",
        r"все\s+права\s+защищены",
    ),
    meta_words=frozenset({"msk", "мск"}),
    captions=(r"^(?:на\s+)?(?:фото|видео|смотрите)\b", r"фото\s*:"),
    credits=(r"(?:материал\s+)?подготовил[аи]?\b", r"подготовлено\b", r"автор\s*:"),
    stamps=(
        r"(?:сводка|бюллетень|справка|сообщение|релиз|записка)\s+№\s*\d",
        r"опубликовано\s+в\s+\d{1,2}[:.]\d{2}",
    ),
    stigma_words=("подписаться", "реклама", "поделиться", "копирование", "возможно",
                  "наверное"),
    pronoun_attribution=(
        r"[»\"”]?,?\s+[—–-]\s+(?:сказал|заявил|добавил|отметил|подчеркнул|пояснил|сообщил"
        r"|рассказал|уточнил|признал)[аи]?\s+(?:он|она|они)\s*\.$"
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

PACK = LanguagePack(code="ru", name="Русский", text=TEXT, figures=FIGURES, quotes=QUOTES)
