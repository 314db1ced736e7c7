"""The per-token memo: the same answers as the function it remembers, in bounded memory."""

from __future__ import annotations

from bot.analysis import tokens
from bot.analysis.tokens import TokenMemo


def test_token_memo_answers_like_its_function_and_computes_each_token_once() -> None:
    asked: list[str] = []

    def shout(token: str) -> str:
        asked.append(token)
        return token.upper()

    memo = TokenMemo(shout, maxsize=10)
    assert list(map(memo.__getitem__, ["said,", "the", "said,", "the"])) == [
        "SAID,", "THE", "SAID,", "THE"]
    assert asked == ["said,", "the"]


def test_token_memo_starts_afresh_when_full() -> None:
    memo = TokenMemo(len, maxsize=3)
    for token in ["a", "bb", "ccc", "dddd", "eeeee"]:
        memo[token]
    assert dict(memo) == {"dddd": 4, "eeeee": 5}
    assert memo["bb"] == 2


def test_token_stems_match_the_stems_of_a_whole_text() -> None:
    stems = tokens.token_stems("en")
    assert stems("growing,") == ("grow",)
    assert stems("the") == ()  # a stop word
    assert stems("(well-known)") == ("well-known",)
    text = "The growing economy, well-known to all, grows."
    assert [s for token in text.lower().split() for s in stems(token)] == tokens.content_stems(
        text, "en")
