"""Titles and names fit to show: no invisible format controls, one line, bounded.

A title comes from whoever wrote the page, feed or file: an HTML <title>, PDF or DOCX
metadata, a feed entry, a file name. Bidi overrides (U+202E) in one can reverse what a
reader sees next to it in a digest ("invoice_txt.exe" shown as "invoice_exe.txt"), and
zero-width characters hide words from search; none of them carries meaning in a label.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TITLE = 200
# Category Cf covers the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069),
# the marks (U+200E/200F, U+061C), zero-width space/joiners (U+200B-200D), the BOM and soft
# hyphen. Line and paragraph separators (U+2028/2029, categories Zl/Zp) and other controls
# (Cc) become spaces, so words on either side stay apart.
_BREAKS = frozenset(("Zl", "Zp", "Cc"))


def plain_label(text: str | None, *, limit: int = MAX_TITLE) -> str:
    """`text` without format controls, on one line with single spaces, at most `limit` long."""
    if not text:
        return ""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        kept.append(" " if category in _BREAKS else ch)
    return re.sub(r"\s+", " ", "".join(kept)).strip()[:limit].rstrip()


def safe_title(text: str | None, *, limit: int = MAX_TITLE) -> str | None:
    """A title for display, or None when nothing visible is left (callers fall back)."""
    label = plain_label(text, limit=limit)
    return label or None
