"""The figure scanner's fast paths find exactly what the plain ones find: the first-character
look-ahead of long alternations, number starts in lower-cased ASCII text, the number-word check."""

import re

from bot.analysis.figures.first_chars import first_chars
from bot.analysis.figures.patterns import _alternation


def test_first_characters_of_literal_optional_and_lookbehind_branches():
    assert first_chars(("(?:US\\s+)?dollars?", "euros?", "(?<=\\d)p", "%")) == "[Udep%]"


def test_whitespace_and_digits_are_narrow_enough_to_keep():
    assert first_chars(("%", "percent", "(?<=quarter)\\s+of\\s+a\\s+point")) == "[%p\\s]"


def test_case_sensitive_branch_widens_nothing_it_should_not():
    assert first_chars(("(?-i:No)", "page", "[ий]ен")) == "[Npий]"


def test_no_class_when_a_branch_may_be_empty_or_starts_anywhere():
    assert first_chars(("a?", "bc")) is None          # "a?" matches nothing at all too
    assert first_chars(("\\w+est", "level")) is None   # a class of every letter tests for nothing
    assert first_chars(("[^a]b", "c")) is None
    assert first_chars(("(?i:x)", "y")) is None        # case-insensitive inside a sensitive pattern


def test_gated_alternation_matches_what_the_plain_one_matches():
    items = ("(?:US\\s+)?dollars?", "euros?", "pounds?", "(?<=\\d)p", "%", "per\\s+cent")
    plain = re.compile(r"\d+\s*" + _alternation(items), re.IGNORECASE)
    gated = re.compile(r"\d+\s*" + _alternation(items, gated=True), re.IGNORECASE)
    assert gated.pattern.startswith(r"\d+\s*(?=[")
    texts = ("5 US dollars", "5 Euros", "5p", "5 %", "5 per cent", "5 pesos", "5 Pounds", "5 years")
    found = [m.group() if m else None for m in map(gated.match, texts)]
    assert found == [m.group() if m else None for m in map(plain.match, texts)]
    assert found == ["5 US dollars", "5 Euros", "5p", "5 %", "5 per cent", None, "5 Pounds", None]


def test_lower_cased_number_starts_are_the_case_folded_ones():
    from bot.analysis.figures.patterns import patterns
    from bot.analysis.figures.scan import _figures

    p = patterns("en")
    sentence = "TWENTY-ONE miners and Two Thousand others, 5 more and Hundreds later"
    folded = [m.span() for m in _figures(sentence, p)]
    lowered = [m.span() for m in _figures(sentence, p, ascii_text=True)]
    assert lowered == folded
    assert [sentence[a:b] for a, b in folded] == ["TWENTY-ONE", "Two Thousand", "5", "Hundreds"]


def test_number_word_check_is_whole_word_and_case_blind():
    from bot.analysis.figures.patterns import patterns

    p = patterns("en")
    assert p.has_number_word("Seven (Twenty-one) ran")
    assert p.has_number_word("it grew, tenfold.")
    assert not p.has_number_word("Often, someone tends to listen")  # "ten", "one" inside words
