"""Speech in single marks ('We won,' he said), as British tabloids print it: quotations only in
a report that quotes that way; elsewhere single marks are titles, scare quotes, apostrophes."""

from __future__ import annotations

from bot.analysis.pipeline import unfit_for_summary
from bot.analysis.quotes import extract_quotes
from bot.analysis.quotes.spans import quotes_in_single_marks
from bot.analysis.sentences import split_sentences

TABLOID = """Council leader Jane Forbes said the plan would save the town's library.

'We have listened to residents and we will not close a single branch,' Mrs Forbes said.

'It's the right decision for the town.'

But opposition councillor Tom Reid, 54, was not convinced. 'The figures don't add up,' he said. \
'They have cut the players' budget twice in three years.'

He added: 'We will keep fighting.'

The so-called 'library tax' was dropped in the '90s."""


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, "en")]


def test_tabloid_speech_in_single_marks_is_quoted_with_its_speakers() -> None:
    assert quotes(TABLOID) == [
        ("We have listened to residents and we will not close a single branch", "Jane Forbes"),
        ("It's the right decision for the town.", "Jane Forbes"),
        ("The figures don't add up", "Tom Reid"),
        ("They have cut the players' budget twice in three years.", "Tom Reid"),
        ("We will keep fighting.", "Tom Reid"),
    ]


def test_a_report_quoting_in_double_marks_keeps_single_marks_for_titles() -> None:
    text = ("The band's new album 'Songs of the Road' went straight to number one.\n\n"
            "\"We never expected this,\" said singer Ana Lopes. \"It's the fans' record.\"\n\n"
            "Critics called it 'a triumph of the ordinary,' the label said.")
    assert not quotes_in_single_marks(text)
    assert quotes(text) == [("We never expected this", "Ana Lopes"),
                            ("It's the fans' record.", "Ana Lopes")]


def test_apostrophes_alone_never_switch_to_single_marks() -> None:
    text = ("The players' union said it wasn't consulted. Its members' pay hasn't risen since "
            "the '90s, and they're angry.")
    assert not quotes_in_single_marks(text)
    assert quotes(text) == []


def test_a_single_marked_quote_is_not_also_a_summary_bullet() -> None:
    """The digest lists the quote with its speaker; the bare quote is no bullet beside it."""
    sentences = split_sentences(TABLOID, "en")
    bare = sentences.index("'It's the right decision for the town.'")
    listed = extract_quotes(TABLOID, "en", limit=3)
    assert ("It's the right decision for the town.", "Jane Forbes") in \
        [(q.text, q.speaker) for q in listed]
    assert bare in unfit_for_summary(sentences, listed, "en")
