"""OPML in and out: the feed list other readers export, and ours for them.

An OPML file comes from outside (an admin's upload, a file on disk), so parsing is defensive:
the size is capped before parsing, a document type declaration (where entity bombs and external
entities live) is refused outright, and lxml neither resolves entities nor touches the network.
Feeds are the `outline` elements with an xmlUrl at any depth (folders nest them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from bot.errors import BriefbotError
from bot.settings import Feed
from bot.sources.registry import FeedRegistry

MAX_OPML_BYTES = 1024 * 1024   # thousands of feeds fit; a bigger "OPML" is something else
MAX_FEEDS = 2000
TITLE_LIMIT = 200
_NO_DTD = "a document type or entity declaration is not allowed in OPML (refused for safety)"


@dataclass(frozen=True)
class OpmlFeed:
    """One feed named in an OPML file."""

    title: str
    url: str


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def parse_opml(data: bytes, source: str = "OPML") -> list[OpmlFeed]:
    """The feeds in an OPML document, in document order, each URL once.

    Raises BriefbotError(source, reason) for anything that is not a plain, bounded OPML file.
    """
    if len(data) > MAX_OPML_BYTES:
        raise BriefbotError(source, f"too large (OPML files over {MAX_OPML_BYTES // 1024} KB "
                                    "are refused)")
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise BriefbotError(source, _NO_DTD)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise BriefbotError(source, f"not valid XML ({exc.msg})") from None
    if root.getroottree().docinfo.doctype:  # declared in an encoding the byte test missed
        raise BriefbotError(source, _NO_DTD)
    if not isinstance(root.tag, str) or etree.QName(root).localname.lower() != "opml":
        raise BriefbotError(source, "not an OPML file (the root element is not <opml>)")
    feeds: dict[str, OpmlFeed] = {}
    for outline in root.iter("{*}outline"):
        attributes = {k.lower(): v for k, v in outline.attrib.items() if isinstance(k, str)}
        url = attributes.get("xmlurl", "").strip()
        if not url or url in feeds:
            continue
        title = " ".join((attributes.get("title") or attributes.get("text") or url).split())
        feeds[url] = OpmlFeed(title[:TITLE_LIMIT] or url, url)
        if len(feeds) > MAX_FEEDS:
            raise BriefbotError(source, f"more than {MAX_FEEDS} feeds; split the file")
    return list(feeds.values())


def export_opml(feeds: Iterable[Feed], title: str = "briefbot feeds") -> bytes:
    """An OPML 2.0 document listing the feeds (UTF-8, with an XML declaration)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for feed in feeds:
        etree.SubElement(body, "outline", type="rss", text=feed.name, title=feed.name,
                         xmlUrl=feed.url)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: feeds now polled, feeds already polled, URLs refused."""

    added: tuple[Feed, ...]
    unchanged: int
    invalid: tuple[str, ...]


def import_feeds(registry: FeedRegistry, feeds: Iterable[OpmlFeed], *,
                 by: int | None = None) -> ImportResult:
    """Add each feed the way /addfeed does (saved in the store); blocking, run in a thread.

    Importing the same file again adds nothing: every feed is then unchanged."""
    added, unchanged, invalid = [], 0, []
    for item in feeds:
        try:
            feed = registry.add(item.url, by=by, name=item.title)
        except ValueError:
            invalid.append(item.url)
            continue
        if feed is None:
            unchanged += 1
        else:
            added.append(feed)
    return ImportResult(tuple(added), unchanged, tuple(invalid))
