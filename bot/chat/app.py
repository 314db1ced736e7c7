"""The python-telegram-bot Application: wiring, start-up, logging and the run loop.

`run()` is what `briefbot run` calls; `build_application()` and `running()` let tests drive
the same application against a fake Bot API server inside their own event loop.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

from bot.errors import StoreUnavailable
from bot.logs import TokenFilter, configure_logging
from bot.settings import Settings, SettingsError, require_token
from bot.store.db import Store

from .briefing import Briefing
from .commands import Handlers
from .delivery import RetryPolicy, plain_of, send_html
from .jobs import schedule_catch_up, schedule_targets
from .sourcing import SourceCommands, SourceHub
from .texts import commands, text

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST]
__all__ = ["TokenFilter", "build_application", "configure_logging", "run", "running"]


def file_url(api_base_url: str) -> str:
    """Bot API file URL next to the method URL (https://api.telegram.org/file/bot...)."""
    base = api_base_url.rstrip("/")
    if base.endswith("/bot"):
        return base[: -len("/bot")] + "/file/bot"
    return base + "/file/bot"


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log and keep running; tell the user something failed without internals."""
    if isinstance(context.error, StoreUnavailable):
        # A locked or full database: transactions roll back, so stored rows stay as they were,
        # and the inbox marks a file read only once its report is stored.
        log.error("database unavailable (%s): this run stopped; nothing stored earlier is "
                  "touched, and new reports will be read again on the next run",
                  context.error.reason)
    else:
        log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        briefing: Briefing = context.application.bot_data["briefing"]
        body = text(briefing.language, "failed")
        with contextlib.suppress(TelegramError):
            await send_html(context.bot, update.effective_chat.id, body, plain_of(body),
                            policy=RetryPolicy(attempts=1))


async def on_start(application: Application) -> None:
    """post_init: publish the command menu and queue digests missed while down."""
    briefing: Briefing = application.bot_data["briefing"]
    menu = [BotCommand(name, description) for name, description in commands(briefing.language)]
    try:
        await application.bot.set_my_commands(menu)
    except TelegramError as exc:
        log.warning("could not set the command menu: %s", exc)
    await schedule_catch_up(application)


def build_application(settings: Settings, store: Store, *, policy: RetryPolicy | None = None,
                      read_timeout: float | None = None,
                      clock: Callable[[], datetime] | None = None) -> Application:
    """The Application with handlers and digest jobs; not started.

    policy, read_timeout and clock exist for tests (fast retries, fixed digest dates).
    """
    token = require_token(settings)
    policy = policy or RetryPolicy()
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram.api_base_url)
        .base_file_url(file_url(settings.telegram.api_base_url))
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(on_start)
        .concurrent_updates(True)
    )
    if read_timeout is not None:
        builder = builder.read_timeout(read_timeout)
    application = builder.build()
    briefing = Briefing(settings, store, policy=policy, clock=clock)
    application.bot_data["briefing"] = briefing
    handlers = Handlers(briefing)
    hub = SourceHub(briefing)
    application.bot_data["sources"] = hub
    SourceCommands(handlers, hub).register(application)
    handlers.register(application)
    application.add_error_handler(on_error)
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    schedule_targets(application.job_queue, settings.targets,
                     settings.telegram.misfire_grace_seconds)
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
    try:
        application = build_application(settings, store)
        if telegram.mode == "webhook":
            log.info("webhook mode on %s:%d/%s", telegram.webhook_listen, telegram.webhook_port,
                     telegram.webhook_path)
            application.run_webhook(
                listen=telegram.webhook_listen, port=telegram.webhook_port,
                url_path=telegram.webhook_path, webhook_url=telegram.webhook_url,
                secret_token=settings.webhook_secret or None,
                allowed_updates=ALLOWED_UPDATES)
        else:
            log.info("long polling %s", "the Telegram Bot API"
                     if "api.telegram.org" in telegram.api_base_url else telegram.api_base_url)
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    finally:
        store.close()
