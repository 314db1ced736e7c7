"""Typed shared state for handlers and jobs: PTB's ContextTypes with a BotState as bot_data.

Handlers read `context.state.briefing` instead of `bot_data["briefing"]`, so a typo is an
attribute error at the first test, and an editor knows every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.settings import Settings

from ..access import target_keys
from ..limits import COMMANDS_PER_MINUTE, HeavyWork, RateLimiter
from ..texts import text

if TYPE_CHECKING:
    from ..briefing import Briefing
    from ..sourcing import SourceHub


@dataclass
class BotState:
    """Everything the handlers share; PTB creates it empty, `attach` fills it once."""

    settings: Settings = field(init=False)
    briefing: Briefing = field(init=False)
    sources: SourceHub = field(init=False)
    rate: RateLimiter = field(init=False)
    commands_rate: RateLimiter = field(init=False)
    heavy: HeavyWork = field(init=False)
    targets: frozenset[str] = frozenset()
    # supergroup id -> the allowed group it was upgraded from (learned from Telegram's service
    # messages; at most one entry per allowed chat, so bounded by the settings)
    upgraded: dict[int, int] = field(default_factory=dict)

    def attach(self, briefing: Briefing, sources: SourceHub) -> None:
        self.settings = briefing.settings
        self.briefing = briefing
        self.sources = sources
        limits = self.settings.limits
        self.rate = RateLimiter(limits.user_requests_per_minute)
        costly = limits.user_requests_per_minute  # 0: no limit, for commands either
        self.commands_rate = RateLimiter(costly and max(COMMANDS_PER_MINUTE, 2 * costly))
        self.heavy = HeavyWork(limits.heavy_jobs)
        self.targets = target_keys(self.settings.targets)

    def home(self, chat_id: int) -> int:
        """The chat id the settings and delivery records know this chat by: the group's old
        id once it became a supergroup (sends to it follow the upgrade, bot.chat.delivery)."""
        return self.upgraded.get(chat_id, chat_id)

    @property
    def language(self) -> str:
        return self.settings.telegram.language


class BriefContext(CallbackContext[ExtBot, dict, dict, BotState]):
    """The context every handler and job receives."""

    @property
    def state(self) -> BotState:
        return self.bot_data

    def t(self, key: str, **values: object) -> str:
        """A bot text in the configured language, values HTML-escaped."""
        return text(self.bot_data.language, key, **values)


CONTEXT_TYPES = ContextTypes(context=BriefContext, bot_data=BotState)
