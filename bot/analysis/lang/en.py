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

_EN_UNITS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

# "revenue nearly tripled": a multiplier told by its verb
_EN_MULTIPLIER_VERBS = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "tripling": 3.0,
                        "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5, "halving": 0.5}

FIGURES = FigureRules(
    number_words=(
        *((word, float(value)) for value, word in enumerate(_EN_UNITS, start=2)),
        *((word, float(value)) for value, word in zip(range(20, 100, 10), _EN_TENS, strict=True)),
        ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9),
        ("trillion", 1e12), ("dozen", 12.0), ("dozens", 24.0), ("hundreds", 1e2),
        ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("half", 0.5), ("quarter", 0.25),
        ("twofold", 2.0), ("threefold", 3.0), ("fourfold", 4.0), ("fivefold", 5.0),
        ("tenfold", 10.0), *_EN_MULTIPLIER_VERBS.items(),
    ),
    multiplier_words=("twofold", "threefold", "fourfold", "fivefold", "tenfold",
                      *_EN_MULTIPLIER_VERBS),
    exchange_after=(r"(?:per|against\s+the|to\s+the)\s+(?:US\s+)?"
                    r"(?:dollar|euro|pound|yen|yuan|rouble|ruble|sterling|greenback)",),
    per_time_after=(r"(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute|second)",),
    multiplier_after=(r"times\s+(?:more|less|fewer|as|over|higher|lower|greater|bigger|larger|"
                      r"smaller|faster|slower|cheaper|dearer|worse|better)\b",),
    one_words=("one", "a"),
    number_joiners=("and",),
    scale_words=(
        ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9),
        ("trillion", 1e12), ("mln", 1e6), ("bln", 1e9),
    ),
    scale_suffixes=(("bn", 1e9), ("m", 1e6), ("k", 1e3), ("mn", 1e6), ("tn", 1e12),
                    ("secs", 1.0), ("sec", 1.0),  # a glued unit: "won in 6.46secs", "a 40GB drive"
                    *((unit, 1.0) for unit in (
                        "GB", "MB", "KB", "TB", "Mbps", "Kbps", "Gbps", "GHz", "MHz", "kg", "mph",
                        "kph", "MW", "GW", "kW", "kWh"))),  # not "km": "the 10km" is a race
    currency_symbols=("US$", "C$", "A$", "$", "€", "£", "¥", "₽", "₸", "₴"),
    currency_words=(
        r"(?:US\s+)?dollars?", r"euros?", r"pounds?", "sterling", r"rubles?", r"roubles?", "somoni",
        "tenge", "yuan", "yen", "rupiah", r"rupees?", r"soms?", r"manats?", r"sums?", r"hryvnias?",
        r"hryvnyas?", "rand", "baht", r"lir[ae]", r"francs?", r"krona", r"kronor", r"kroner",
        r"zloty", r"dinars?", r"dirhams?", r"riyals?", "ringgit", r"pesos?", r"shekels?", "naira",
        r"cents?", r"pence", r"(?<=\d)p", "USD", "EUR", "GBP", "RUB", "TJS", "KZT", "UZS", "CNY", "UAH",
        # the world's other currencies, by name: "59.2 trillion rupiah ($6.58bn)"; "won" only
        # after a scale ("5 trillion won"), or "3 won" would be money in a sports report
        r"(?:(?<=illion\s)|(?<=\d[bt]n\s))won", "renminbi", r"lari", r"drams?", r"kwacha",
        r"cedis?", r"forints?", r"korun[ay]", r"lei", r"leva", r"kuna", r"rials?", r"reais",
        r"bolivars?", r"taka", r"kyats?", r"dong", r"afghanis?", r"birr", r"shillings?",
        r"tugriks?", r"quetzal(?:es)?", r"hryvnia",
    ),
    percent_words=("%", "percent", r"per\s+cent", r"percentage\s+points?",
                   # "a quarter of a point", "half a percentage point": a fraction of a point
                   r"(?<=quarter)\s+of\s+a\s+(?:percentage\s+)?point",
                   r"(?<=half)\s+a\s+(?:percentage\s+)?point"),
    fraction_words=("quarter",),
    approximations=(
        r"more\s+than", "over", "nearly", "almost", "about", "around", "approximately", "roughly",
        r"up\s+to", r"at\s+least", r"fewer\s+than", r"less\s+than", "under", r"close\s+to",
        r"as\s+(?:many|much|few|little|high|low)\s+as", r"an\s+estimated", "some", r"just\s+over",
        r"just\s+under",
        r"well\s+over", "only", r"(?:a\s+)?little\s+(?:over|under|more\s+than|less\s+than)",
    ),
    between_words=("between",),
    range_words=("to", "or"),
    and_words=("and",),
    change_prepositions=("by",),
    conversion_words=("or", r"that(?:'|’)s", r"that\s+is"),  # "1.5bn euros, that's over £1bn"
    approx_after=(r"or\s+so", r"or\s+more", r"or\s+less"),
    months=(
        r"jan(?:uary)?", r"feb(?:ruary)?", r"mar(?:ch)?", r"apr(?:il)?", "may", r"june?", r"july?",
        r"aug(?:ust)?", r"sep(?:t(?:ember)?)?", r"oct(?:ober)?", r"nov(?:ember)?", r"dec(?:ember)?",
    ),
    reference_words=(
        "page", "pages", r"p\.", r"pp\.", r"no\.", r"nos\.", "article", r"art\.", "paragraph",
        r"para\.?", "section", "chapter", "item", r"vol\.", "volume", "room", "flight", "route",
        "highway", "resolution", "№", "top", "first", "clause", "subsection", "part", "annex",
        r"(?-i:No)",  # "No 10", "Ex-No 10 media chief": capitalised, so "no 10 people" counts
    ),
    not_after=(
        r"a\.m\.", r"p\.m\.", r"am\b", r"pm\b", r"gmt\b", r"utc\b", r"est\b", r"bst\b", r"cet\b",
        r"msk\b", "o'clock",
        # an address: "10 Downing Street", "221 Baker Street"
        r"(?-i:(?:[A-Z][\w'’-]+\s+)+(?:Street|Road|Avenue|Lane|Square|Place|Drive)\b)",
    ),
    age_before=("aged", r"(?:age|ages)\s+of"),
    age_after=(r"(?:years?|months?|weeks?|days?)[\s-]+old", r"-year-old"),
    time_units=(
        "second seconds minute minutes hour hours day days week weeks month months year years "
        "decade decades century centuries quarter quarters"
    ).split(),
    frame_before=("the", "past", "preceding", "previous", "first", "these",
                  # "the last three years"; a verb in "the strike will last 48 hours"
                  r"(?:the|its|their|his|her|our|my|your|in|over|for|during)\s+last",
                  # "Within two years, the firm had gone": a frame at the clause's start; "an
                  # appeal within 14 days" is a deadline, and the deadline is the fact
                  r"(?:^|(?<=[,;:\"“(]))\s*within",
                  # "its lowest level in three years", "the first time in two decades"; a
                  # plain "in" stays a figure: "won in 14 minutes", "in 100 hours of tapes"
                  r"(?:\w+est|level|levels|time|high|low)(?:\s+point)?\s+in",
                  # "its third profits warning in nine months": the nth event in a period
                  r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
                  r"(?:\s+[\w'’-]+){1,3}\s+in",
                  # "in the prize's 20 years", "over its 150 years": a lifetime, not a fact
                  r"(?:in|over|during|throughout)\s+(?:the\s+)?(?:[\w-]+['’]s|its|their|his|her|our)"),
    frame_after=("ago", "later", "after", "earlier", "before", "since"),
    frame_before_approximate=("in",),
    rate_periods=("in", "over", "during"),  # "a best-seller in little over two years"
    limit_words=(r"up\s+to", r"at\s+least", r"no\s+more\s+than", r"at\s+most"),
    anaphora_words=("the", "these", "those", "both", "its", "their", "his", "her", "our", "all"),
    weak_nouns=("sides", "factors", "ways", "things", "parts", "reasons", "times", "aspects",
                "elements", "questions", "issues", "words", "options", "kinds", "types",
                "categories", "scenarios", "approaches"),
    division_before=(r"(?:split|splits|splitting|divided|divides|dividing|falls?|fell)\s+into",),
    band_labels=True,
    event_before=("men's", "women's"),
    race_units=("metres", "meters", "metre", "meter", "m", "km", "kilometres", "miles", "mile",
                "yards"),
    conditional_after=(r"and\s+(?:you|your|you're|you'll|we|we're|we'll|i|i'm|it's|that's)",),
    event_after=("hurdles", "relay", "freestyle", "backstroke", "breaststroke", "butterfly",
                 "medley", "final", "title", "champion", "race", "sprint", "record", "event",
                 "indoor", "outdoor", "indoors", "outdoors", "world", "victory", "win", "gold",
                 "silver", "bronze", "heat", "crown", "runner", "runners", "specialist",
                 "favourite", "favourites", "champions", "finals", "races", "records", "titles",
                 "star", "heats", "events"),
    extra_stop_words=(
        "who which that whom whose than per each a an the and or of to from in on at by with for "
        "as is are was were be been this these those it its their his her our said says years-old"
    ).split(),
    counted_nouns=("tries", "changes", "causes", "uses", "examples", "names", "courses", "values"),
    filler_words=("other", "more", "new", "additional", "extra", "further", "such", "main",
                  "former", "own"),
    partitive_words=("of",),
    vague_numbers=("dozens", "hundreds", "thousands", "millions", "billions"),
    of_them=(r"of\s+(?:them|whom|which)",),
    # "the death toll has risen to 17.": a level at the clause's end says what it counts
    # before it ("was 17" is left out: more often an age)
    count_verbs=(r"(?:rose|risen|rise[sn]?|fell|fallen|climbed|jumped|increased|dropped|grew|grown)\s+to",
                 r"st(?:an|oo)ds?\s+at", r"reached", r"totall?ed", r"numbered"),
    fraction_after=(r"thirds?", r"fifths?", r"sixths?", r"eighths?", r"tenths?", r"halves",
                    r"quarters?(?=\s+of\b)"),
    per_words=("per",),
    figurative_after=(r"(?:sure|certain|confident|convinced|committed|behind|fit|right)\b",),
    prepositions=("to", "by", "of", "at", "from"),
    articles=("a", "an", "the"),
    planned_words=("next", "coming", "following"),
    measured_by=("in", "of", "on", "for"),
    clause_words=("and", "but", "while", "whereas", "which", "that", "who", "as", "although",
                  "though", "when", "where", "after", "because"),
    verb_endings=r"\w{3,}(?:ed|ing)",
    plural_noun=r"[a-z][a-z’'-]*[a-rt-z]s",
    # a lower-case word not ending in "s" and not an irregular plural
    singular_noun=(r"(?!(?:people|men|women|children|police|staff|crew|cattle|sheep|fish|feet|"
                   r"teeth|mice|geese|data|media|personnel|clergy|youth|aircraft)$)"
                   r"[a-z][a-z’'-]*[a-rt-z]"),
    generic_nouns=("people", "persons", "individuals"),
    head_noun_last=True,
    harm_words=(
        r"killed", r"dead", r"deaths?", r"died", r"injured", r"wounded", r"hurt", r"trapped",
        r"missing", r"victims?", r"casualties", r"fatalities", r"hospitali[sz]ed",
        # "six miners remain underground" ("a mine 400 metres underground" is not)
        r"(?:remain(?:s|ed)?|still|are|were)\s+(?:underground|under\s+(?:the\s+)?rubble)",
    ),
    impact_words=(
        r"evacuated", r"displaced", r"homeless", r"rescued", r"arrested", r"detained", r"affected",
        r"stranded", r"without\s+(?:power|electricity|water|heating|homes?|shelter)",
    ),
    auxiliaries=("were", "are", "was", "is", "have", "has", "had", "been", "be", "remain",
                 "remained", "remains", "still", "being", "reportedly", "now", "also", "left"),
    change_words=(
        r"inflation", r"growth", r"grew", r"grow(?:s|n)?", r"rose", r"rise[sn]?", r"fell",
        r"fall(?:s|en)?", r"jump(?:ed|s)?", r"slump(?:ed|s)?", r"drop(?:ped|s)?", r"declined?",
        r"increased?", r"decreased?", r"slowed", r"climbed", r"surged", r"plunged", r"gained",
        r"lost", r"up", r"down", r"weakened", r"strengthened", r"rates?", r"unemployment", r"gdp",
        r"hikes?", r"hiked", r"rais(?:e[sd]?|ing)", r"cuts?", r"boost(?:s|ed)?", r"increases",
        r"reductions?", r"gains?",
        r"economy",
    ),
    plan_words=(r"plan", r"target", r"quota", r"budget"),
    score_words=(
        r"beat", r"beaten", r"won", r"wins?", r"lost", r"loses?", r"drew", r"draw", r"defeat(?:ed)?",
        r"victory", r"score[ds]?", r"scorelines?", r"match", r"lead", r"led", r"trail(?:ed|ing)?",
        r"thrash(?:ed)?", r"half[\s-]time", r"goals?",
        r"decision", r"ruling", r"verdict", r"votes?", r"voted", r"majority",  # a 2-1 decision
    ),
)

# ---------------------------------------------------------------------------------------------
# Quotes: speech verbs, pronouns, role nouns.
# ---------------------------------------------------------------------------------------------

QUOTES = QuoteRules(
    speech_verbs=tuple(
        "said says say tell told tells added adds stated states noted notes stressed emphasised "
        "emphasized warned explained declared insisted argued continued concluded wrote writes "
        "asked replied remarked announced acknowledged admitted commented observed recalled "
        "urged conceded confirmed claimed predicted suggested believes reckons maintained "
        "complained boasted joked revealed described explains insists argues warns claims "
        "admits recalls continues concludes asks replies suggests confirms concedes urges "
        "tweeted posted responded responds specified specifies confesses confessed".split()
    ),
    addressee_verbs=("told", "tells", "tell"),
    speech_participles=("saying", "adding", "telling", "writing", "noting", "warning"),
    pronouns=(("he", "m"), ("she", "f"), ("they", None), ("it", "n")),
    first_person=("I", "we"),
    fillers=("also", "has", "have", "had", "was", "were", "is", "then", "later", "again"),
    adverb_ending="ly",
    verb_leads=("went on to", "goes on to", "going on to", "was quick to", "were quick to",
                "was keen to", "were keen to", "wanted to", "wants to", "would", "will",
                "did not", "didn't", "went further", "went on"),
    articles=("the", "a", "an"),
    honorifics=(("Mr", "m"), ("Mrs", "f"), ("Ms", "f"), ("Miss", "f"), ("Dr", None),
                ("Sir", "m"), ("Dame", "f"), ("Prof", None), ("Professor", None),
                # "the Rt Rev Dr Tom Wright", "the Rt Hon Jack Straw", "the Revd Helen Ward"
                ("Rt", None), ("Rev", None), ("Revd", None), ("Reverend", None), ("Hon", None),
                ("Fr", "m")),
    complementisers=("that",),
    relation_nouns=(("wife", "f"), ("husband", "m"), ("mother", "f"), ("father", "m"),
                    ("daughter", "f"), ("son", "m"), ("sister", "f"), ("brother", "m"),
                    ("widow", "f"), ("widower", "m"), ("girlfriend", "f"), ("boyfriend", "m"),
                    ("fiancee", "f"), ("fiance", "m")),
    title_words=tuple(
        "Minister Deputy Prime President Vice Chairman Chairwoman Chair Head Director General "
        "Chief Executive Governor Mayor Ambassador Secretary Spokesman Spokeswoman Spokesperson "
        "Senator Chancellor Commissioner Finance Economy Transport Health Energy Defence Defense "
        "Interior Foreign Affairs Labour Labor Agriculture Education Justice Trade Industry Water "
        "Resources Home Culture Sports Coach Manager Captain Judge Inspector Superintendent "
        "Officer Colonel Gen Col Lt Sgt Tory Conservative Liberal Democrat Lib Dem "
        "Republican Democratic Independent Green Shadow State MP MEP "
        "Bishop Archbishop Cardinal Rabbi Imam "
        "Spaniard Scotsman Welshman Englishman Irishman Frenchman Dutchman Briton "
        # police, military and US ranks: "Det Supt Ian Grey", "Sen. John McCain"
        "Det Supt Insp Ch Con PC DCI DI DS Constable Sergeant Detective Lieutenant Commander "
        "Cmdr Admiral Adm Brig Brigadier Cpl Corporal Sen Rep Gov Congressman Congresswoman "
        "Secretary-General Speaker Councillor Cllr Alderman Pastor Sheikh Ayatollah".split()
    ),
    kept_titles=("Prince", "Princess", "King", "Queen", "Crown", "Lord", "Lady", "Baroness", "Pope"),
    role_nouns=tuple(
        "minister chancellor president premier secretary chairman chairwoman chair chief head "
        "director governor mayor ambassador commissioner spokesman spokeswoman spokesperson "
        "leader official economist analyst lawyer coach manager captain artist artists author "
        "professor expert founder executive boss "
        # "the Bishop said" is the Bishop of Durham the report named; sport and show business
        # call people by what they won or do: "said the European champion"
        "bishop archbishop cardinal champion medallist star player striker winner singer "
        "actor actress presenter novelist sprinter athlete runner hurdler swimmer cyclist "
        "boxer golfer defender midfielder goalkeeper winger batsman bowler jockey trainer "
        "footballer cricketer musician guitarist comedian film-maker filmmaker producer "
        "designer composer playwright poet journalist columnist historian scientist "
        "researcher surgeon campaigner activist solicitor barrister prosecutor businessman "
        "businesswoman entrepreneur banker adviser advisor "
        # "the Spaniard added", "said the Brazilian": a nationality for the person just named
        "Spaniard Scot Scotsman Welshman Englishman Irishman Frenchman Dutchman Swede Briton "
        "American Australian Brazilian Argentine Italian German Russian Kenyan Ethiopian "
        "Jamaican Canadian Portuguese "
        "Nigerian Ghanaian Ugandan Tanzanian Moroccan Algerian Egyptian Tunisian Eritrean "
        "Zimbabwean Zambian Ukrainian Belarusian Romanian Bulgarian Serbian Croatian Bosnian "
        "Slovenian Hungarian Austrian Belgian Norwegian Dane Finn Pole Czech Greek Turk Israeli "
        "Iranian Iraqi Pakistani Afghan Syrian Lebanese Palestinian Mexican Chilean Colombian "
        "Peruvian Cuban Venezuelan Uruguayan Lithuanian Latvian Estonian Kazakh Uzbek "
        "Frenchwoman Dutchwoman Englishwoman Scotswoman Welshwoman Irishwoman".split()
    ),
    role_shapes=(r"\d+-year-old",),
    organisation_nouns=tuple(
        "ministry department government agency company firm bank office committee commission "
        "council authority service regulator group federation union association party "
        "organisation organization magazine newspaper broadcaster channel network website "
        "club university foundation institute trust fund society corporation hospital court "
        "parliament police army navy charity airline airlines airways international watch".split()
    ),
    spokesperson_nouns=("spokesman", "spokeswoman", "spokesperson", "official", "officials",
                        "representative", "source", "sources", "statement"),
    according_to=("according to",),
    statement_phrases=("said in a statement", "the statement said", "said the statement",
                       "a statement said", "said in a note"),
    source_phrases=("a spokesman for", "a spokeswoman for", "a spokesperson for",
                    "a representative of", "officials at", "officials from"),
    words_of=(),
    relative_pronouns=("who", "whose", "which"),
    contrast_words=("but", "while", "whereas", "although", "though"),
    prepositions=tuple("in at on of for to from by with near after before about during "
                       "into over under "
                       "that what whether how if".split()),
    not_names=tuple(
        "The A An This That These Those It He She They We I You But And Or However Speaking "
        "According In On At By For Meanwhile Also So Then Now When While Although If As After "
        "Before Earlier Later Last Next Yesterday Today Tomorrow Monday Tuesday Wednesday "
        "Thursday Friday Saturday Sunday January February March April May June July August "
        "September October November December His Her Their Our Its My There Here What Why "
        "How Who Where Which Some Many Most All Both Each Every No Not Family "
        # what a title says of its holder's time: "Former Tory chancellor Ken Clarke"
        "Former Ex Acting Interim Outgoing".split()
    ),
    title_nouns=tuple(
        "book film movie novel song album play show series programme program newspaper "
        "magazine campaign operation exhibition musical opera company party brand "
        "title act bill decree order resolution treaty".split()
    ),
    name_particles=("de", "da", "van", "von", "der", "den", "bin", "ibn", "al", "le", "la", "du", "&",
                    "of"),
    region_joiners=("of",),
    passive_auxiliaries=("was", "were", "been", "being", "is", "are", "be"),
    # Transliterated Slavic and Central Asian surnames tell the gender (Yusupova, Sharipov).
    female_surname_endings=("ova", "eva", "yeva", "ina", "aya", "skaya"),
    male_surname_endings=("ov", "ev", "yev", "in", "sky", "skiy", "iy"),
)

# ---------------------------------------------------------------------------------------------

PACK = LanguagePack(code="en", name="English", text=TEXT, figures=FIGURES, quotes=QUOTES)
