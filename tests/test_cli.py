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
]
YATIMOV = (ROOT / ".." / "shared" / "seeds" / "000_142cbd48f4fd7ea7.txt").resolve()


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
    assert lines[0].startswith("Briefing digest · ") and lines[0].endswith(" · 13 reports")
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
    assert result.returncode == 2
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
    assert result.returncode == 2
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
