"""Loading reports from every supported format and encoding; every failure is a ReportError."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from bot.analysis.loaders import iter_paths, load_bytes, load_report, report_from_text, sniff_format
from bot.analysis.model import Report, ReportError, content_id

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

TITLES = {
    "01_regional_water_conference.txt":
        ("Central Asian ministers pledge $2.4 billion for shared water projects", "en"),
    "02_rail_green_corridor.txt":
        ("Tajikistan to open “green corridor” for rail freight at northern border", "en"),
    "03_finance_ministry_statement.txt":
        ("Statement of the Ministry of Finance on the execution of the 2024 state budget", "en"),
    "04_quarterly_economic_bulletin.md": ("Kazakhstan Economic Bulletin: fourth quarter 2024", "en"),
    "05_mine_flooding_incident.txt":
        ("Incident report: flooding at the Kuhi Safed lead-zinc mine, Sughd region", "en"),
    "06_flood_humanitarian_update.html":
        ("Floods in Khatlon: 12,000 people need aid as rivers stay high", "en"),
    "07_ministry_statement_ru.txt":
        ("Заявление Министерства труда, миграции и занятости населения о подготовке трудовых мигрантов",
         "ru"),
    "08_small_business_loans_ru.txt":
        ("Казахстан направит 600 млрд тенге на льготные кредиты малому бизнесу", "ru"),
    "09_harvest_report_ru_cp1251.txt": ("В Согдийской области собрано более 520 тыс. тонн зерна", "ru"),
    "10_electricity_exports_utf16.txt":
        ("Tajik electricity exports rise 18 percent on strong summer river flows", "en"),
    "11_trade_fair_with_page_furniture.txt": ("Tashkent trade fair draws a record 1,400 exhibitors", "en"),
    "12_development_fund_briefing.pdf":
        ("Eurasian Development Fund approves €300 million for Kyrgyz rural roads", "en"),
    "13_immunisation_review.docx": ("Mid-term review of the national immunisation programme", "en"),
    "14_grain_exports_uk.txt": (
        "Міністерство аграрної політики повідомило про зростання експорту зерна через Дунайські порти", "uk"),
}


def test_every_seed_is_listed() -> None:
    assert sorted(p.name for p in SEEDS.iterdir()) == sorted(TITLES)


@pytest.mark.parametrize(("name", "expected"), sorted(TITLES.items()))
def test_seed_title_language_and_body(name: str, expected: tuple[str, str]) -> None:
    report = load_report(SEEDS / name)
    assert (report.title, report.language) == expected
    assert report.source == str(SEEDS / name)
    assert report.id == content_id(report.text)
    assert report.url is None
    first_line = report.text.split("\n", 1)[0]
    assert first_line != report.title  # the title is not repeated as the first body line


def test_cp1251_seed_decoded() -> None:
    raw = (SEEDS / "09_harvest_report_ru_cp1251.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    report = load_report(SEEDS / "09_harvest_report_ru_cp1251.txt")
    assert "более 520 тыс. тонн зерновых" in report.text
    assert "\ufffd" not in report.text


def test_utf16_bom_seed_decoded() -> None:
    raw = (SEEDS / "10_electricity_exports_utf16.txt").read_bytes()
    assert raw[:2] == b"\xff\xfe"
    report = load_report(SEEDS / "10_electricity_exports_utf16.txt")
    assert "3.2 billion kilowatt-hours" in report.text
    assert "\x00" not in report.text and "\ufeff" not in report.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_english(encoding: str) -> None:
    text = (SEEDS / "03_finance_ministry_statement.txt").read_text(encoding="utf-8")
    from_bytes = load_bytes(text.encode(encoding), "statement.txt")
    from_utf8 = load_bytes(text.encode("utf-8"), "statement.txt")
    assert from_bytes.title == from_utf8.title
    assert from_bytes.text == from_utf8.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_russian(encoding: str) -> None:
    text = (SEEDS / "07_ministry_statement_ru.txt").read_text(encoding="utf-8")
    report = load_bytes(text.encode(encoding), "statement.txt")
    assert report.text == load_bytes(text.encode("utf-8"), "statement.txt").text


def test_utf8_bom_stripped() -> None:
    report = load_bytes("\ufeffHeadline here\n\nBody text of the report.".encode(), "a.txt")
    assert (report.title, report.text) == ("Headline here", "Body text of the report.")


def test_html_keeps_article_and_drops_page_chrome() -> None:
    report = load_report(SEEDS / "06_flood_humanitarian_update.html")
    text = report.text
    for absent in ("window.dataLayer", "Share this story", "48213", "font-family", "We use cookies",
                   "Accept all", "Central Asia", "Opinion", "Related stories", "2 killed", "5,000 returnees",
                   "20% funded", "Subscribe to our newsletter", "All rights reserved", "Privacy policy",
                   "Relief Desk |", "&ldquo;", "&mdash;"):
        assert absent not in text, absent
    paragraphs = [p for p in text.split("\n") if p.strip()]
    assert paragraphs[0] == (
        "KULOB, April 18 (Relief Desk) — More than 12,000 people in four districts of Khatlon region need "
        "emergency assistance after a week of heavy rain sent rivers over their banks, the Regional Relief "
        "Coalition said on Friday."
    )
    assert paragraphs[-1].startswith("Some two thousand families have moved in with relatives")
    assert len(paragraphs) == 12
    assert "“Families have lost their homes, their livestock" in text
    assert "the coalition’s country coordinator" in text


def test_html_only_scripts_is_refused() -> None:
    page = (b"<html><head><script>var a = 'hello world';</script><style>body{}</style></head>"
            b"<body><script>track('view')</script></body></html>")
    with pytest.raises(ReportError) as info:
        load_bytes(page, "empty.html")
    assert info.value.reason == "no article text in the HTML (only scripts, styles or markup)"


def test_pdf_metadata_title_and_unwrapped_lines() -> None:
    report = load_report(SEEDS / "12_development_fund_briefing.pdf")
    assert report.title == "Eurasian Development Fund approves €300 million for Kyrgyz rural roads"
    assert "Page 1 of 1" not in report.text
    assert not report.text.startswith("for Kyrgyz rural roads")  # tail of the wrapped on-page title
    flat = " ".join(report.text.split())
    assert "cut transport costs for farmers by between 15 and 25 percent" in flat
    assert ('"A road is the difference between a child in school and a child at home," said Kanat Usenov, '
            "Minister of Transport") in flat


def test_pdf_truncated_and_fake() -> None:
    data = (SEEDS / "12_development_fund_briefing.pdf").read_bytes()
    with pytest.raises(ReportError) as info:
        load_bytes(data[:600], "cut.pdf")
    assert info.value.reason.startswith("broken or truncated PDF")
    with pytest.raises(ReportError) as info:
        load_bytes(b"hello there", "fake.pdf")
    assert info.value.reason == "not a PDF (no %PDF header)"


def test_docx_title_and_paragraphs() -> None:
    report = load_report(SEEDS / "13_immunisation_review.docx")
    assert report.title == "Mid-term review of the national immunisation programme"
    paragraphs = report.text.split("\n\n")
    assert paragraphs[:2] == ["Summary", paragraphs[1]]
    assert paragraphs[1].startswith("The mid-term review, carried out between October and December")
    assert "Train more than 300 additional nurses for remote districts within two years." in paragraphs


def test_docx_built_in_test_uses_heading_when_no_core_title() -> None:
    import docx

    document = docx.Document()
    document.add_heading("Quarterly note on water tariffs", level=1)
    document.add_paragraph("Tariffs rose by 5 percent in the quarter. Households paid more.")
    document.core_properties.title = ""
    buffer = io.BytesIO()
    document.save(buffer)
    report = load_bytes(buffer.getvalue(), "note.docx")
    assert report.title == "Quarterly note on water tariffs"
    assert report.text == "Tariffs rose by 5 percent in the quarter. Households paid more."


def test_docx_not_a_zip() -> None:
    with pytest.raises(ReportError) as info:
        load_bytes(b"PK but not really a zip", "x.docx")
    assert info.value.reason == "not a DOCX (not a zip archive)"


def test_markdown_markup_stripped_and_link_text_kept() -> None:
    report = load_report(SEEDS / "04_quarterly_economic_bulletin.md")
    assert report.title == "Kazakhstan Economic Bulletin: fourth quarter 2024"
    assert "https://example.org" not in report.text
    assert "2024-q4" not in report.text
    assert "Steppe Analytics website." in report.text
    for markup in ("#", "**", "*Prepared", "](", "["):
        assert markup not in report.text
    assert report.text.startswith("Prepared by the Steppe Analytics research desk. Figures are preliminary.")


def test_markdown_link_and_emphasis() -> None:
    data = b"# Title here\n\nSee [the **full** site](https://example.org/x) for more details.\n"
    report = load_bytes(data, "k.md")
    assert (report.title, report.text) == ("Title here", "See the full site for more details.")


def test_same_text_twice_same_id(tmp_path: Path) -> None:
    text = "Same headline\n\nThe same body text of the report."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("\n\n", "\r\n\r\n"), encoding="utf-16")
    a, b = load_report(tmp_path / "a.txt"), load_report(tmp_path / "b.txt")
    assert a.id == b.id == content_id("The same body text of the report.")
    assert a.source != b.source
    assert load_bytes(b"Other headline\n\nA different body.", "c.txt").id != a.id


def test_content_id_ignores_case_and_whitespace() -> None:
    assert content_id("Hello   World\n") == content_id("hello world")
    assert len(content_id("x")) == 12
    assert Report(title="t", text="Body.", source="s").id == content_id("Body.")


def test_wrapped_title_tail_lines_leave_the_body() -> None:
    text = "Ministers agree on water\nsharing for the\nsummer season\nThe ministers met.\nsummer season"
    report = report_from_text(text, "r.txt", title="Ministers agree on water sharing for the summer season")
    assert report.text == "The ministers met.\nsummer season"  # a later line stays, though short


def test_content_id_same_for_cleaned_paragraphs_and_any_other_spacing() -> None:
    """Cleaned text (single spaces, line breaks) and text with tabs, runs and no-break
    spaces hash the same words: the casefolded words joined by single spaces."""
    expected = hashlib.sha256("one ﬁve. two three. four".casefold().encode()).hexdigest()[:12]
    assert content_id("One ﬁve.\n\nTwo three.\nFour") == expected
    assert content_id(" one\tﬁve.\u00a0\n\n\ntwo  three.\u2028FOUR\n") == expected


def test_load_bytes_upload_source_and_default_extension() -> None:
    report = load_bytes(b"Upload title\n\nUploaded report body.", "upload.txt", source="telegram:42")
    assert (report.title, report.text) == ("Upload title", "Uploaded report body.")
    assert report.source == "telegram:42"
    assert load_bytes(b"Title\n\nBody text.", "noext").source == "noext"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.xls", b"abc",
         "unsupported file type '.xls' (use .txt, .md, .markdown, .html, .htm, .pdf, .docx)"),
        ("e.txt", b"  \n ", "the file is empty"),
        ("bin.txt", bytes(range(256)) * 10, "binary data, not text"),
        ("digits.txt", b"12 34 56\n\n!!! ???", "no readable text"),
    ],
)
def test_load_bytes_errors(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReportError) as info:
        load_bytes(data, name)
    assert info.value.reason == reason
    assert str(info.value) == f"{name}: {reason}"


def test_load_report_errors(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as info:
        load_report(tmp_path / "missing.txt")
    assert str(info.value) == f"{tmp_path / 'missing.txt'}: no such file"
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    with pytest.raises(ReportError) as info:
        load_report(big, max_bytes=1024 * 1024)
    assert info.value.reason == "too large (1.4 MB; the limit is 1 MB)"


def test_report_from_text_title_and_one_line_report() -> None:
    report = report_from_text("Headline\n\nBody sentence one. Body two.", "feed", url="https://x.example/a")
    assert (report.title, report.text, report.url) == ("Headline", "Body sentence one. Body two.",
                                                      "https://x.example/a")
    single = report_from_text("Only one line of text here", "feed")
    assert (single.title, single.text) == ("Only one line of text here", "Only one line of text here")
    assert report_from_text("Body.\n\nMore.", "feed", title="  Given   title ").title == "Given title"


def test_long_first_sentence_gives_shortened_title() -> None:
    first = ("Labor migrants remain one of the most vulnerable groups targeted by international "
             "terrorist groups.")
    report = report_from_text(first + "\n\nSecond paragraph.", "feed")
    assert report.title == (
        "Labor migrants remain one of the most vulnerable groups targeted by international…"
    )
    assert report.text.startswith(first)


def test_iter_paths_recursive_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    for relative in ("b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.docx", "sub/e.html", "x.csv",
                     ".hidden.txt", ".git/f.txt", "sub/.cache/g.txt", "UPPER.TXT"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    explicit = tmp_path / "x.csv"
    found = iter_paths([tmp_path, explicit])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "UPPER.TXT", "a.md", "b.txt", "sub/c.pdf", "sub/deeper/d.docx", "sub/e.html", "x.csv",
    ]


# --- odd files never crash the loaders -------------------------------------------------------

def docx_bytes(*paragraphs: tuple[str, str | None], title: str = "") -> bytes:
    """A DOCX built here: (text, style) paragraphs and a core-properties title."""
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def without_style_name(data: bytes, style_id: str) -> bytes:
    """The same DOCX with the <w:name> of one style removed (as some converters write it)."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/styles.xml":
                part, count = re.subn(rb'(<w:style [^>]*w:styleId="' + style_id.encode() +
                                      rb'"[^>]*>)<w:name w:val="[^"]*"/>', rb"\1", part)
                assert count == 1
            target.writestr(info, part)
    return out.getvalue()


def test_docx_with_a_nameless_paragraph_style_loads() -> None:
    data = without_style_name(docx_bytes(
        ("Canal repairs start in spring", "Heading 1"),
        ("Work on 40 kilometres of canals starts in March. The ministry pays for it.", None)),
        "Heading1")
    report = load_bytes(data, "nameless.docx")
    assert (report.title, report.text) == (
        "Canal repairs start in spring",
        "Work on 40 kilometres of canals starts in March. The ministry pays for it.")


@pytest.mark.parametrize(("target", "name", "data", "error", "reason"), [
    ("trafilatura.extract", "page.html", b"<html><body><p>Words here.</p></body></html>",
     IndexError, "could not read the html file: IndexError"),
    ("pypdf.PdfReader", "briefing.pdf", (SEEDS / "12_development_fund_briefing.pdf").read_bytes(),
     AssertionError, "could not read the pdf file: AssertionError"),
])
def test_an_unexpected_parser_exception_is_a_report_error(
        monkeypatch: pytest.MonkeyPatch, target: str, name: str, data: bytes,
        error: type[Exception], reason: str) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error("parser bug")

    monkeypatch.setattr(target, broken)
    with pytest.raises(ReportError) as info:
        load_bytes(data, name)
    assert (info.value.source, info.value.reason) == (name, reason)


def test_a_docx_that_breaks_after_opening_is_a_report_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import docx.text.paragraph

    data = docx_bytes(("Heading", "Heading 1"), ("Body text here.", None))

    def broken(self: object) -> None:
        raise KeyError("w:pStyle")

    monkeypatch.setattr(docx.text.paragraph.Paragraph, "style", property(broken))
    with pytest.raises(ReportError) as info:
        load_bytes(data, "broken.docx")
    assert info.value.reason == "could not read the docx file: KeyError"


def test_memory_error_in_a_parser_fails_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("trafilatura.extract", exhausted)
    with pytest.raises(ReportError) as info:
        load_bytes(b"<html><body><p>Words here.</p></body></html>", "big.html")
    assert info.value.reason == "could not read the html file: MemoryError"
    assert load_bytes(b"Next report\n\nIt still loads.", "next.txt").title == "Next report"


# --- titles and names without bidi or zero-width controls ------------------------------------

ARTICLE = ("<p>" + "The water ministry approved 2.4 million dollars for canals in the south. " * 4
           + "</p><p>Work starts in March and ends in October, the ministry said.</p>")


def test_html_title_loses_bidi_and_zero_width_controls() -> None:
    page = (f"<html><head><title>Canal\u202e funds\u200b approved\u2069</title></head>"
            f"<body><article>{ARTICLE}</article></body></html>").encode()
    assert load_bytes(page, "page.html").title == "Canal funds approved"


def test_pdf_metadata_title_loses_controls() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(SEEDS / "12_development_fund_briefing.pdf"))
    writer.add_metadata({"/Title": "Eurasian\u202e Fund\u200d approves\u2066 roads\u2028money"})
    buffer = io.BytesIO()
    writer.write(buffer)
    assert load_bytes(buffer.getvalue(), "b.pdf").title == "Eurasian Fund approves roads money"


def test_docx_title_loses_controls() -> None:
    data = docx_bytes(("Body of the review. It has two sentences.", None),
                      title="\u2067Immunisation\u2069 review\u200f\ufeff")
    assert load_bytes(data, "r.docx").title == "Immunisation review"


def test_first_line_title_and_file_name_lose_controls() -> None:
    report = load_bytes("Flood\u202e update\u2029\n\nRivers rose again.".encode(),
                        "re\u202eport\u200b.txt")
    assert (report.title, report.source, report.text) == ("Flood update", "report.txt",
                                                         "Rivers rose again.")
    only_controls = report_from_text("Rivers rose again.", "s", title="\u202e\u200b")
    assert only_controls.title == "Rivers rose again."


# --- formats by content (stdin, uploads without an extension) ---------------------------------

HTML_PAGE = (f"<!DOCTYPE html><html><head><title>Canal funds approved</title>"
             f"<style>body {{ color: red }}</style></head><body><article>{ARTICLE}</article>"
             f"</body></html>").encode()


@pytest.mark.parametrize(("data", "expected"), [
    (HTML_PAGE, "html"),
    (b"\xef\xbb\xbf  <!-- saved --><html lang='en'><body>x</body></html>", "html"),
    ("<html><body>x</body></html>".encode("utf-16"), "html"),
    (b"<div><p>One</p><p>Two</p><br></div>", "html"),
    ((SEEDS / "12_development_fund_briefing.pdf").read_bytes(), "pdf"),
    ((SEEDS / "13_immunisation_review.docx").read_bytes(), "docx"),
    (b"PK\x03\x04 not a real archive", "zip"),
    (b"# Bulletin\n\nSome *text*.", "markdown"),
    (b"Plain title\n\nA report with <3 tags and a <b> word.", "text"),
    ("Отчёт\n\nТекст.".encode("cp1251"), "text"),
])
def test_sniff_format(data: bytes, expected: str) -> None:
    assert sniff_format(data) == expected


def test_stdin_html_pdf_and_docx_are_read_by_content() -> None:
    html = load_bytes(HTML_PAGE, "<stdin>")
    assert html.title == "Canal funds approved"
    assert "color" not in html.text and html.text.startswith("The water ministry approved")
    pdf = load_bytes((SEEDS / "12_development_fund_briefing.pdf").read_bytes(), "-")
    assert pdf.title == TITLES["12_development_fund_briefing.pdf"][0]
    docx_report = load_bytes((SEEDS / "13_immunisation_review.docx").read_bytes(), "<stdin>")
    assert docx_report.title == TITLES["13_immunisation_review.docx"][0]
    with pytest.raises(ReportError) as info:
        load_bytes(b"PK\x03\x04 not a real archive", "<stdin>")
    assert info.value.reason == "unsupported format 'zip' (use text, markdown, html, pdf, docx)"


def test_format_overrides_name_and_content() -> None:
    as_text = load_bytes(HTML_PAGE, "<stdin>", format="text")
    assert as_text.title.startswith("<!DOCTYPE html>")
    as_html = load_bytes(HTML_PAGE, "saved.txt", format="html")
    assert as_html.title == "Canal funds approved"
    with pytest.raises(ReportError) as info:
        load_bytes(HTML_PAGE, "<stdin>", format="rtf")
    assert info.value.reason == "unsupported format 'rtf' (use text, markdown, html, pdf, docx)"


def test_plain_text_loading_imports_no_parser_library(tmp_path: Path) -> None:
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text("Title\n\nA short report about canals.", encoding="utf-8")
    heavy = ("trafilatura", "pypdf", "docx", "lxml", "charset_normalizer")
    code = ("import sys; from pathlib import Path; from bot.analysis.loaders import load_report; "
            f"load_report(Path({str(report)!r})); "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
