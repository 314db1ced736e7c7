"""Turn files and uploads (txt, md, html, pdf, docx) into Reports.

Every failure becomes a ReportError naming the file and the reason in words a user can act
on; the libraries' own exceptions never escape, so one bad file never stops a digest. The
format comes from the file name, or from the bytes themselves when the name says nothing
(stdin, an upload without an extension). Parser libraries (trafilatura, pypdf, python-docx,
charset_normalizer) are imported only when a file needs them: a plain-text run stays fast.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from .clean import clean_text
from .language import detect_language
from .model import Report, ReportError
from .titles import plain_label, safe_title

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MIB
MAX_PDF_PAGES = 2000
MAX_UNZIPPED_BYTES = 200 * MIB
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
FORMATS = ("text", "markdown", "html", "pdf", "docx")
_SUFFIX_FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                   ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|table|tr|td|li|ul|ol|h[1-6]|body|head|meta|title|"
                       r"script|style|article|section|header|footer|nav|main)\b[^<>]{0,500}>",
                       re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}[ \t]+\S")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def iter_paths(paths: Sequence[Path]) -> list[Path]:
    """Files to read: given files as they are, folders searched recursively for reports."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def load_report(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                format: str | None = None) -> Report:
    """Read one report file; raises ReportError for anything unreadable."""
    source = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReportError(source, "not a regular file")
        if size > max_bytes:
            raise ReportError(source, f"too large ({size / MIB:.1f} MB; the limit is "
                                      f"{max_bytes / MIB:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(source, "no such file") from None
    except PermissionError:
        raise ReportError(source, "permission denied") from None
    except IsADirectoryError:
        raise ReportError(source, "is a folder, not a file") from None
    except OSError as exc:
        raise ReportError(source, f"cannot be read ({exc.strerror or exc})") from None
    return load_bytes(data, path.name, source=source, format=format)


def load_bytes(data: bytes, name: str, *, source: str | None = None,
               format: str | None = None) -> Report:
    """Parse raw bytes as `format`, else by the name's extension, else by their content.

    Any exception a parser library raises on an odd file becomes a ReportError naming the
    kind of file, so the caller's per-report handling is the only handling needed.
    """
    source = source or name
    kind = format or _format_of(name, source) or sniff_format(data)
    reader = _READERS.get(kind)
    if reader is None:
        raise ReportError(source, f"unsupported format '{kind}' (use " + ", ".join(FORMATS) + ")")
    if not data.strip():
        raise ReportError(source, "the file is empty")
    try:
        title, text = reader(data, source)
        return report_from_text(text, source, title=title)
    except ReportError:
        raise
    except Exception as exc:  # a parser's bug on one odd file must fail that file only
        raise ReportError(source, f"could not read the {kind} file: {type(exc).__name__}") from exc


def _format_of(name: str, source: str) -> str | None:
    """The format the name's extension names; None when there is no extension."""
    suffix = Path(name).suffix.lower()
    if not suffix:
        return None
    if suffix not in _SUFFIX_FORMATS:
        raise ReportError(source, f"unsupported file type '{suffix}' (use "
                                  + ", ".join(SUPPORTED) + ")")
    return _SUFFIX_FORMATS[suffix]


def sniff_format(data: bytes) -> str:
    """The format the bytes are in: "pdf", "docx", "zip", "html", "markdown" or "text".

    For input with no name to go by (stdin, an upload called "report"): magic numbers for
    PDF and zip, the document part a DOCX must have, then markup at the start of the text.
    """
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    head = _sniff_head(data[:8192])
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    if _MARKDOWN_HEADING.match(head):
        return "markdown"
    return "text"


def _sniff_head(head: bytes) -> str:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore").lstrip("\ufeff")
    return head.decode("utf-8", errors="ignore")


def report_from_text(
    text: str, source: str, *, title: str | None = None, url: str | None = None
) -> Report:
    """Clean the text, settle the title and language; refuse text with nothing to summarize."""
    cleaned = clean_text(text)
    if not re.search(r"[^\W\d_]{2}", cleaned):
        raise ReportError(source, "no readable text")
    heading, body = _split_title(cleaned)
    title = (safe_title(title) or safe_title(heading) or safe_title(_fallback_title(body))
             or plain_label(source) or "Untitled")
    body = _drop_title_lines(body, title)
    if not re.search(r"[^\W\d_]{2}", body):
        body = cleaned  # a one-line report: its only line is both title and text
    return Report(title=title, text=body, source=plain_label(source, limit=500) or "unnamed",
                  language=detect_language(body), url=url)


def _split_title(text: str) -> tuple[str | None, str]:
    """A first line that reads as a heading is the title and not part of the body."""
    first, _, rest = text.partition("\n")
    first = first.lstrip("# ").strip()
    rest = rest.strip()
    if rest and len(first) <= 150 and not re.search(r"[.!?…:;,]$", first):
        return first, rest
    return None, text


def _drop_title_lines(body: str, title: str) -> str:
    """A title wrapped over several lines (PDF) leaves its tail at the top of the body.

    Only the first lines are looked at: splitting a long body into all its lines to read
    one or two would cost more than the rest of the title handling.
    """
    folded = title.casefold()
    start = 0
    while (end := body.find("\n", start)) >= 0:
        line = body[start:end]
        if not (line.strip() and len(line) < len(title) and line.strip().casefold() in folded
                and not _ends_sentence(line)):
            break
        start = end + 1
    return body[start:].strip()


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…]$", line.strip()))


def _fallback_title(body: str) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def decode_text(data: bytes, source: str) -> str:
    """Bytes to str: BOMs first, then strict UTF-8, then charset detection (cp1251 and co)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:8192]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise ReportError(source, "binary data, not text")
        return data.decode(encoding, errors="replace")
    if sum(1 for b in head if b < 9 or 13 < b < 32) > len(head) // 20:
        raise ReportError(source, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # heavy import: only for non-UTF-8 text

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ReportError(source, "unknown text encoding")
    return data.decode(best.encoding, errors="replace")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text puts its NULs (high bytes of spaces, digits, Latin) on one side only,
    and decodes to ordinary letters; random binary has NULs on both sides."""
    odd, even = head[1::2].count(0), head[0::2].count(0)
    side = "utf-16-le" if odd > even else "utf-16-be"
    if min(odd, even) > 0.05 * max(odd, even):
        return None
    try:
        sample = head[: len(head) // 2 * 2].decode(side)
    except UnicodeDecodeError:
        return None
    ordinary = sum(1 for ch in sample if ch.isspace() or (ch.isprintable() and ord(ch) < 0x2100))
    return side if ordinary >= 0.95 * len(sample) else None


def _read_text(data: bytes, source: str) -> tuple[str | None, str]:
    return None, decode_text(data, source)


def _read_markdown(data: bytes, source: str) -> tuple[str | None, str]:
    text = decode_text(data, source)
    # Bounded, bracket-free inner classes keep every pattern linear: "[" * 20000 must not
    # make a link pattern rescan the rest of the text from each bracket.
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)                 # code blocks
    text = re.sub(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)", "", text)          # images
    text = re.sub(r"\[([^\[\]\n]{1,500})\]\([^()\n]{0,2000}\)", r"\1", text)      # links -> text
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)([^\n]{1,300}?)(?<=\S)\1", r"\2", text)  # emphasis
    title = next((m.group(1).strip() for m in re.finditer(r"^#{1,3}\s+(.+)$", text, re.M)), None)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"^>\s?", "", text, flags=re.M)
    return title, text


def _read_html(data: bytes, source: str) -> tuple[str | None, str]:
    import trafilatura  # heavy import: only when an HTML report shows up

    html = decode_text(data, source)
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, deduplicate=False)
    if not text or not re.search(r"[^\W\d_]{2}", text):
        raise ReportError(source, "no article text in the HTML (only scripts, styles or markup)")
    meta = trafilatura.extract_metadata(html)
    return (meta.title if meta and meta.title else None), text


def _read_pdf(data: bytes, source: str) -> tuple[str | None, str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportError(source, "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ReportError(source, f"too many pages ({len(pages)}; the limit is {MAX_PDF_PAGES})")
        text = "\n\n".join(page.extract_text() or "" for page in pages)
        title = (reader.metadata.title if reader.metadata else None) or None
        title = str(title) if title is not None else None
    except ReportError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ReportError(source, f"broken or truncated PDF ({type(exc).__name__})") from None
    if not text.strip():
        raise ReportError(source, "the PDF has no extractable text (scanned images?)")
    return title, _unwrap_pdf_lines(text)


def _unwrap_pdf_lines(text: str) -> str:
    """PDF lines end at the page margin; re-join hyphenated and wrapped lines of a paragraph."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return re.sub(r"(?<=[^\n.!?:;»”\"])\n(?=[a-zа-яё])", " ", text)


def _read_docx(data: bytes, source: str) -> tuple[str | None, str]:
    import docx

    _check_zip(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a wide range of errors on damaged files
        raise ReportError(source, f"broken DOCX ({type(exc).__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    heading = next((p.text for p in document.paragraphs
                    if _style_name(p).startswith(("title", "heading")) and p.text.strip()), None)
    title = document.core_properties.title or heading
    return title or None, "\n\n".join(paragraphs)


def _style_name(paragraph) -> str:
    """The paragraph style's name in lower case; "" for a missing style or a nameless one."""
    style = paragraph.style
    name = style.name if style is not None else None
    return name.lower() if isinstance(name, str) else ""


def _check_zip(data: bytes, source: str) -> None:
    """Refuse zip bombs before python-docx inflates them.

    The sizes the archive declares are checked first (cheap), then every member is inflated
    in bounded steps and counted: headers can lie, and zipfile inflates a member's whole
    stream in one go when python-docx reads it.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReportError(source, "not a DOCX (not a zip archive)") from None
    declared = sum(info.file_size for info in members)
    if declared > MAX_UNZIPPED_BYTES:
        raise ReportError(source, f"DOCX unpacks to {declared / MIB:.0f} MB, over the "
                                  f"{MAX_UNZIPPED_BYTES / MIB:.0f} MB limit")
    total = 0
    for info in members:
        size = _inflated_size(data, info, MAX_UNZIPPED_BYTES - total)
        if size is None:
            raise ReportError(source, f"DOCX unpacks to more than {MAX_UNZIPPED_BYTES / MIB:.0f}"
                                      " MB (a zip bomb)")
        if size != info.file_size:
            raise ReportError(source, "broken DOCX (a part is larger than the archive says)")
        total += size


def _inflated_size(data: bytes, info: zipfile.ZipInfo, limit: int) -> int | None:
    """Bytes the member really inflates to, or None past `limit`; never holds more than 1 MiB."""
    start = info.header_offset
    try:
        name_length, extra_length = struct.unpack("<HH", data[start + 26: start + 30])
    except struct.error:
        return -1
    begin = start + 30 + name_length + extra_length
    raw = memoryview(data)[begin: begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw) if len(raw) <= limit else None
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return -1
    inflater = zlib.decompressobj(-15)
    total = 0
    try:
        for offset in range(0, len(raw), 64 * 1024):
            pending = bytes(raw[offset: offset + 64 * 1024])
            while pending:
                total += len(inflater.decompress(pending, MIB))
                if total > limit:
                    return None
                pending = inflater.unconsumed_tail
        total += len(inflater.flush())
    except zlib.error:
        return -1
    return total if total <= limit else None


_READERS: dict[str, Callable[[bytes, str], tuple[str | None, str]]] = {
    "text": _read_text,
    "markdown": _read_markdown,
    "html": _read_html,
    "pdf": _read_pdf,
    "docx": _read_docx,
}
