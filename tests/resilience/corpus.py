"""The hostile-input corpus: what each file is, how to make it, and what briefbot must answer.

Small files are committed in tests/resilience/hostile/ (regenerate them with
`python -m tests.resilience.corpus`); big ones (a 100 MB text, a zip bomb, PDFs with thousands
of pages, HTML nested 100,000 deep) are generated at test time into a temporary folder, so the
repository stays small. `measure` runs the inbox path (load, analyze, render) over a folder in
this process and prints one JSON line per file: the tests run it in a subprocess to bound time
and memory.
"""

from __future__ import annotations

import io
import json
import resource
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent / "hostile"
MIB = 1024 * 1024
SUMMARY = "summary"  # the expected outcome of a file that still yields a (safe) summary

_NEWS = (
    "The water ministry approved a programme worth 2.4 million dollars to rebuild canals. "
    "More than 600 farmers will receive water for the first time since the old network failed. "
    "\u201cEvery drop we lose is a drop our farmers will not see,\u201d said Minister Tulegenova. "
    "The work will start in May and end before the autumn rains, officials said. "
)


@dataclass(frozen=True)
class Case:
    """One hostile file: its bytes, the name a user would upload it under, what must happen.

    expect is SUMMARY or a phrase the refusal must contain (shown to the user as is).
    """

    name: str
    make: Callable[[], bytes]
    expect: str
    upload_name: str | None = None


def _text(body: str) -> Callable[[], bytes]:
    return lambda: body.encode("utf-8")


def _pdf(pages: list[str], *, trailer: bool = True) -> bytes:
    """A minimal valid PDF with one line of text per page (Helvetica, WinAnsi)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for text in pages:
        text = text.replace("\u201c", '"').replace("\u201d", '"')
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 11 Tf 40 780 Td ({escaped}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    if trailer:
        out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
                  "%%EOF\n".encode())
    return out.getvalue()


def _pdf_loop() -> bytes:
    """A page tree whose Kids point back at itself: naive readers recurse forever."""
    body = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, text in enumerate(body, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{text}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _replace_part(docx_bytes: bytes, part: str, writer: Callable[[zipfile.ZipFile], None]) -> bytes:
    """Copy a DOCX, letting `writer` write `part` itself (streamed, so bombs stay cheap)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
        writer(target)
    return out.getvalue()


_DOC_OPEN = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
             b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
             b"<w:t>")
_DOC_CLOSE = b"</w:t></w:r></w:p></w:body></w:document>"


def _docx_bomb(megabytes: int) -> bytes:
    """document.xml inflates to `megabytes` MB of spaces from a few hundred KB."""
    def write(archive: zipfile.ZipFile) -> None:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_DOC_OPEN)
            chunk = b" " * MIB
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"Water." + _DOC_CLOSE)
    return _replace_part(_docx([_NEWS]), "word/document.xml", write)


def _docx_lying_sizes() -> bytes:
    """A bomb whose headers claim 1 KB: only a reader trusting them would inflate 64 MB."""
    data = bytearray(_docx_bomb(64))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    real = info.file_size
    # patch the 32-bit size fields (local header and central directory) and the zip64 extras
    for size_bytes in (real.to_bytes(4, "little"), real.to_bytes(8, "little")):
        fake = (1024).to_bytes(len(size_bytes), "little")
        data = bytearray(bytes(data).replace(size_bytes, fake))
    return bytes(data)


def _docx_entities() -> bytes:
    """document.xml with a billion-laughs entity chain."""
    lol = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                      .encode() for i in range(1, 10))
           + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
             b'2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return _replace_part(_docx([_NEWS]), "word/document.xml",
                         lambda archive: archive.writestr("word/document.xml", lol))


def _rss_entities() -> bytes:
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol">{entities}]>\n'
            '<rss version="2.0"><channel><title>&lol9;</title><item><title>Canals</title>'
            '<description>&lol9;</description></item></channel></rss>').encode()


def _html_entities() -> bytes:
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    return (f'<!DOCTYPE html [<!ENTITY lol "lol">{entities}]>\n<html><body><article>'
            f"<h1>Canal report</h1><p>{_NEWS}</p><p>&lol9;</p></article></body></html>").encode()


def _nested_html(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + _NEWS.encode() + b"</div>" * depth
            + b"</body></html>")


def _mixed_encodings() -> bytes:
    return (_NEWS.encode("utf-8") + b"\n\n"
            + "Министерство выделило 5 млн рублей на ремонт каналов в долине.".encode("cp1251")
            + b"\n\n" + "Die Kanäle werden bis Mai repariert.".encode("latin-1"))


def _invalid_utf8() -> bytes:
    return _NEWS.encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1 " + _NEWS.encode() + b"\x80"


def _telegram_html() -> str:
    return (
        "Canals <b>report</b> for </b> the <i>valley\n\n"
        'Click <a href="tg://user?id=123456">this free gift</a> to claim 5,000 dollars now. '
        'The ministry said <a href="tg://resolve?domain=briefbot">official channel</a> is fake. '
        "Prices rose 5 % &amp; more &lt;script&gt; alert(1) </pre> </code> <tg-spoiler> in May. "
        + _NEWS
    )


def _text_pdf() -> bytes:
    return _pdf(["Canal programme approved", *[s.strip() + "." for s in _NEWS.split(". ")[:3]]])


def _long_line(size: int) -> bytes:
    words = "water canal ministry budget farmers region tonnes percent rail border".split()
    return " ".join(words[i % len(words)] for i in range(size // 7)).encode()


def _huge_text(target: Path, megabytes: int) -> None:
    block = (_NEWS * 40).encode()
    with target.open("wb") as out:
        while out.tell() < megabytes * MIB:
            out.write(block)


SMALL: tuple[Case, ...] = (
    Case("not_a_pdf.pdf", _text(_NEWS), "not a PDF"),
    Case("truncated.pdf", lambda: _text_pdf()[:300], "PDF"),
    Case("text.pdf", _text_pdf, SUMMARY),
    Case("page_tree_loop.pdf", _pdf_loop, "PDF"),
    Case("not_a_docx.docx", _text(_NEWS), "not a DOCX"),
    Case("empty.docx", lambda: b"", "the file is empty"),
    Case("billion_laughs.docx", _docx_entities, "broken DOCX"),
    Case("billion_laughs.rss", _rss_entities, "unsupported file type"),
    Case("billion_laughs.html", _html_entities, SUMMARY),
    Case("script_only.html", _text("<html><head><script>var a = 'Water canals 2.4 million';"
                                   "</script><style>p {}</style></head><body></body></html>"),
         "no article text"),
    Case("nul_bytes.txt", lambda: _NEWS.encode().replace(b" ", b"\x00"), "binary data"),
    Case("nul_sprinkled.txt", lambda: _NEWS.encode() * 50 + b"\x00" + _NEWS.encode(), SUMMARY),
    Case("invalid_utf8.txt", _invalid_utf8, SUMMARY),
    Case("mixed_encodings.txt", _mixed_encodings, SUMMARY),
    Case("cp1251.txt", lambda: ("Отчёт о каналах\n\n" + "Министерство выделило 5 млн рублей на "
                                "ремонт каналов. Работы начнутся в мае, сообщили в ведомстве. "
                                * 5).encode("cp1251"), SUMMARY),
    Case("utf16_bom.txt", lambda: _NEWS.encode("utf-16"), SUMMARY),
    Case("rtl_override.txt", _text("Canal report \u202egnp.exe\u202c\n\n\u202e" + _NEWS
                                   + "\u2066Invoice\u2069 \u200f\u200e \u202dtext\u202c."),
         SUMMARY),
    Case("zero_width.txt", _text("\u200b".join(_NEWS)), SUMMARY),
    Case("telegram_html.txt", _text(_telegram_html()), SUMMARY),
    Case("telegram_html.md", _text("# Canals <b>now</b>\n\n[free gift](tg://user?id=1) and "
                                   "![x](tg://x) " + _NEWS + " </b> <a href='tg://x'>y</a>"),
         SUMMARY),
    Case("telegram_html.html", _text("<html><body><article><h1>Canals &lt;/b&gt;</h1><p>"
                                     '<a href="tg://user?id=1">Free gift</a> ' + _NEWS
                                     + " &lt;a href=&quot;tg://x&quot;&gt;click&lt;/a&gt;</p>"
                                     "</article></body></html>"), SUMMARY),
    Case("dot_dot_name.txt", _text(_NEWS), SUMMARY, upload_name="../../../../tmp/evil.txt"),
    Case("only_numbers.txt", _text(" ".join(str(i * 7919 % 100003) for i in range(3000))),
         "no readable text"),
    Case("only_quote_marks.txt", _text("\u201c\u201d \u00ab\u00bb \" ' \u2018\u2019 " * 500),
         "no readable text"),
    Case("only_quotations.txt", _text(" ".join(
        f"\u201cWe will finish canal number {i} before the rains,\u201d" for i in range(200))),
        SUMMARY),
    Case("only_emoji.txt", _text("\U0001F600\U0001F4A7\U0001F30A \U0001F69C\u2764\ufe0f " * 2000),
         "no readable text"),
    Case("whitespace_only.txt", _text(" \n\t\n   \u00a0\n" * 100), "no readable text"),
    Case("control_chars.txt", lambda: bytes(range(1, 9)) * 500, "binary data"),
    Case("unsupported.exe", lambda: b"MZ\x90\x00" + _NEWS.encode(), "unsupported file type"),
    Case("no_extension", _text(_NEWS), SUMMARY),
    Case("markdown_brackets.md", _text("[" * 1500 + "(" * 1500 + "\n\n" + _NEWS), SUMMARY),
    Case("markdown_stars.md", _text("*_" * 5000 + "\n\n" + _NEWS + "`" * 5000), SUMMARY),
    Case("open_quotes.txt", _text("Water canals. " + "\u201c" * 2000 + " said the minister. "
                                  + _NEWS + '"' * 2000), SUMMARY),
    Case("numbers_in_words.txt", _text("The budget was " + " ".join(
        f"{i},{i % 1000:03d}.5 million" for i in range(5000)) + " dollars. " + _NEWS), SUMMARY),
)

BIG: tuple[Case, ...] = (
    Case("zip_bomb.docx", lambda: _docx_bomb(1024), "over the"),
    Case("lying_zip.docx", _docx_lying_sizes, "broken DOCX"),
    Case("blank_5000_pages.pdf", lambda: _blank_pdf(5000), "too many pages"),
    Case("blank_1500_pages.pdf", lambda: _blank_pdf(1500), "no extractable text"),
    Case("nested_100k.html", lambda: _nested_html(100_000), "no article text"),
    Case("long_line.txt", lambda: _long_line(3 * MIB), SUMMARY),
)
# Text whose cost grows with the square of its length in the sentence splitter (a long
# paragraph; a long token before a full stop) or the quote finder (thousands of open quotes).
PATHOLOGICAL: tuple[Case, ...] = (
    Case("one_paragraph.txt", _text("Water flows. " * 30000), SUMMARY),
    Case("long_token.txt", _text("[" * 40000 + " " + _NEWS), SUMMARY),
    Case("open_quotes_100k.txt", _text("Water canals. " + "\u201c" * 100000 + " " + _NEWS), SUMMARY),
)
HUGE_TEXT = Case("huge_100mb.txt", lambda: b"", "too large")


def write_small(folder: Path = HOSTILE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in SMALL:
        path = folder / case.name
        path.write_bytes(case.make())
        paths.append(path)
    return paths


def write_big(folder: Path) -> list[Path]:
    """The generated part of the corpus, including the 100 MB text file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in BIG:
        path = folder / case.name
        path.write_bytes(case.make())
        paths.append(path)
    huge = folder / HUGE_TEXT.name
    _huge_text(huge, 100)
    paths.append(huge)
    return paths


def all_cases() -> dict[str, Case]:
    return {case.name: case for case in (*SMALL, *BIG, HUGE_TEXT)}

def _peak_rss_mb() -> float:
    """This process's own peak resident memory.

    VmHWM belongs to the current address space; ru_maxrss survives exec() on Linux and so
    reports the parent's size at fork time (a test suite grown to 500 MB looks like a bomb).
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return kib / 1024



def measure(paths: list[Path]) -> None:
    """Inbox path over each file (load, analyze, render); one JSON line per file, flushed."""
    from bot.analysis.loaders import load_report
    from bot.analysis.model import ReportError
    from bot.analysis.pipeline import analyze
    from bot.digest.build import build_digest
    from bot.digest.render_html import render_messages

    for path in paths:
        start = time.perf_counter()
        try:
            report = load_report(path)
            messages = render_messages(build_digest([analyze(report)]))
            outcome, detail = SUMMARY, [m.html for m in messages]
        except ReportError as exc:
            outcome, detail = "refused", exc.reason
        seconds = time.perf_counter() - start
        peak_mb = _peak_rss_mb()
        print(json.dumps({"file": path.name, "outcome": outcome, "detail": detail,
                          "seconds": round(seconds, 3), "peak_mb": round(peak_mb, 1)}),
              flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        measure([Path(p) for p in sys.argv[2:]])
    else:
        for written in write_small():
            print(written)

