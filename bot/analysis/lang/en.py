"""English: the language pack (text, figures, quotes rules as data)."""

from __future__ import annotations

from .figure_rules import FigureRules
from .pack import LanguagePack
from .quote_rules import QuoteRules
from .text_rules import TextRules, word_list

# ---------------------------------------------------------------------------------------------
# Text: cleaning, sentences, detection, stems, stop words.
# ---------------------------------------------------------------------------------------------

TEXT = TextRules(
    snowball="english",
    stop_words=word_list("stopwords_en.txt"),
    abbreviations=frozenset(
        "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr inc ltd co corp "
        "vs jan feb mar apr jun jul aug sep sept oct nov dec approx dept est mt ft "
        "u.s u.k u.n e.g i.e a.m p.m".split()
    ),
    number_abbreviations=frozenset({"no", "nos"}),
    script="latin",
    marker_words=frozenset("the and of is was that with for".split()),
    furniture_prompts=(
        r"click\s+here", r"share\s+this", r"share\s+on", r"share\s+or\s+comment", r"subscribe",
        r"sign\s+up", r"follow\s+us", r"read\s+more", r"related\s+(?:articles?|stories|news)",
        r"advertisement", r"scroll\s+down", r"we\s+use\s+cookies",
        r"this\s+(?:site|website)\s+uses\s+cookies",
    ),
    furniture_lines=(
        r"(?:published|updated|last\s+updated|posted|modified)\s*:.*",
        r".{0,60}\ball\s+rights\s+reserved\b.{0,40}",
        r"comments?\s*\(\d+\)",
        r".{0,80}\bpage\s+\d+\s+(?:of|/)\s+\d+",
        r"(?:\(c\)|copyright\b).*",
        r"(?:photo|image|picture|source)\s*:.{0,120}",
        r"\(?(?:getty\s+images|reuters|afp|ap|pa|epa|rex(?:\s+features)?|alamy)\)?",
    ),
    furniture_prefixes=(
        r"by\s*\.\s*[^.]{1,80}?\s*\.\s*",
        r"(?:published|updated|last\s+updated)\s*:\s*[^|]{0,60}?\d{4}\s*\.?\s*\|?\s*\.?\s*",
        r"last\s+updated\s+at\s+[^.]{0,60}?\d{4}\s*\.\s*",
    ),
    byline_openers=("By", "BY"),
    conjunctions=("and",),
    dangling_words=("a", "an", "the", "of", "to", "and", "or", "but", "who", "which", "whose",
                    "for", "with", "from", "into", "their", "its", "my", "our", "your", "than"),
    furniture_phrases=(
        r"click\s+here", r"share\s+this", r"share\s+(?:or\s+comment|on\s+(?:facebook|twitter))",
        r"scroll\s+down\s+for", r"read\s+more:", r"sign\s+up\s+for", r"follow\s+(?:us\s+on|@)",
        r"all\s+rights\s+reserved", r"last\s+updated\s+at", r"published:", r"updated:",
        r"image\s+caption", r"media\s+playback", r"(?:e-mail|email)\s+to\s+a\s+friend",
        r"comments?\s+(?:are|have\s+been)\s+closed", r"unable\s+to\s+accept\s+comments",
        r"may\s+not\s+be\s+(?:published|reproduced)",
    ),
    meta_words=frozenset(
        """
        est edt gmt bst utc pst cet am pm by published updated last at on and
        jan january feb february mar march apr april may jun june jul july aug august
        sep sept september oct october nov november dec december
        picture pictures photo photos video reporter
        """.split()
    ),
    captions=(
        r"\((?:pictured|pictured\s+\w+|left|right|centre|center|above|below|file\s+photo)\)",
        r"pictured\b",  # "Smith, pictured, said": caption phrasing, never a news sentence
        r"\((?:[^()]{0,40}[/:]\s*)?(?:getty(?:\s+images)?|rex(?:\s+features)?|alamy"
        r"|shutterstock)\)",
        r"^(?:pictured|photo|image|video|watch|see\s+more|related|editor'?s\s+note)\b",
        r"(?:photo|picture|image)\s*(?:credit\s*)?:", r"credit\s*:",
    ),
    credits=(
        r"(?:prepared|compiled|written|edited|produced|translated|photographs?)\s+by\b",
        r"(?:with\s+)?(?:additional\s+)?reporting\s+by\b",
    ),
    stamps=(
        r"(?:summary|report|bulletin|update|briefing|note|release|statement|communique|communiqué)"
        r"\s+(?:no\.?|number|#)\s*\d",
        r"issued\s+at\s+\d{1,2}[:.]\d{2}",
        r"contributed\s+to\s+this\s+report",
        r"^(?:briefing\s+note|press\s+release|news\s+release|fact\s+sheet|situation\s+report"
        r"|for\s+immediate\s+release|embargoed)\b[^.!?]*$",
    ),
    stigma_words=("click", "subscribe", "share", "advertisement", "copyright", "cookie",
                  "newsletter", "hardly", "impossible", "perhaps", "maybe"),
    pronoun_attribution=(
        r"[,.!?…][\"'”’]\s+(?:he|she|they)\s+(?:said|says|added|told(?:\s+[\w'’]+){1,3}"
        r"|explained|noted|warned|continued)\s*\.$"
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

PACK = LanguagePack(code="en", name="English", text=TEXT, figures=FIGURES, quotes=QUOTES)
