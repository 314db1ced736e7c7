"""The python-telegram-bot Application: wiring, start-up, logging and the run loop.

`run()` is what `briefbot run` calls; `build_application()` and `running()` let tests drive
the same application against a fake Bot API server inside their own event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib.util
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.errors import StoreUnavailable
from bot.logs import TokenFilter, configure_logging
from bot.settings import Settings, SettingsError, Target, require_token
from bot.store.db import Store
from bot.store.lease import Lease

from . import handlers
from .access import target_keys
from .briefing import Briefing
from .delivery import RetryPolicy
from .handlers.context import CONTEXT_TYPES, BotState, BriefContext
from .health import schedule_health_route
from .jobs import schedule_catch_up, schedule_targets
from .sourcing import SourceHub
from .standby import LEASE_SECONDS, hold_database, wait_for_lease
from .texts import commands

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST, Update.CALLBACK_QUERY]
MAX_RETRY_SECONDS = 60.0
# deleteWebhook/setWebhook at start: PTB gives up at the first 5xx or timeout by default (the
# process exits); 20 retries back off 1, 1.5, 2.25 ... 30 s, about 7 minutes, then a bad
# webhook URL (400, never going to work) still ends in a clear exit.
BOOTSTRAP_RETRIES = 20
HEARTBEAT_SECONDS = 30.0
HEARTBEAT_JOB = "heartbeat:poll"
HEALTHY_WITHIN = timedelta(seconds=3 * HEARTBEAT_SECONDS)  # three heartbeats missed: unhealthy
__all__ = ["TokenFilter", "build_application", "configure_logging", "run", "running"]


def file_url(api_base_url: str) -> str:
    """Bot API file URL next to the method URL (https://api.telegram.org/file/bot...)."""
    base = api_base_url.rstrip("/")
    if base.endswith("/bot"):
        return base[: -len("/bot")] + "/file/bot"
    return base + "/file/bot"


def masked(token: str) -> str:
    """The token as it may appear in a message: the bot id, never the secret part."""
    bot_id, _, secret = token.partition(":")
    return f"{bot_id}:***" if secret else "***"


async def wait_for_telegram(bot: Bot, *, max_delay: float = MAX_RETRY_SECONDS) -> None:
    """getMe until Telegram answers: a missing network at start-up is waited out, not fatal.

    Backoff 1, 2, 4 ... capped at max_delay, one clear line each time. A token Telegram
    rejects (401/404) is no network problem: a SettingsError naming the masked token.
    """
    delay = 1.0
    while True:
        try:
            await bot.initialize()
            return
        except InvalidToken:
            raise SettingsError(
                "BOT_TOKEN", f"Telegram rejected the token {masked(bot.token)}",
                "check BOT_TOKEN and telegram.api_base_url") from None
        except (NetworkError, RetryAfter) as exc:
            cause = type(exc.__cause__ or exc).__name__
            log.warning("Telegram unreachable (%s); retrying in %g s", cause, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)


class BriefApplication(Application):
    """PTB's Application, waiting for Telegram at start-up instead of exiting."""

    async def initialize(self) -> None:
        await wait_for_telegram(self.bot)
        await super().initialize()


async def resolve_targets(bot: Bot, targets: Sequence[Target]) -> tuple[Target, ...]:
    """'@channel' targets as their numeric ids, so a digest and a /summary in that channel
    share one delivery record and one lock. Targets that already are ids stay as they are."""
    resolved = []
    for target in targets:
        if isinstance(target.chat_id, str):
            try:
                chat = await bot.get_chat(target.chat_id)
            except TelegramError as exc:
                log.warning("cannot resolve %s (%s); posting to it by name", target.chat_id, exc)
            else:
                log.info("target %s is chat %d", target.chat_id, chat.id)
                target = replace(target, chat_id=chat.id)
        resolved.append(target)
    return tuple(resolved)


async def on_start(application: BriefApplication) -> None:
    """post_init: resolve @channel targets, schedule digests (and those missed while down),
    publish the command menu, start the poll heartbeat, freeze the start-up heap."""
    state: BotState = application.bot_data
    settings = replace(state.settings,
                       targets=await resolve_targets(application.bot, state.settings.targets))
    state.settings = state.briefing.settings = settings
    state.targets = target_keys(settings.targets) | state.targets
    schedule_targets(application.job_queue, settings.targets,
                     settings.telegram.misfire_grace_seconds)
    menu = [BotCommand(name, description) for name, description in commands(state.language)]
    try:
        await application.bot.set_my_commands(menu)
    except TelegramError as exc:
        log.warning("could not set the command menu: %s", exc)
    await schedule_catch_up(application)
    application.job_queue.run_repeating(heartbeat_job, interval=HEARTBEAT_SECONDS, first=0.5,
                                        name=HEARTBEAT_JOB)
    freeze_start_up_heap()


def freeze_start_up_heap() -> None:
    """Exempt what start-up built (modules, settings, handlers) from later full collections.

    Analysis runs in a thread, but a full (generation 2) collection holds the GIL while it walks
    every tracked object: over a loaded bot's ~140,000 that is ~100 ms during which no update
    is answered. Frozen, the walk covers only what came after (a few ms)."""
    gc.collect()
    gc.freeze()


async def heartbeat_job(context: BriefContext) -> None:
    """Record that polling (or the webhook) works, for `briefbot health` and /healthz."""
    updater = context.application.updater
    if updater is None or not updater.running:
        return
    await context.state.briefing.db.record_heartbeat("poll")


def build_application(settings: Settings, store: Store, *, policy: RetryPolicy | None = None,
                      read_timeout: float | None = None,
                      clock: Callable[[], datetime] | None = None) -> BriefApplication:
    """The Application with handlers and source jobs; not started (digests are scheduled at
    start, once @channel targets are resolved).

    policy, read_timeout and clock exist for tests (fast retries, fixed digest dates).
    """
    token = require_token(settings)
    policy = policy or RetryPolicy()
    builder = (
        ApplicationBuilder()
        .application_class(BriefApplication)
        .context_types(CONTEXT_TYPES)
        .token(token)
        .base_url(settings.telegram.api_base_url)
        .base_file_url(file_url(settings.telegram.api_base_url))
        # throttles only: delivery.with_retries is the one retry layer (RetryAfter, network)
        .rate_limiter(AIORateLimiter(max_retries=0))
        .post_init(on_start)
        .concurrent_updates(True)
    )
    if read_timeout is not None:
        builder = builder.read_timeout(read_timeout)
    application = builder.build()
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    briefing = Briefing(settings, store, policy=policy, clock=clock, bot=application.bot)
    hub = SourceHub(briefing)
    application.bot_data.attach(briefing, hub)
    handlers.register(application, listen_links=settings.sources.listen_links)
    hub.schedule(application.job_queue)
    return application


@contextlib.asynccontextmanager
async def running(application: Application, *, poll_interval: float = 0.0,
                  timeout: int = 1) -> AsyncIterator[Application]:
    """Run polling inside the caller's event loop (what run_polling does, minus blocking)."""
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=poll_interval, timeout=timeout,
                                                bootstrap_retries=BOOTSTRAP_RETRIES,
                                                allowed_updates=ALLOWED_UPDATES)
        await application.start()
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
    finally:
        await application.shutdown()


def run(settings: Settings) -> None:
    """Blocking entry point for `briefbot run`: polling or webhook until interrupted."""
    token = require_token(settings)
    telegram = settings.telegram
    if telegram.mode == "webhook" and importlib.util.find_spec("tornado") is None:
        raise SettingsError(
            "telegram.mode", "webhook mode needs python-telegram-bot[webhooks]",
            "pip install 'python-telegram-bot[webhooks]' or use mode = 'polling'")
    configure_logging(token, settings.logging.level, settings.logging.format)
    store = Store(settings.database_url)
    lease = Lease(store, ttl_seconds=LEASE_SECONDS)
    try:
        if not wait_for_lease(lease):  # a second process on this database stands by here
            return
        application = build_application(settings, store)
        hold_database(application, lease, store)
        if telegram.mode == "webhook":
            schedule_health_route(application, fresh_for=HEALTHY_WITHIN)
            log.info("webhook mode on %s:%d/%s", telegram.webhook_listen, telegram.webhook_port,
                     telegram.webhook_path)
            application.run_webhook(
                listen=telegram.webhook_listen, port=telegram.webhook_port,
                url_path=telegram.webhook_path, webhook_url=telegram.webhook_url,
                secret_token=settings.webhook_secret or None,
                bootstrap_retries=BOOTSTRAP_RETRIES, allowed_updates=ALLOWED_UPDATES)
        else:
            log.info("long polling %s", "the Telegram Bot API"
                     if "api.telegram.org" in telegram.api_base_url else telegram.api_base_url)
            application.run_polling(bootstrap_retries=BOOTSTRAP_RETRIES,
                                    allowed_updates=ALLOWED_UPDATES)
    finally:
        with contextlib.suppress(StoreUnavailable):  # a database gone cannot be released
            lease.release()
        store.close()
