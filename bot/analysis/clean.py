"""Text hygiene before splitting: control characters out, page furniture out.

Furniture (bylines, time stamps, share and subscribe prompts) is frequent in wire copy and
scraped pages, and a ranker that sees it happily picks "Click here to subscribe" as central.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates can disguise text in a chat; zero-width marks break words.
_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x00AD]
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# A whole line that is furniture.
# A whole line that is furniture. Prompts count only where they open the line and the line
# does not read as a sentence, so "Farmers can subscribe to the scheme." stays.
_FURNITURE_LINE = re.compile(
    r"""^(?:
        (?:published|updated|last\s+updated|posted|modified)\s*:.*
      | (?:click\s+here|share\s+this|share\s+on|share\s+or\s+comment|subscribe|sign\s+up
            |follow\s+us|read\s+more|related\s+(?:articles?|stories|news)|advertisement
            |scroll\s+down|we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies
            |подписывайтесь|подпишитесь|подписаться|читайте\s+также|поделиться|реклама)
            \b(?:.{0,80}[^.!?…]|.{0,30}|.{0,80}\s[.!?])        # scraped copy ends on " ."
      | .{0,60}\ball\s+rights\s+reserved\b.{0,40}
      | .{0,60}все\s+права\s+защищены.{0,40}
      | comments?\s*\(\d+\)
      | .{0,80}\bpage\s+\d+\s+(?:of|/)\s+\d+
      | (?:©|\(c\)|copyright\b).*
      | (?:photo|image|фото|источник|source)\s*:.{0,120}
      | [|•·\-–—=_*\s]+                                      # separator rules
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Furniture glued in front of the article text, as in scraped wire copy:
# "By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2013 . | . UPDATED: ... . Text"
_FURNITURE_PREFIX = re.compile(
    r"""^(?:
        (?:by\s*\.\s*[^.]{1,80}?\s*\.\s*)
      | (?:(?:published|updated|last\s+updated)\s*:\s*[^|]{0,60}?\d{4}\s*\.?\s*\|?\s*\.?\s*)
      | (?:\|\s*\.\s*)
    )+""",
    re.IGNORECASE | re.VERBOSE,
)


def normalize(text: str) -> str:
    """NFC, no control or invisible characters, single spaces, unified line ends."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


_BYLINE = re.compile(r"^(?:By|BY|От)\s*\.?\s*(?:[A-ZА-ЯЁ][\w’'-]*\.?,?\s*(?:and\s+|и\s+)?){1,6}\.?$")


def is_furniture(line: str) -> bool:
    line = line.strip()
    return bool(_BYLINE.match(line) or _FURNITURE_LINE.match(line))


def clean_text(text: str) -> str:
    """Normalized text with furniture lines and furniture prefixes removed."""
    kept: list[str] = []
    for line in normalize(text).split("\n"):
        line = _FURNITURE_PREFIX.sub("", line).strip() if line else line
        if line and is_furniture(line):
            continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
