"""The briefbot command line: digest and summarize, exit codes, errors on stderr."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.analysis.ranking import ALGORITHMS
from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_TITLES = [
    "Central Asian ministers pledge $2.4 billion for shared water projects",
    "Tajikistan to open “green corridor” for rail freight at northern border",
    "Statement of the Ministry of Finance on the execution of the 2024 state budget",
    "Kazakhstan Economic Bulletin: fourth quarter 2024",
    "Incident report: flooding at the Kuhi Safed lead-zinc mine, Sughd region",
    "Floods in Khatlon: 12,000 people need aid as rivers stay high",
    "Заявление Министерства труда, миграции и занятости населения о подготовке трудовых мигрантов",
    "Казахстан направит 600 млрд тенге на льготные кредиты малому бизнесу",
    "В Согдийской области собрано более 520 тыс. тонн зерна",
    "Tajik electricity exports rise 18 percent on strong summer river flows",
    "Tashkent trade fair draws a record 1,400 exhibitors",
    "Eurasian Development Fund approves €300 million for Kyrgyz rural roads",
    "Mid-term review of the national immunisation programme",
    "Міністерство аграрної політики повідомило про зростання експорту зерна через Дунайські порти",
]
SHARED = next((p for p in ((ROOT / ".." / "shared").resolve(), Path("/work/shared")) if p.is_dir()),
              ROOT / ".." / "shared")
YATIMOV = SHARED / "seeds" / "000_142cbd48f4fd7ea7.txt"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "BOT_TOKEN"))}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True,
        timeout=timeout, check=False,
    )
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("BRIEFBOT_") or name == "BOT_TOKEN":
            monkeypatch.delenv(name)
    monkeypatch.chdir(ROOT)


def test_digest_of_the_seeds() -> None:
    result = run("digest", "seeds")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.split("\n")
    assert lines[0].startswith("Briefing digest · ") and lines[0].endswith(" · 14 reports")
    numbered = re.findall(r"^(\d+)\. (.*)$", result.stdout, re.M)
    assert numbered == [(str(n), title) for n, title in enumerate(SEED_TITLES, start=1)]
    assert "Not included:" not in result.stdout


def make_bad_folder(folder: Path) -> dict[str, str]:
    """One good report and four bad ones; returns file name -> expected reason."""
    folder.mkdir()
    (folder / "good.txt").write_text("Good report title\n\nThe canal will carry water to 40 villages. "
                                     "Work starts in May.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.pdf").write_bytes((SEEDS / "12_development_fund_briefing.pdf").read_bytes()[:700])
    (folder / "scripts.html").write_text(
        "<html><head><script>var x = 'Some long text in a script';</script>"
        "<style>p { color: red }</style></head><body><script>track()</script></body></html>")
    return {
        "empty.txt": "the file is empty",
        "binary.txt": "binary data, not text",
        "truncated.pdf": "broken or truncated PDF",
        "scripts.html": "no article text in the HTML (only scripts, styles or markup)",
    }


@pytest.fixture(scope="module")
def bad_folder_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("bad") / "inbox"
    expected = make_bad_folder(folder)
    return folder, expected, run("digest", str(folder))


def test_digest_reports_bad_files_and_prints_the_good_one(bad_folder_run) -> None:
    folder, expected, result = bad_folder_run
    assert result.returncode == 1  # some inputs failed, the rest printed
    assert "1 report\n" in result.stdout.split("\n\n")[0] + "\n"
    assert "1. Good report title" in result.stdout
    errors = [line for line in result.stderr.split("\n") if line.startswith("briefbot digest: ")]
    assert len(errors) == 4, result.stderr
    for name, reason in expected.items():
        path = folder / name
        assert any(line.startswith(f"briefbot digest: skipped {path}: {reason}") for line in errors), name
    assert "Traceback" not in result.stderr
    # the terminal digest lists them too
    assert "Not included:" in result.stdout
    assert f"  ! {folder / 'empty.txt'}: the file is empty" in result.stdout


def test_digest_stderr_has_only_our_messages(bad_folder_run) -> None:
    result = bad_folder_run[2]
    foreign = [line for line in result.stderr.split("\n")
               if line and not line.startswith("briefbot digest: ")]
    assert foreign == []


def test_digest_missing_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "no/such/folder"]) == 2
    assert capsys.readouterr().err == "briefbot digest: no/such/folder: no such file or folder\n"


def test_twenty_megabyte_report_is_summarized(tmp_path: Path) -> None:
    paragraph = ("The regional water authority reported that more than 4,000 farmers received new permits, "
                 "and officials said the canals would be repaired before the summer season begins.\n\n")
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("A very large report\n\n")
        for n in range(20 * 1024 * 1024 // len(paragraph) + 1):
            handle.write(paragraph.replace("4,000", f"{4000 + n:,}"))
    assert big.stat().st_size > 20 * 1024 * 1024
    result = run("summarize", str(big), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("A very large report\nEN · big.txt\n• ")


def test_summarize_json_in_argument_order(tmp_path: Path) -> None:
    first, second = SEEDS / "03_finance_ministry_statement.txt", SEEDS / "08_small_business_loans_ru.txt"
    missing = tmp_path / "missing.txt"
    result = run("summarize", "--json", str(first), str(missing), str(second))
    assert result.returncode == 1
    assert result.stderr == ""
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    assert list(records[0]) == ["path", "title", "language", "summary", "figures", "quotes"]
    assert records[0]["path"] == str(first)
    assert records[0]["title"] == SEED_TITLES[2]
    assert records[0]["language"] == "en"
    assert len(records[0]["summary"]) == 3
    assert all(sorted(f) == ["context", "sentence", "value"] for f in records[0]["figures"])
    assert [q["speaker"] for q in records[0]["quotes"]] == ["Jamshed Kholov", "Jamshed Kholov"]
    assert records[1] == {"path": str(missing), "error": "no such file"}
    assert records[2]["path"] == str(second)
    assert records[2]["language"] == "ru"
    assert "600 млрд тенге" in result.stdout  # ensure_ascii=False: Cyrillic stays readable


def test_summarize_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Flood update\n\nMore than 12,000 people need aid after the floods. "
            "“We need tents and clean water now,” said Zarina Mirzoeva. Roads are closed.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    assert main(["summarize", "--json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == "-"
    assert record["title"] == "Flood update"
    assert record["figures"][0]["context"] == "More than 12,000 people"
    assert record["quotes"] == [{"text": "We need tents and clean water now", "speaker": "Zarina Mirzoeva"}]


def test_summarize_plain_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--sentences", "1", "--figures", "1",
                 str(SEEDS / "11_trade_fair_with_page_furniture.txt")]) == 0
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert lines[:2] == ["Tashkent trade fair draws a record 1,400 exhibitors",
                         "EN · 11_trade_fair_with_page_furniture.txt"]
    assert len([line for line in lines if line.startswith("• ")]) == 1
    assert len([line for line in lines if line.startswith("Key figures: ")]) == 1
    assert "Key figures: " in out and ";" not in lines[3]


def test_sentences_and_ratio_are_mutually_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["summarize", "--sentences", "2", "--ratio", "0.5",
              str(SEEDS / "01_regional_water_conference.txt")])
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--sentences", "0"], ["--ratio", "0"], ["--ratio", "1.5"],
                                  ["--figures", "-1"], ["--algorithm", "bogus"]])
def test_bad_option_values(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["summarize", *args, str(SEEDS / "01_regional_water_conference.txt")])
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith("usage: briefbot summarize")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm(algorithm: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--json", "--algorithm", algorithm, "--sentences", "2",
                 str(SEEDS / "10_electricity_exports_utf16.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Tajik electricity exports rise 18 percent on strong summer river flows"
    assert len(record["summary"]) == 2


def test_ratio_option(capsys: pytest.CaptureFixture[str]) -> None:
    if not YATIMOV.is_file():
        pytest.skip(f"{YATIMOV} is not available")
    assert main(["summarize", "--json", "--ratio", "0.5", str(YATIMOV)]) == 0
    assert len(json.loads(capsys.readouterr().out)["summary"]) == 6  # 11 sentences


def test_bad_settings_file_names_the_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[summary]\nalgorithm = "magic"\n', encoding="utf-8")
    assert main(["--config", str(config), "digest", "seeds"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "briefbot: setting 'summary.algorithm': unknown algorithm 'magic'. Fix: use one of default, lexrank")


def test_config_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "one.toml"
    config.write_text("[summary]\nsentences = 1\nfigures = 0\nquotes = 1\n", encoding="utf-8")
    assert main(["summarize", "--json", "--config", str(config),
                 str(SEEDS / "01_regional_water_conference.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert len(record["summary"]) == 1
    assert len(record["quotes"]) == 1


def test_unparsable_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[summary\n", encoding="utf-8")
    assert main(["--config", str(config), "digest", "seeds"]) == 2
    assert capsys.readouterr().err.startswith(f"briefbot: setting '--config': {config} is not valid TOML")


def test_run_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefbot run: setting 'BOT_TOKEN': not set. Fix: export BOT_TOKEN=")


# -- issue 13: a CLI on par with sumy's ---------------------------------------------------------

ARTICLE = """<!DOCTYPE html>
<html><head><title>Canal repairs finish early in Khatlon</title>
<style>body { font-family: serif }</style></head>
<body><article><h1>Canal repairs finish early in Khatlon</h1>
<p>Engineers finished repairs on the Vakhsh canal two weeks early, officials said on Monday.</p>
<p>The works cost 14 million somoni and restored water to 3,200 farms in the region.</p>
<p>“The water will reach every field before the sowing starts,” said Firuz Rahimov.</p>
<p>Farmers had waited since the spring floods damaged the main channel.</p>
</article></body></html>
"""
QUOTES = ("Five voices\n\n"
          + " ".join(f"“Point number {n} matters to us all,” said Speaker Number{n}." for n in range(1, 6))
          + " The meeting ended at noon.")


def local_fetching_config(tmp_path: Path) -> Path:
    config = tmp_path / "local.toml"
    config.write_text("[sources]\nallow_private_addresses = true\nfetch_timeout_seconds = 5\n",
                      encoding="utf-8")
    return config


@pytest.fixture
def web():
    from tests.fakes.web_server import FakeWeb

    server = FakeWeb().start()
    try:
        yield server
    finally:
        server.stop()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"briefbot {version('briefbot')}\n"


def test_summarize_url_from_the_local_web_server(tmp_path: Path, web, capsys) -> None:
    url = web.set("/news/canal.html?id=7", ARTICLE)
    assert main(["--config", str(local_fetching_config(tmp_path)), "summarize", "--json", url]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["path"] == url  # not mangled into "http:/127.0.0.1..." by Path()
    assert record["title"] == "Canal repairs finish early in Khatlon"
    assert record["quotes"] == [{"text": "The water will reach every field before the sowing starts",
                                 "speaker": "Firuz Rahimov"}]
    assert [h.path for h in web.hits("/news/canal.html?id=7")] == ["/news/canal.html?id=7"]


def test_summarize_url_keeps_the_bots_address_rules(web, capsys) -> None:
    """Without allow_private_addresses a loopback URL is refused, as the bot refuses it."""
    url = web.set("/canal.html", ARTICLE)
    assert main(["summarize", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefbot summarize: {url}: ")
    assert "private" in err or "not public" in err or "loopback" in err, err
    assert web.hits("/canal.html") == []


def pipe(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_html_is_recognised_by_its_content(monkeypatch, capsys) -> None:
    pipe(monkeypatch, ARTICLE.encode("utf-8"))
    assert main(["summarize", "--json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Canal repairs finish early in Khatlon"
    assert not any("font-family" in s or "<" in s for s in record["summary"])
    assert record["quotes"][0]["speaker"] == "Firuz Rahimov"


def test_stdin_pdf_is_recognised_by_its_content(monkeypatch, capsys) -> None:
    pipe(monkeypatch, (SEEDS / "12_development_fund_briefing.pdf").read_bytes())
    assert main(["summarize", "--json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == SEED_TITLES[11]
    assert record["path"] == "-"


def test_format_overrides_the_guess(monkeypatch, capsys, tmp_path: Path) -> None:
    pipe(monkeypatch, ARTICLE.encode("utf-8"))
    assert main(["summarize", "--json", "--format", "text", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "<!DOCTYPE html>"  # taken at its word
    odd = tmp_path / "canal.page"
    odd.write_text(ARTICLE, encoding="utf-8")
    assert main(["summarize", "--json", "--format", "html", str(odd)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["path"], record["title"]) == (str(odd), "Canal repairs finish early in Khatlon")


def test_quotes_n_and_all(tmp_path: Path, capsys) -> None:
    report = tmp_path / "five.txt"
    report.write_text(QUOTES, encoding="utf-8")
    counts = {}
    for value in ("1", "all"):
        assert main(["summarize", "--json", "--quotes", value, str(report)]) == 0
        counts[value] = [q["text"] for q in json.loads(capsys.readouterr().out)["quotes"]]
    assert counts["1"] == ["Point number 1 matters to us all"]
    assert counts["all"] == [f"Point number {n} matters to us all" for n in range(1, 6)]


def test_language_override(capsys) -> None:
    path = str(SEEDS / "03_finance_ministry_statement.txt")
    assert main(["summarize", "--json", "--language", "uk", path]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "uk"


@pytest.mark.parametrize(("alias", "name"), [("lex-rank", "lexrank"), ("text-rank", "textrank"),
                                             ("sum-basic", "sumbasic"), ("LexRank", "lexrank")])
def test_sumy_algorithm_spellings(alias: str, name: str, capsys) -> None:
    path = str(SEEDS / "10_electricity_exports_utf16.txt")
    outputs = []
    for spelling in (alias, name):
        assert main(["summarize", "--json", "--algorithm", spelling, "--sentences", "2", path]) == 0
        outputs.append(json.loads(capsys.readouterr().out)["summary"])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 2


@pytest.mark.parametrize(("args", "message"), [
    (["digest", "--jobs", "0", "seeds"], "argument --jobs: must be at least 1, got 0"),
    (["digest", "--jobs", "-3", "seeds"], "argument --jobs: must be at least 1, got -3"),
    (["digest", "--jobs", "two", "seeds"], "argument --jobs: 'two' is not a whole number"),
    (["summarize", "--quotes", "-1", "x.txt"], "argument --quotes: must not be negative, got -1"),
    (["summarize", "--quotes", "many", "x.txt"], "argument --quotes: 'many' is not a whole number"),
    (["summarize", "--language", "de", "x.txt"], "argument --language: unsupported language 'de' "
                                                 "(choose from en, ru, uk)"),
    (["summarize", "--format", "rtf", "x.txt"], "argument --format: invalid choice: 'rtf'"),
    (["health", "--max-age", "0"], "argument --max-age: must be above 0, got 0"),
    (["--log-level", "LOUD", "digest"], "argument --log-level: choose from DEBUG, INFO"),
])
def test_numeric_and_named_options_are_checked(args: list[str], message: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_digest_json_one_object_per_item_with_merged_sources(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    text = (SEEDS / "06_flood_humanitarian_update.html").read_text(encoding="utf-8")
    (folder / "a_copy.html").write_text(text, encoding="utf-8")
    (folder / "b_copy.html").write_text(text, encoding="utf-8")
    (folder / "c.txt").write_text(QUOTES, encoding="utf-8")
    (folder / "notes.rtf").write_text("{\\rtf1 hello}", encoding="utf-8")
    result = run("digest", "--json", str(folder))
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["title"] for i in items] == [SEED_TITLES[5], "Five voices"]
    assert items[0]["sources"] == [str(folder / "a_copy.html"), str(folder / "b_copy.html")]
    assert len(items[0]["report_ids"]) == 1
    assert list(items[0]) == ["title", "language", "sources", "url", "report_ids", "summary",
                              "figures", "quotes"]
    assert result.stderr == (f"briefbot digest: skipped {folder / 'notes.rtf'}: unsupported file type "
                             "(use .txt .md .html .pdf .docx)\n")


def test_exit_codes_are_distinct(tmp_path: Path) -> None:
    good = str(SEEDS / "01_regional_water_conference.txt")
    assert run("summarize", good).returncode == 0
    assert run("summarize", good, str(tmp_path / "missing.txt")).returncode == 1
    assert run("summarize", "--sentences", "0", good).returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[summary]\nsentense = 2\n", encoding="utf-8")
    result = run("--config", str(bad), "summarize", good)
    assert result.returncode == 2
    assert result.stderr == ("briefbot: setting 'summary.sentense': unknown setting 'summary.sentense'; "
                             "did you mean 'summary.sentences'? Fix: rename it to 'summary.sentences'\n")


TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_an_unexpected_error_never_prints_the_token(monkeypatch, capsys) -> None:
    """PTB's InvalidToken at start-up carries the URL with the token: stderr must not."""
    from bot.cli import offline

    def explode(args, settings):
        raise RuntimeError(f"Not Found: https://api.telegram.org/bot{TOKEN}/getMe")

    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setattr(offline, "summarize", explode)
    assert main(["summarize", "x.txt"]) == 1
    err = capsys.readouterr().err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err
    assert err.splitlines() == [
        "briefbot summarize: unexpected RuntimeError: Not Found: "
        "https://api.telegram.org/bot<BOT_TOKEN>/getMe",
        "briefbot summarize: run with --log-level DEBUG for the traceback"]
    assert main(["--log-level", "DEBUG", "summarize", "x.txt"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in explode" in err
    assert TOKEN not in err and "bot<BOT_TOKEN>/getMe" in err


def test_run_logs_its_start_in_the_configured_format(tmp_path: Path, monkeypatch, capsys) -> None:
    import bot.chat.app

    config = tmp_path / "json.toml"
    config.write_text('[logging]\nformat = "json"\n', encoding="utf-8")
    started = []
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setattr(bot.chat.app, "run", started.append)
    assert main(["--config", str(config), "run"]) == 0
    assert started[0].logging.format == "json"
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert lines[0]["level"] == "INFO" and lines[0]["logger"] == "bot.cli"
    assert re.fullmatch(r"briefbot \S+ starting: polling mode, 0 target\(s\), 0 feed\(s\), "
                        r"log format json", lines[0]["message"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", lines[0]["time"])


def test_log_level_option_reaches_the_bot(tmp_path: Path, monkeypatch, capsys) -> None:
    import bot.chat.app

    started = []
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setattr(bot.chat.app, "run", started.append)
    assert main(["run", "--log-level", "warning"]) == 0
    assert started[0].logging.level == "WARNING"
    assert capsys.readouterr().err == ""  # the INFO start line is below WARNING


def test_a_revoked_token_at_start_up_is_masked_everywhere(tmp_path: Path) -> None:
    """Issue 12 item 5: the Bot API answers 401, PTB raises InvalidToken quoting the token."""
    from tests.fakes.telegram_server import FakeTelegram

    fake = FakeTelegram().start()  # knows only its own token: any other gets 401
    try:
        config = tmp_path / "bot.toml"
        config.write_text(f'[telegram]\napi_base_url = "{fake.base_url}"\n'
                          f'[store]\npath = "{tmp_path / "briefbot.db"}"\n', encoding="utf-8")
        revoked = "987654321:ZZZdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
        result = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "run"],
                                env={**env, "BOT_TOKEN": revoked, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                                capture_output=True, text=True, timeout=60, check=False)
    finally:
        fake.stop()
    assert result.returncode == 2  # a settings error: the bot retries only network failures
    assert revoked not in result.stderr + result.stdout
    assert revoked.split(":")[1] not in result.stderr
    assert result.stderr.splitlines()[-1:] == [
        "briefbot run: setting 'BOT_TOKEN': Telegram rejected the token 987654321:***. "
        "Fix: check BOT_TOKEN and telegram.api_base_url"]


def test_stdin_docx_is_recognised_by_its_content(monkeypatch, capsys) -> None:
    pipe(monkeypatch, (SEEDS / "13_immunisation_review.docx").read_bytes())
    assert main(["summarize", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == SEED_TITLES[12]


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\xef\xbb\xbf  <!doctype HTML><html>", "html"),
    (b"<html lang='en'><body>", "html"),
    (b"<p>Only a paragraph</p>", "html"),
    (b"PK\x03\x04....word/document.xml", "docx"),
    (b"PK\x03\x04....xl/workbook.xml", "text"),
    (b"Plain title\n\nA report that mentions <b> once.", "text"),
    (b"# Markdown title\n\nBody.", "text"),
])
def test_sniff_format(data: bytes, kind: str) -> None:
    from bot.cli.inputs import sniff_format

    assert sniff_format(data) == kind


def test_digest_of_many_files_prints_every_one_in_input_order(tmp_path: Path) -> None:
    """17 files: analysed by worker processes, then the bot's workflow with no backfill bound
    (a chat's first digest would carry only the latest 10)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    places = ["Khujand", "Bokhtar", "Kulob", "Istaravshan", "Panjakent", "Isfara", "Konibodom",
              "Vahdat", "Tursunzoda", "Hisor", "Rasht", "Khorog", "Murghob", "Ayni", "Shahritus",
              "Farkhor", "Danghara"]
    for n, place in enumerate(places):
        (folder / f"{n:02d}.txt").write_text(
            f"Water for {place}\n\n{place} received {n + 3} new pumps this week. "
            f"Engineers from {place} will install them by {n + 2} May.", encoding="utf-8")
    result = run("digest", "--jobs", "2", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0].endswith(" · 17 reports")
    numbered = re.findall(r"^(\d+)\. (.*)$", result.stdout, re.M)
    assert numbered == [(str(n), f"Water for {p}") for n, p in enumerate(places, start=1)]
