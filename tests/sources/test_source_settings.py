"""[sources] and [[feeds]] settings: defaults, values, and errors that name the fix."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.settings import Feed, SettingsError, SourceSettings, load_settings


def load(tmp_path: Path, body: str):
    path = tmp_path / "briefbot.toml"
    path.write_text(body, encoding="utf-8")
    return load_settings(path, {})


def test_defaults_and_the_shipped_file_agree(tmp_path: Path) -> None:
    assert load(tmp_path, "").sources == SourceSettings()
    shipped = load_settings(Path("config/briefbot.toml"), {})
    assert (shipped.sources, shipped.feeds) == (SourceSettings(), ())


def test_feeds_and_sources_are_read(tmp_path: Path) -> None:
    settings = load(tmp_path, """
[sources]
feed_interval = "10m"
allow_private_addresses = true
max_fetch_mb = 2
merge_threshold = 0
[[feeds]]
url = "https://a.example/rss.xml"
name = "A"
[[feeds]]
url = " http://b.example/atom "
interval = "2h"
""")
    assert settings.feeds == (
        Feed("https://a.example/rss.xml", "A", timedelta(minutes=10)),
        Feed("http://b.example/atom", "http://b.example/atom", timedelta(hours=2)),
    )
    assert (settings.sources.allow_private_addresses, settings.sources.max_fetch_mb,
            settings.sources.merge_threshold) == (True, 2.0, 0.0)


@pytest.mark.parametrize("body, message", [
    ('[[feeds]]\nname = "x"', "setting 'feeds[0].url': missing. Fix: give every [[feeds]] a "
                              "url = 'https://example.org/rss.xml'"),
    ('[[feeds]]\nurl = "file:///etc/passwd"', "setting 'feeds[0].url': 'file:///etc/passwd' is "
     "not an http(s) URL. Fix: use the feed's full address, e.g. 'https://example.org/rss.xml'"),
    ('[[feeds]]\nurl = "https://a/x"\n[[feeds]]\nurl = "https://a/x"',
     "setting 'feeds[1].url': https://a/x is listed twice. Fix: remove the duplicate"),
    ('[[feeds]]\nurl = "https://a/x"\ninterval = "often"', "setting 'feeds[0].interval': cannot "
     "read 'often'. Fix: use a number and a unit: '90s', '30m', '6h', '1d'"),
    ('[sources]\nmerge_threshold = 1.5', "setting 'sources.merge_threshold': must be between 0 "
     "and 1, got 1.5. Fix: use e.g. 0.4 (higher merges fewer reports; 0 turns merging off)"),
    ('[sources]\nfetch_timeout_seconds = 0', "setting 'sources.fetch_timeout_seconds': must be "
     "positive, got 0.0. Fix: set sources.fetch_timeout_seconds above 0"),
    ('[sources]\nallow_private_addresses = "yes"', "setting 'sources.allow_private_addresses': "
     "expected bool, got 'yes'. Fix: set sources.allow_private_addresses to a bool"),
])
def test_bad_values_name_the_setting_and_the_fix(tmp_path: Path, body: str,
                                                 message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load(tmp_path, body)
    assert str(caught.value) == message
