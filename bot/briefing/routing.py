"""Which reports a target takes: its sources (routing) and its include/exclude terms (filters).

Every stored report carries its origin: "feed:<feed name>", "inbox" or "inbox/<subfolder>",
"links:<chat id>" (a member's link posted in that chat), "upload:<chat id>". A target's
`sources` names what it takes, as people say it:

    sources = ["Interfax", "inbox/energy", "links"]

a feed by its name (or "feed:<name>"), the inbox or one of its subfolders (and the folders under
it), "links" for links posted in the target's own chat ("links:<chat id>" for another chat's).
No `sources` means every source. Names compare without case. A report stored before origins
existed has none and reaches only targets that take every source.

Filters: `include` (when given, a report must match one of its terms) and `exclude` (a report
matching any of its terms is left out; excluded wins). Terms match as matching.py says.

How the workflow applies them: reports from other sources are never selected for the target
(they stay out of its backlog, bounded backfill included); reports its filters refuse are
marked skipped for it once analysed, so they never come later, even when the filters change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.analysis.model import Analysis
from bot.settings import Target

from .matching import Document, Term, parse_terms

FEED = "feed:"
INBOX = "inbox"
LINKS = "links"
UPLOAD = "upload"
_PREFIXED = (FEED, f"{LINKS}:", f"{UPLOAD}:")


def origin_of(kind: str, where: str | int | None = None) -> str | None:
    """The origin a source gives its reports: kind is the intake's source kind ("inbox",
    "feed", "link", "upload", "text"); where is the inbox subfolder, feed name or chat id."""
    if kind == "inbox":
        return f"{INBOX}/{where}" if where not in (None, "", ".") else INBOX
    if kind == "feed":
        return f"{FEED}{where}"
    if kind == "link":
        return f"{LINKS}:{where}"
    if kind == "upload":
        return f"{UPLOAD}:{where}"
    return None


def source_spec(spec: str, chat: str) -> str:
    """A target's source as an origin (or origin prefix), lower-cased."""
    spec = spec.strip().rstrip("/")
    lowered = spec.casefold()
    if lowered == LINKS:
        return f"{LINKS}:{chat}".casefold()
    if lowered == INBOX or lowered.startswith(f"{INBOX}/") or lowered.startswith(_PREFIXED):
        return lowered
    return f"{FEED}{lowered}"


@dataclass(frozen=True)
class Filter:
    """include/exclude terms of one target; an empty filter accepts everything."""

    include: tuple[Term, ...] = ()
    exclude: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def accepts(self, document: Document) -> bool:
        if document.any_of(self.exclude):
            return False
        return not self.include or document.any_of(self.include)


@dataclass(frozen=True)
class Route:
    """What one target takes: sources (None: all) and its filter."""

    sources: tuple[str, ...] | None = None  # origin specs (source_spec)
    filter: Filter = Filter()

    @classmethod
    def of(cls, target: Target) -> Route:
        return route_of(target)

    def takes(self, origin: str | None) -> bool:
        """Does the target take reports from this origin?"""
        if self.sources is None:
            return True
        if origin is None:
            return False
        origin = origin.casefold()
        return any(origin == spec or origin.startswith(spec + "/") for spec in self.sources)

    def accepts(self, origin: str | None, analysis: Analysis) -> bool:
        """The whole rule: from a source the target takes, and through its filter."""
        return self.takes(origin) and (not self.filter or self.filter.accepts(Document(analysis)))


@cache
def route_of(target: Target) -> Route:
    """The target's route (built once per target: terms are parsed and stemmed here)."""
    chat = str(target.chat_id)
    sources = None if target.sources is None else tuple(
        dict.fromkeys(source_spec(s, chat) for s in target.sources))
    return Route(sources, Filter(parse_terms(target.include), parse_terms(target.exclude)))
