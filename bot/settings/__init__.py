"""Settings: one TOML file plus environment variables for secrets, validated at start-up.

`load_settings(path, env)` returns a frozen `Settings`; every problem is a SettingsError that
names the setting and says how to fix it (unknown keys name the nearest valid one), so a bad
deployment fails at once instead of at the first scheduled digest.
"""

from bot.errors import SettingsError

from .algorithms import algorithms, resolve_algorithm
from .fields import UI_LANGUAGES, parse_interval
from .loading import DEFAULT_CONFIG, check_feed_url, load_settings, require_token, settings_path
from .models import (
    TELEGRAM_API,
    AccessSettings,
    DeliverySettings,
    Feed,
    LimitSettings,
    LoggingSettings,
    Schedule,
    Settings,
    SourceSettings,
    SummarySettings,
    Target,
    TelegramSettings,
)

__all__ = [
    "DEFAULT_CONFIG", "TELEGRAM_API", "UI_LANGUAGES", "AccessSettings",
    "DeliverySettings", "Feed", "LimitSettings", "LoggingSettings", "Schedule", "Settings",
    "SettingsError", "SourceSettings", "SummarySettings", "Target", "TelegramSettings",
    "algorithms", "check_feed_url", "load_settings", "parse_interval", "require_token", "resolve_algorithm",
    "settings_path",
]
