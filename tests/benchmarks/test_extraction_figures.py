"""The extraction scorer's figure matching: vague plurals, scale words and spaces."""

from __future__ import annotations

import pytest

from benchmarks.extraction import figure_key, figure_pairs, main
from bot.analysis.model import Figure


@pytest.mark.parametrize(("gold", "found"), [
    ("thousands", "thousands"),
    ("тысячи", "тысячах"),                  # the same word in another case
    ("миллионы гектаров", "миллионы"),      # the counted noun is not part of the key
    ("десятки тысяч", "десятки тысяч"),
    ("half a trillion dollars", "half a trillion dollars"),
])
def test_vague_plurals_are_comparable(gold: str, found: str) -> None:
    assert figure_key(gold) is not None
    assert figure_key(gold) == figure_key(found)


def test_vague_plurals_of_different_scales_differ() -> None:
    assert figure_key("thousands") != figure_key("millions")
    assert figure_key("hundreds") != figure_key("hundreds of dollars")  # count vs money


def test_a_sum_in_a_less_common_currency_is_money_with_or_without_its_conversion() -> None:
    assert figure_key("59.2 trillion rupiah ($6.58bn; £3.5bn)") == (59.2e12, "money")
    assert figure_key("59.2 trillion rupiah") == (59.2e12, "money")
    assert figure_key("59,2 трлн рупий") == (59.2e12, "money")


def test_spaces_are_normalised_on_both_sides() -> None:
    sentence = "The burnt area grew from 512 thousand to 640 thousand hectares overnight."
    gold = ["512 thousand to\u00a0640\u202fthousand hectares"]
    found = [Figure("512 thousand to 640 thousand", "x", sentence)]
    assert figure_pairs(gold, found) == [(0, 0)]
    # and a no-break space in the pipeline's sentence as well
    found = [Figure("512 thousand", "x", sentence.replace("512 thousand", "512\u00a0thousand"))]
    assert figure_pairs(["512 thousand"], found) == [(0, 0)]


def test_gold_folder_is_one_flag_away(tmp_path, capsys) -> None:
    (tmp_path / "figures").mkdir()
    assert main(["--gold", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"gold set {tmp_path}" in out or "no shared data folder" in out
