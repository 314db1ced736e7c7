"""Figure rules are data in each language pack: every list free of repeats, every pack compiles."""

from __future__ import annotations

import dataclasses

import pytest

from bot.analysis.figures import extract_figures
from bot.analysis.figures.patterns import patterns
from bot.analysis.lang import codes, get_pack


@pytest.mark.parametrize("code", codes())
def test_no_word_is_listed_twice(code: str) -> None:
    rules = get_pack(code).figures
    for field in dataclasses.fields(rules):
        value = getattr(rules, field.name)
        if isinstance(value, tuple):
            keys = [item[0] if isinstance(item, tuple) else item for item in value]
            assert len(keys) == len(set(keys)), (code, field.name,
                                                 sorted({k for k in keys if keys.count(k) > 1}))


@pytest.mark.parametrize("code", codes())
def test_each_pack_has_the_rules_figures_need(code: str) -> None:
    rules = get_pack(code).figures
    assert rules.number_words and rules.months and rules.currency_words and rules.percent_words
    assert rules.impact_words and rules.time_units and rules.approximations
    assert patterns(code) is patterns(code)  # compiled once per language


def test_an_unknown_language_uses_the_default_pack() -> None:
    assert [f.context for f in extract_figures(["Nine people have died."], "xx")] == ["Nine people have died"]
