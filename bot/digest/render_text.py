"""The digest for a terminal: the same lines as the Telegram messages, without markup."""

from __future__ import annotations

from .layout import header, item_lines, label, skipped_line
from .model import Digest


def render_text(digest: Digest, *, with_header: bool = True, language: str = "en") -> str:
    blocks = [header(digest.created, len(digest.items), language)[1]] if with_header else []
    if digest.skipped:
        blocks.append(skipped_line(digest.skipped, language)[1])
    for number, item in enumerate(digest.items, start=1):
        lines = [plain for _, plain in item_lines(item, language)]
        blocks.append((f"{number}. " if with_header else "") + "\n".join(lines))
    if digest.failures:
        blocks.append(label(language, "not_included") + ":\n"
                      + "\n".join(f"  ! {f}" for f in digest.failures))
    return "\n\n".join(blocks) + "\n"
