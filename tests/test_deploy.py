"""The deploy files against the repository: what can be tested without a Docker engine.

No Docker engine runs here, so the image is never built in these tests; they check what a
build and `docker compose up` rely on: every COPY source exists and is not excluded by
.dockerignore, dependencies install before the code, the compose file parses and names files
that exist, and the image's entry and health commands work in the venv that has briefbot.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from bot.settings import TelegramSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE)
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), " ".join(rest.split())))
    return found


def dockerignore() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str) -> bool:
    parts = Path(path).parts
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(fnmatch.fnmatch(prefix, pattern.removeprefix("**/")) or fnmatch.fnmatch(prefix, pattern)
               for pattern in dockerignore() for prefix in prefixes)


def test_base_image_is_pinned() -> None:
    assert instructions()[0][0] == "FROM"
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", instructions()[0][1])


def test_every_copy_source_exists_and_reaches_the_build_context() -> None:
    copies = [args.split()[:-1] for keyword, args in instructions() if keyword == "COPY"]
    assert copies
    for sources in copies:
        for source in sources:
            assert (ROOT / source).exists(), source
            assert not ignored(source), f"{source} is excluded by .dockerignore"


def test_dependencies_are_installed_before_the_code() -> None:
    steps = instructions()
    first_code = next(i for i, (k, a) in enumerate(steps) if k == "COPY" and a.startswith("bot "))
    dependency_install = next(i for i, (k, a) in enumerate(steps) if k == "RUN" and "pip install ." in a)
    assert dependency_install < first_code
    assert all(a.split()[0] == "pyproject.toml" for k, a in steps[:dependency_install] if k == "COPY")
    assert any(k == "RUN" and "pip install --no-deps ." in a for k, a in steps[first_code:])


def test_dockerignore_keeps_the_context_small() -> None:
    for path in (".venv", ".git", "data", "bot/__pycache__", "tests", ".pytest_cache", ".env"):
        assert ignored(path), path
    for path in ("pyproject.toml", "README.md", "bot/cli/__init__.py", "config/briefbot.toml",
                 "deploy/briefbot.example.toml"):
        assert not ignored(path), path


def exec_form(keyword: str) -> list[str]:
    args = next(a for k, a in instructions() if k == keyword)
    return json.loads(args[args.index("["):])


def test_runs_as_a_user_exposes_the_webhook_port_and_checks_health() -> None:
    steps = dict(instructions())
    assert steps["USER"] == "briefbot"
    assert steps["EXPOSE"] == str(TelegramSettings().webhook_port)
    assert exec_form("HEALTHCHECK") == ["briefbot", "health"]
    assert exec_form("CMD") == ["briefbot", "run"]
    assert "BRIEFBOT_CONFIG=/config/briefbot.toml" in DOCKERFILE


def test_entry_and_health_commands_run_in_the_same_venv() -> None:
    """The image puts one venv's bin first on PATH; here: the venv running these tests."""
    assert "PATH=/opt/venv/bin:$PATH" in DOCKERFILE
    briefbot = shutil.which("briefbot", path=str(Path(sys.executable).parent))
    assert briefbot is not None
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for command in (exec_form("HEALTHCHECK"), exec_form("CMD")):
        result = subprocess.run([briefbot, *command[1:], "--help"], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"usage: briefbot {command[1]}")


def test_the_dependency_layer_builds_without_the_code(tmp_path: Path) -> None:
    """What the first RUN does, offline: pyproject.toml with an empty package builds, and the
    wheel asks for every dependency (so the later --no-deps install of the code finds them)."""
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip("pyproject.toml needs setuptools >= 77")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "__init__.py").touch()
    (tmp_path / "README.md").touch()
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--no-index", "-q", "-w", str(tmp_path / "out"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    wheel = next((tmp_path / "out").glob("briefbot-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith("METADATA"))).decode()
    required = [line for line in metadata.splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert any("python-telegram-bot" in line for line in required)
    assert any("pydantic" in line for line in required)


# -- compose.yaml ---------------------------------------------------------------------------------

def parse_yaml(text: str) -> Any:
    """The YAML subset compose.yaml is written in: block mappings and lists, plain scalars,
    comments. (PyYAML is not a test dependency; this refuses anything outside the subset.)"""
    lines = []
    for raw in text.splitlines():
        line = re.sub(r"\s+#.*$", "", raw) if not raw.lstrip().startswith("#") else ""
        if line.strip():
            lines.append((len(line) - len(line.lstrip()), line.strip()))

    def scalar(value: str) -> Any:
        if value[:1] in "\"'":
            assert value[-1] == value[0], value
            return value[1:-1]
        assert not value.startswith(("{", "[", "&", "*", "|", ">")), f"outside the subset: {value}"
        return {"true": True, "false": False}.get(value, value)

    def block(start: int, indent: int) -> tuple[Any, int]:
        if lines[start][1].startswith("- "):
            items: list[Any] = []
            i = start
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
                item = lines[i][1][2:]
                if re.match(r"^[\w.-]+:(\s|$)", item):  # a mapping inside a list item
                    lines[i] = (indent + 2, item)
                    value, i = block(i, indent + 2)
                else:
                    value, i = scalar(item), i + 1
                items.append(value)
            return items, i
        mapping: dict[str, Any] = {}
        i = start
        while i < len(lines) and lines[i][0] == indent:
            key, sep, rest = lines[i][1].partition(":")
            assert sep and not lines[i][1].startswith("- "), f"outside the subset: {lines[i][1]}"
            rest = rest.strip()
            if rest:
                mapping[key] = scalar(rest)
                i += 1
            elif i + 1 < len(lines) and lines[i + 1][0] > indent:
                mapping[key], i = block(i + 1, lines[i + 1][0])
            else:
                mapping[key], i = None, i + 1
        return mapping, i

    parsed, end = block(0, 0)
    assert end == len(lines), f"could not parse from line {end}: {lines[end]}"
    return parsed


def with_defaults(value: str) -> str:
    """${NAME:-default} as compose reads it when NAME is not set."""
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return parse_yaml((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_parses_and_restarts(compose: dict[str, Any]) -> None:
    service = compose["services"]["briefbot"]
    assert service["build"] == "."
    assert service["restart"] == "unless-stopped"
    assert service["ports"] == ["8443:8443"]
    assert service["env_file"] == [{"path": ".env", "required": False}]


def test_compose_mounts(compose: dict[str, Any]) -> None:
    service = compose["services"]["briefbot"]
    mounts = {target: source for source, _, target in
              (with_defaults(v).partition(":") for v in service["volumes"])}
    assert mounts["/data"] == "briefbot-data" and "briefbot-data" in compose["volumes"]
    assert mounts["/inbox:ro"] == "./seeds"
    assert mounts["/config/briefbot.toml:ro"] == "./deploy/briefbot.example.toml"
    for source in mounts.values():
        if source.startswith("."):
            assert (ROOT / source).exists(), source


def test_the_token_file_is_never_committed_or_copied() -> None:
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ignored(".env")


def test_the_example_settings_give_a_working_bot_once_ids_are_filled() -> None:
    settings = load_settings(ROOT / "deploy" / "briefbot.example.toml", {})
    assert len(settings.targets) == 1 and settings.targets[0].schedules
    assert settings.access.admins
    assert str(settings.inbox) == "/inbox"
    assert settings.database_url == "sqlite:////data/briefbot.db"  # on the /data volume


def test_systemd_unit() -> None:
    unit = (ROOT / "deploy" / "briefbot.service").read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in unit.splitlines() if re.match(r"^\w+=", line))
    assert keys["ExecStart"].endswith("/bin/briefbot run")
    assert keys["EnvironmentFile"] == "/etc/briefbot/briefbot.env"
    assert keys["Restart"] == "on-failure"
    assert keys["User"] == "briefbot"


def test_the_yaml_subset_parser_refuses_what_it_does_not_know() -> None:
    assert parse_yaml("a:\n  - x\n  - path: y\n    required: false\nb: 'q'\n") == {
        "a": ["x", {"path": "y", "required": False}], "b": "q"}
    with pytest.raises(AssertionError):
        parse_yaml("a: {b: 1}\n")
