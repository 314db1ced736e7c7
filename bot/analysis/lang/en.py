"""English: the language pack (text, figures, quotes rules as data)."""

from __future__ import annotations

from .figure_rules import FigureRules
from .pack import LanguagePack
from .quote_rules import QuoteRules
from .text_rules import TextRules

# ---------------------------------------------------------------------------------------------
# Text: cleaning, sentences, detection, stems, stop words.
# ---------------------------------------------------------------------------------------------

TEXT = TextRules(
    snowball="english",
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
    speech_verbs=tuple(
        "said says say told tells added adds stated states noted notes stressed emphasised "
        "emphasized warned explained declared insisted argued continued concluded wrote writes "
        "asked replied remarked announced acknowledged admitted commented observed recalled "
        "urged conceded confirmed claimed predicted suggested believes reckons maintained "
        "complained boasted joked revealed described explains insists argues warns claims "
        "admits recalls continues concludes asks replies suggests confirms concedes urges "
        "tweeted posted responded responds".split()
    ),
    speech_participles=("saying", "adding", "telling", "writing", "noting", "warning"),
    pronouns=(("he", "m"), ("she", "f"), ("they", None)),
    first_person=("I", "we"),
    fillers=("also", "has", "have", "had", "was", "were", "is", "then", "later", "again"),
    adverb_ending="ly",
    articles=("the", "a", "an"),
    honorifics=(("Mr", "m"), ("Mrs", "f"), ("Ms", "f"), ("Miss", "f"), ("Dr", None),
                ("Sir", "m"), ("Dame", "f"), ("Prof", None), ("Professor", None)),
    title_words=tuple(
        "Minister Deputy Prime President Vice Chairman Chairwoman Chair Head Director General "
        "Chief Executive Governor Mayor Ambassador Secretary Spokesman Spokeswoman Spokesperson "
        "Senator Chancellor Commissioner Finance Economy Transport Health Energy Defence Defense "
        "Interior Foreign Affairs Labour Labor Agriculture Education Justice Trade Industry Water "
        "Resources Home Culture Sports Coach Manager Captain Judge Inspector Superintendent "
        "Officer Colonel Gen Col Lt Sgt Tory Conservative Liberal Democrat Lib Dem "
        "Republican Democratic Independent Green Shadow State MP MEP".split()
    ),
    kept_titles=("Prince", "Princess", "King", "Queen", "Crown", "Lord", "Lady", "Baroness", "Pope"),
    role_nouns=tuple(
        "minister chancellor president premier secretary chairman chairwoman chair chief head "
        "director governor mayor ambassador commissioner spokesman spokeswoman spokesperson "
        "leader official economist analyst lawyer coach manager captain artist artists author "
        "professor expert founder executive boss".split()
    ),
    organisation_nouns=tuple(
        "ministry department government agency company firm bank office committee commission "
        "council authority service regulator group federation union association party "
        "organisation organization".split()
    ),
    spokesperson_nouns=("spokesman", "spokeswoman", "spokesperson", "official", "officials",
                        "representative", "source", "sources", "statement"),
    according_to=("according to",),
    statement_phrases=("said in a statement", "the statement said", "said the statement",
                       "a statement said", "said in a note"),
    source_phrases=("a spokesman for", "a spokeswoman for", "a spokesperson for",
                    "a representative of", "officials at", "officials from"),
    words_of=(),
    relative_pronouns=("who", "whose"),
    prepositions=tuple("in at on of for to from by with near after before about during "
                       "into over under "
                       "that what whether how if".split()),
    not_names=tuple(
        "The A An This That These Those It He She They We I You But And Or However Speaking "
        "According In On At By For Meanwhile Also So Then Now When While Although If As After "
        "Before Earlier Later Last Next Yesterday Today Tomorrow Monday Tuesday Wednesday "
        "Thursday Friday Saturday Sunday January February March April May June July August "
        "September October November December His Her Their Our Its My There Here What Why "
        "How Who Where Which Some Many Most All Both Each Every No Not Family".split()
    ),
    title_nouns=tuple(
        "book film movie novel song album play show series programme program newspaper "
        "magazine campaign operation exhibition musical opera company party brand "
        "title".split()
    ),
    name_particles=("de", "da", "van", "von", "der", "bin", "ibn", "al", "le", "la", "du", "&",
                    "of"),
    region_joiners=("of",),
    passive_auxiliaries=("was", "were", "been", "being", "is", "are", "be"),
    # Transliterated Slavic and Central Asian surnames tell the gender (Yusupova, Sharipov).
    female_surname_endings=("ova", "eva", "yeva", "ina", "aya", "skaya"),
    male_surname_endings=("ov", "ev", "yev", "in", "sky", "skiy", "iy"),
)

# ---------------------------------------------------------------------------------------------

PACK = LanguagePack(code="en", name="English", text=TEXT, figures=FIGURES, quotes=QUOTES)
