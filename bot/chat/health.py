"""GET /healthz in webhook mode: 200 while updates flow and the poll heartbeat is fresh.

PTB serves its webhook with tornado and offers no hook for extra routes; the route is added to
the running server's tornado Application (`Updater._httpd`) by a one-off job, which runs once
the server listens. In polling mode there is no server: `briefbot health` reads the same
heartbeat from the store.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram.ext import Application

from bot.errors import StoreUnavailable

from .handlers.context import BriefContext

log = logging.getLogger(__name__)
PATH = "/healthz"


async def health(application: Application, *, fresh_for: timedelta) -> tuple[bool, dict[str, Any]]:
    """(healthy, details): updates are received and the last heartbeat is recent."""
    updater = application.updater
    receiving = updater is not None and updater.running
    try:
        last = await application.bot_data.briefing.db.heartbeat("poll")
    except StoreUnavailable as exc:
        return False, {"status": "database unavailable", "reason": exc.reason}
    fresh = last is not None and datetime.now(UTC) - last <= fresh_for
    status = "ok" if receiving and fresh else "stale"
    return status == "ok", {"status": status, "receiving": receiving,
                            "last_poll": last.isoformat() if last else None}


def add_health_route(application: Application, *, fresh_for: timedelta) -> bool:
    """Add GET /healthz to PTB's webhook server; False (and a warning) if PTB changed."""
    import tornado.web  # webhook mode only: tornado comes with python-telegram-bot[webhooks]

    class HealthHandler(tornado.web.RequestHandler):
        async def get(self) -> None:
            healthy, details = await health(application, fresh_for=fresh_for)
            self.set_status(200 if healthy else 503)
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps(details))

    server = getattr(getattr(application.updater, "_httpd", None), "_http_server", None)
    web_app = getattr(server, "request_callback", None)
    if not isinstance(web_app, tornado.web.Application):
        log.warning("cannot add %s to the webhook server; use `briefbot health`", PATH)
        return False
    web_app.add_handlers(r".*", [(PATH, HealthHandler)])
    return True


def schedule_health_route(application: Application, *, fresh_for: timedelta) -> None:
    """Add the route once the webhook server listens (jobs start after it)."""
    async def job(context: BriefContext) -> None:
        add_health_route(context.application, fresh_for=fresh_for)

    assert application.job_queue is not None
    application.job_queue.run_once(job, when=0, name="health:route")
