"""One error family: every failure briefbot reports names what failed (source) and why (reason).

Callers catch `BriefbotError` where any expected failure may occur and the subclasses where
the reaction differs (a settings error stops start-up; a report error skips one report).
"""

from __future__ import annotations


class BriefbotError(Exception):
    """An expected failure; `str()` is "source: reason", fit for a user and for the log."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ReportError(BriefbotError):
    """A report that cannot be read or summarized."""


class FetchError(BriefbotError):
    """A URL (page or feed) that could not be fetched or used."""

    @property
    def url(self) -> str:
        return self.source


class StoreUnavailable(BriefbotError):
    """The database cannot be reached, is locked, full or gone; nothing was written."""


class DatabaseGone(StoreUnavailable):
    """The database file was deleted or replaced while running: unlike a lock, waiting will not
    help, and carrying on against a fresh file would re-post everything."""


class SettingsError(BriefbotError):
    """A setting that cannot be used; the message names the setting and the fix."""

    def __init__(self, setting: str, problem: str, fix: str) -> None:
        stop = "" if problem.endswith("?") else "."  # "did you mean 'x'?" ends the sentence itself
        super().__init__(f"setting '{setting}'", f"{problem}{stop} Fix: {fix}")
        self.setting = setting
        self.problem = problem
        self.fix = fix
