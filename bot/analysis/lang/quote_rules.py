"""Rules for quotes and speakers as data (compiled once per language by bot.analysis.quotes).

Word lists are plain words (matched case-insensitively unless said otherwise); the extraction
modules turn them into patterns, so adding a language never touches quotes/*.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteRules:
    """Language data for bot.analysis.quotes."""

    # Finite forms that frame a quotation: "said", "told", "заявил", "сказала".
    speech_verbs: tuple[str, ...] = ()
    # Speech verbs whose object is who was spoken to ("told the BBC"): the name after one is
    # never the speaker.
    addressee_verbs: tuple[str, ...] = ()
    # Whom words are told to, as a word after the speaker ("— сказал он корреспонденту ТАСС",
    # "заявил X журналистам", "сказал X агентству «Интерфакс»"): it ends the attribution, and
    # the name before it is the speaker, the outlet after it only listened.
    addressees: tuple[str, ...] = ()
    # Prepositions of where words were said ("написал в Telegram-канале мэр X", "заявил на
    # брифинге представитель X"): after a speech verb such a phrase may come before the
    # speaker's role and name.
    venue_prepositions: tuple[str, ...] = ()
    # Participles whose speaker is the subject of the sentence: "saying:", "adding:".
    speech_participles: tuple[str, ...] = ()
    # Personal pronouns with their gender ("m", "f", None for plural or unknown, "n" for an
    # organisation's "it").
    pronouns: tuple[tuple[str, str | None], ...] = ()
    # First-person pronouns: in a transcript ("Name:" then their words) "I said" is that person.
    first_person: tuple[str, ...] = ()
    # Words that may stand between a name and its verb ("Smith also said", "Петров уже заявил"),
    # and the ending of adverbs that may too ("Smith reportedly said").
    fillers: tuple[str, ...] = ()
    adverb_ending: str = ""
    # Phrases that lead a subject into its speech verb: "He went on to say:", "X was quick to
    # add".
    verb_leads: tuple[str, ...] = ()
    # Articles before a role after a name: "Mervyn King, the governor".
    articles: tuple[str, ...] = ()
    # Words that open a reported clause ("said that she ..."): the pronoun after one in what a
    # person said tells that person's gender ("Ann Lee said she would stay").
    complementisers: tuple[str, ...] = ()
    # Relations that introduce a person with a gender: "his wife, ex-model Sandra".
    relation_nouns: tuple[tuple[str, str], ...] = ()
    # Courtesy titles dropped from a speaker's name, with the gender they imply.
    honorifics: tuple[tuple[str, str | None], ...] = ()
    # Capitalised words that open a name but belong to a title: "Minister", "Deputy", "Глава".
    title_words: tuple[str, ...] = ()
    # Titles that are part of how a person is named and stay: "Prince", "Lord".
    kept_titles: tuple[str, ...] = ()
    # Nouns for a person's role; "the chancellor" resolves to the person introduced with it.
    role_nouns: tuple[str, ...] = ()
    # Roles that are a shape rather than a word (regular expressions): "the 22-year-old".
    role_shapes: tuple[str, ...] = ()
    # Nouns for an organisation; "the ministry" resolves to the organisation named with it.
    organisation_nouns: tuple[str, ...] = ()
    # Unnamed spokespeople: the organisation next to them is the speaker.
    spokesperson_nouns: tuple[str, ...] = ()
    # Phrases a speaker's name follows: "according to", "по словам" (genitive in Russian).
    according_to: tuple[str, ...] = ()
    # Possessives inside such a phrase ("по его словам") with the personal pronoun whose
    # person they point back to ("он").
    possessives: tuple[tuple[str, str], ...] = ()
    # Prepositions an organisation takes before a speech verb when it speaks as a body:
    # "В Кремле заявили", "У Мінфіні наголошують".
    source_prepositions: tuple[str, ...] = ()
    # Anonymous sources in every case: the organisation right after one is the outlet it
    # talked to ("источник «Медузы»", "собеседник агентства"), not the speaker.
    anonymous_sources: tuple[str, ...] = ()
    # Nouns for any body in every case ("рассказали в ведомстве"): the organisation last given
    # as a source.
    generic_organisations: tuple[str, ...] = ()
    # "говорится в сообщении", "said in a statement": the quote is the last named source's.
    statement_phrases: tuple[str, ...] = ()
    # Phrases an organisation follows as the source: "в пресс-службе", "на сайте", "a spokesman for".
    source_phrases: tuple[str, ...] = ()
    # "приводит слова X" (quotes X, named in the genitive): the words before X.
    words_of: tuple[str, ...] = ()
    # Relative pronouns: "X, who presents Y, said" is X speaking.
    relative_pronouns: tuple[str, ...] = ()
    # Conjunctions that open a clause with its own subject ("..., but McIlroy is unfazed"): a
    # pronoun in the next sentence most likely means that subject.
    contrast_words: tuple[str, ...] = ()
    # Prepositions and conjunctions: a speaker search after a verb stops at one ("заявил в
    # интервью ESPN", "revealed that ...").
    prepositions: tuple[str, ...] = ()
    # Capitalised words that never start a name ("The", "Как", "Однако").
    not_names: tuple[str, ...] = ()
    # Stems of words before a quoted span that make it a title or a name, not a quotation
    # ("книг" for «книга», «книгу»).
    title_nouns: tuple[str, ...] = ()
    # Name particles inside a name: "de", "van", "bin".
    name_particles: tuple[str, ...] = ()
    # Case endings of names to nominative: (ending, nominative), for men and for women.
    male_name_endings: tuple[tuple[str, str], ...] = ()
    female_name_endings: tuple[tuple[str, str], ...] = ()
    # Surname endings of a woman named in an oblique case ("по словам Анны Петровой").
    female_oblique_endings: tuple[str, ...] = ()
    # Surname endings that tell a name's gender (for he/she), checked longest first.
    female_surname_endings: tuple[str, ...] = ()
    male_surname_endings: tuple[str, ...] = ()
    # Endings of patronymics ("Антонович", "Сергеевна"), in languages where a full name is a
    # given name, a patronymic perhaps and a surname: capitalised words before those are the
    # body the person works for ("Минфина Павел Орлов", without a recogniser).
    patronymic_endings: tuple[str, ...] = ()
    # Surname endings that tell no gender ("Петренко", "Ковальчук", "Черных"): a surname still.
    neutral_surname_endings: tuple[str, ...] = ()
    # Direct speech opened by a dash at the start of a paragraph ("— Мы готовы, — сказал он.").
    dash_speech: bool = False
    # Auxiliaries that make a speech verb passive: "she was told" is not her speaking.
    passive_auxiliaries: tuple[str, ...] = ()
    # Words joining an organisation to its region or part: "ГУ МЧС по Приморскому краю",
    # "Ministry of Defence" (a person "of" an organisation splits: "Zara Hyde Peters of UK
    # Athletics").
    region_joiners: tuple[str, ...] = ()
    # First-name endings of women (Ольга, Мария) when the surname does not tell (Петренко),
    # and the men's names that end the same way (Никита, Микола).
    female_first_name_endings: tuple[str, ...] = ()
    male_first_names_like_female: tuple[str, ...] = ()
    # A named-entity recogniser that knows the language (loaded lazily): "natasha" or "".
    ner: str = ""
    # Interviews printed as dash-led questions and answers (quotes/interview.py): phrases of the
    # intro whose subject asks and whose object answers ("X поговорил с Y"), whose subject
    # answers and whose object asks ("Y ответила на вопросы X", "Y рассказал в интервью X"),
    # and after which the one who answers is named ("интервью с Y").
    interview_asked: tuple[str, ...] = ()
    interview_answered: tuple[str, ...] = ()
    interview_with: tuple[str, ...] = ()
    # A byline after an interview's last answer names who asked: "Беседовала X".
    interview_bylines: tuple[str, ...] = ()
    # Surname endings that no nominative of a man's (a woman's) name has, to the nominative:
    # a recogniser may leave a rare surname in its case ("Ильей Кетовым" -> "Илья Кетовым").
    oblique_male_surnames: tuple[tuple[str, str], ...] = ()
    oblique_female_surnames: tuple[tuple[str, str], ...] = ()
    # Nouns of public bodies a report may name with common words ("городская администрация",
    # "правительство республики"): with a modifier such a noun is the body's name
    # (quotes/bodies.py, languages with a recogniser only).
    body_nouns: tuple[str, ...] = ()
