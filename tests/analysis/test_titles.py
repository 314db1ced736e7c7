"""Titles and names to show: format controls gone, one line, bounded."""

from __future__ import annotations

import pytest

from bot.analysis.titles import plain_label, safe_title


@pytest.mark.parametrize(("raw", "shown"), [
    ("invoice\u202eexe.txt", "invoiceexe.txt"),                     # right-to-left override
    ("\u202a\u202b\u202c\u202d\u202eA", "A"),                      # embeddings and overrides
    ("\u2066B\u2067C\u2068D\u2069", "BCD"),                        # isolates
    ("zero\u200bwidth\u200c\u200djoin\u200e\u200f", "zerowidthjoin"),
    ("\ufeffBOM and soft\u00ad hyphen\u061c", "BOM and soft hyphen"),
    ("line\u2028separator\u2029paragraph", "line separator paragraph"),
    ("tab\tand\r\nnewline\x00nul", "tab and newline nul"),
    ("  Москва:  «итоги»  года ", "Москва: «итоги» года"),           # ordinary text untouched
    ("مرحبا بالعالم", "مرحبا بالعالم"),                              # RTL script itself is kept
])
def test_plain_label_removes_controls_only(raw: str, shown: str) -> None:
    assert plain_label(raw) == shown


def test_limits_and_empty_titles() -> None:
    assert plain_label("word " * 100, limit=12) == "word word wo"
    assert plain_label(None) == "" and plain_label("") == ""
    assert safe_title("\u202e\u200b \u2028") is None
    assert safe_title("A\u202e title") == "A title"
    assert len(safe_title("x" * 500) or "") == 200
