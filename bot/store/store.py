"""The synchronous store: every query briefbot makes, one method each.

Delivery bookkeeping lives here so that a restart or a crash never loses a report and never
posts one twice to the same chat: a report counts as delivered to a chat only once a row for the
pair exists, and the pair is unique. Call it from a worker thread (or use AsyncStore) when on
the event loop.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.engine import Connection, Row

from bot.analysis.model import Analysis, Report
from bot.analysis.names import namesakes_meant, speaker_key
from bot.analysis.terms import term_stems
from bot.store.engine import make_engine, reading, writing
from bot.store.indexing import index_analysis
from bot.store.migrate import upgrade as upgrade_schema
from bot.store.records import (
    Backlog,
    DeliveredReport,
    DigestRun,
    IndexedFigure,
    IndexedQuote,
    QuarantinedReport,
    SavedFeed,
    SourceState,
    StoredReport,
    Watch,
)
from bot.store.schema import (
    alerts_sent,
    analyses,
    analysis_failures,
    deliveries,
    digests,
    feed_entries,
    feeds,
    figure_index,
    heartbeats,
    quote_index,
    reports,
    shown_items,
    source_state,
    watches,
)
from bot.store.statements import dialect_of, insert_ignore, now, upsert, utc

REASON_LIMIT = 500  # failure texts are for a status line, not for tracebacks
ID_PREFIX = 4  # shortest id prefix find_reports looks up


def chat_key(chat_id: int | str) -> str:
    """Chats are keyed by text so numeric ids and '@channel' names share one column."""
    return str(chat_id)


def _contains(word: str, conn: Connection) -> ColumnElement[bool]:
    """Title or text contains the word in any usual casing, or the id starts with it.

    SQLite's LIKE folds ASCII only and PostgreSQL's ILIKE follows the server's locale, so the
    lower, Capitalised and UPPER forms are tried as well: Cyrillic words match either way.
    An id prefix counts from ID_PREFIX hex digits on, so short words do not hit random ids.
    """
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    forms = dict.fromkeys((escaped, escaped.lower(), escaped.capitalize(), escaped.upper()))
    ilike = conn.dialect.name == "postgresql"
    tests = [column.ilike(f"%{form}%", escape="\\") if ilike
             else column.like(f"%{form}%", escape="\\")
             for column in (reports.c.title, reports.c.text) for form in forms]
    prefix = word.casefold()
    if len(prefix) >= ID_PREFIX and all(c in "0123456789abcdef" for c in prefix):
        tests.append(reports.c.id.startswith(prefix, autoescape=True))
    return or_(*tests)


class Store:
    """Synchronous store; failures of the database itself raise StoreUnavailable."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout=busy_timeout)
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self.engine.dispose()
                raise

    def migrate(self) -> None:
        """Bring the schema to the newest revision (safe when several processes start at once)."""
        upgrade_schema(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- reports -----------------------------------------------------------------------------

    def add_report(self, report: Report, *, added_at: datetime | None = None,
                   origin: str | None = None) -> bool:
        """Store a report by content id; False when the same text is already stored.

        origin says where it came from ("feed:<name>", "inbox/<subfolder>", "links:<chat>"),
        for routing; the first source to store a text keeps it."""
        row = {
            "id": report.id, "title": report.title, "source": report.source, "url": report.url,
            "language": report.language, "text": report.text, "added_at": added_at or now(),
            "origin": origin,
        }
        with writing(self.engine) as conn:
            return insert_ignore(reports, conn, [row]) == 1

    def get_report(self, report_id: str) -> Report | None:
        with reading(self.engine) as conn:
            row = conn.execute(select(reports).where(reports.c.id == report_id)).first()
        return _report(row) if row else None

    def count_reports(self) -> int:
        with reading(self.engine) as conn:
            return conn.execute(select(func.count()).select_from(reports)).scalar_one()

    def recent_reports(self, limit: int) -> list[StoredReport]:
        """The newest reports first."""
        query = select(reports).order_by(reports.c.seq.desc()).limit(limit)
        with reading(self.engine) as conn:
            return [StoredReport(_report(r), utc(r.added_at)) for r in conn.execute(query)]

    def index(self) -> list[tuple[str, str]]:
        """(id, title) of every report, oldest first. Prefer find_reports: this reads them all."""
        query = select(reports.c.id, reports.c.title).order_by(reports.c.seq)
        with reading(self.engine) as conn:
            return [(row.id, row.title) for row in conn.execute(query)]

    def find_reports(self, words: str | Sequence[str], limit: int) -> list[Report]:
        """Reports whose title or text holds every word (or whose id starts with it), newest first.

        The search runs in the database, so only the matches are loaded.
        """
        terms = words.split() if isinstance(words, str) else [w for w in words if w.strip()]
        if not terms or limit <= 0:
            return []
        with reading(self.engine) as conn:
            query = select(reports).where(*(_contains(w, conn) for w in terms))
            rows = conn.execute(query.order_by(reports.c.seq.desc()).limit(limit))
            return [_report(r) for r in rows]

    # -- what a chat has not received ----------------------------------------------------------

    def _pending(self, chat_id: int | str, quarantine_after: int | None) -> ColumnElement[bool]:
        """Not delivered (or skipped) to the chat, and not quarantined at that threshold."""
        done = select(deliveries.c.report_id).where(deliveries.c.chat_id == chat_key(chat_id))
        condition = reports.c.id.not_in(done)
        if quarantine_after is not None:
            condition = condition & reports.c.id.not_in(_quarantined_ids(quarantine_after))
        return condition

    def undelivered(self, chat_id: int | str, *, quarantine_after: int | None = None) -> list[Report]:
        """Reports the chat has not received yet, oldest first (all of them: see backlog)."""
        query = select(reports).where(self._pending(chat_id, quarantine_after))
        with reading(self.engine) as conn:
            return [_report(r) for r in conn.execute(query.order_by(reports.c.seq))]

    def backlog(self, chat_id: int | str, limit: int,
                quarantine_after: int | None = None,
                takes: Callable[[str | None], bool] | None = None) -> Backlog:
        """The latest `limit` undelivered reports in full, the older ones by id; oldest first.

        Texts are read only for the latest ones, so a new chat facing a large archive costs
        one id scan, not the whole archive. `takes` (a target's route, given each report's
        origin) leaves out reports from sources the chat does not take: never selected.
        """
        pending = self._pending(chat_id, quarantine_after)
        with reading(self.engine) as conn:
            rows = conn.execute(select(reports.c.id, reports.c.origin).where(pending)
                                .order_by(reports.c.seq))
            ids = [r.id for r in rows if takes is None or takes(r.origin)]
            split = max(len(ids) - max(limit, 0), 0)
            latest = ids[split:]
            rows = conn.execute(select(reports).where(reports.c.id.in_(latest))
                                .order_by(reports.c.seq)) if latest else []
            return Backlog(reports=[_report(r) for r in rows], older=ids[:split])

    def mark_skipped(self, chat_id: int | str, report_ids: Iterable[str],
                     *, at: datetime | None = None) -> int:
        """Record reports a bounded backfill left out: done for this chat, never sent later."""
        return self._record_deliveries(chat_id, report_ids, at=at, skipped=True)

    # -- analyses ----------------------------------------------------------------------------

    def save_analysis(self, options_key: str, analysis: Analysis) -> None:
        """Cache the analysis and index its quotes and figures (in one transaction)."""
        data = analysis.to_json()
        row = {"report_id": analysis.report.id, "options_key": options_key,
               "data": json.dumps(data, ensure_ascii=False), "created_at": now()}
        with writing(self.engine) as conn:
            insert_ignore(analyses, conn, [row])
            index_analysis(conn, quote_index, figure_index, analysis.report.id,
                           analysis.report.language, data)

    def load_analysis(self, report: Report, options_key: str) -> Analysis | None:
        query = select(analyses.c.data).where(
            analyses.c.report_id == report.id, analyses.c.options_key == options_key)
        with reading(self.engine) as conn:
            data = conn.execute(query).scalar()
        return Analysis.from_json(report, json.loads(data)) if data else None

    def unanalysed(self, limit: int, quarantine_after: int | None = None) -> list[Report]:
        """Reports with no analysis under any options, newest first (the index lacks them);
        quarantine_after: leave out reports that failed that often."""
        query = select(reports).where(reports.c.id.not_in(select(analyses.c.report_id)))
        if quarantine_after is not None:
            query = query.where(reports.c.id.not_in(_quarantined_ids(quarantine_after)))
        with reading(self.engine) as conn:
            return [_report(r) for r in
                    conn.execute(query.order_by(reports.c.seq.desc()).limit(max(limit, 0)))]

    # -- who said what, which figures ----------------------------------------------------------

    def quotes_by(self, name: str, limit: int) -> list[IndexedQuote]:
        """Quotes whose speaker has the name's surname in any case form, newest report first;
        a first name in `name` sets namesakes apart (bot.analysis.names.namesakes_meant)."""
        key = speaker_key(name)
        if not key or limit <= 0:
            return []
        matching = quote_index.c.speaker_key == key
        with reading(self.engine) as conn:
            speakers = conn.execute(select(quote_index.c.speaker).where(matching).distinct())
            meant = namesakes_meant(name, speakers.scalars())
            query = (select(quote_index.c.text, quote_index.c.speaker, *_report_label())
                     .join(reports, reports.c.id == quote_index.c.report_id)
                     .where(matching, quote_index.c.speaker.in_(sorted(meant)))
                     .order_by(reports.c.seq.desc(), quote_index.c.seq).limit(limit))
            return [IndexedQuote(r.text, r.speaker, r.id, r.title, r.source, utc(r.added_at))
                    for r in conn.execute(query)]

    def figures_about(self, term: str, limit: int) -> list[IndexedFigure]:
        """Figures whose sentence holds every word of the term in some word form, newest first."""
        stems = term_stems(term)
        if not stems or limit <= 0:
            return []
        key = figure_index.c.context_key
        query = (select(figure_index.c.value, figure_index.c.context, figure_index.c.sentence,
                        *_report_label())
                 .join(reports, reports.c.id == figure_index.c.report_id)
                 .where(*(or_(*(key.contains(f" {s} ", autoescape=True) for s in sorted(forms)))
                          for forms in stems))
                 .order_by(reports.c.seq.desc(), figure_index.c.seq).limit(limit))
        with reading(self.engine) as conn:
            return [IndexedFigure(r.value, r.context, r.sentence, r.id, r.title, r.source,
                                  utc(r.added_at))
                    for r in conn.execute(query)]

    # -- analysis failures: quarantine -----------------------------------------------------------

    def record_failure(self, report_id: str, reason: str, *, at: datetime | None = None) -> int:
        """Count one more failed analysis of a stored report; returns the attempts so far."""
        when = at or now()
        reason = reason[:REASON_LIMIT]
        with writing(self.engine) as conn:
            statement = dialect_of(conn).insert(analysis_failures).values(
                report_id=report_id, attempts=1, reason=reason, first_at=when, last_at=when)
            statement = statement.on_conflict_do_update(
                index_elements=["report_id"],
                set_={"attempts": analysis_failures.c.attempts + 1, "reason": reason,
                      "last_at": when})
            return conn.execute(statement.returning(analysis_failures.c.attempts)).scalar_one()

    def quarantined(self, min_attempts: int) -> list[QuarantinedReport]:
        """Reports that failed at least min_attempts times, most recent failure first."""
        query = (select(reports.c.id, reports.c.title, reports.c.source, analysis_failures)
                 .join(analysis_failures, analysis_failures.c.report_id == reports.c.id)
                 .where(analysis_failures.c.attempts >= min_attempts)
                 .order_by(analysis_failures.c.last_at.desc(), reports.c.seq.desc()))
        with reading(self.engine) as conn:
            return [QuarantinedReport(r.id, r.title, r.source, r.reason, r.attempts,
                                      utc(r.last_at)) for r in conn.execute(query)]

    def is_quarantined(self, report_id: str, min_attempts: int) -> bool:
        query = _quarantined_ids(min_attempts).where(analysis_failures.c.report_id == report_id)
        with reading(self.engine) as conn:
            return conn.execute(query).first() is not None

    def clear_failure(self, report_id: str) -> None:
        """Forget a report's failures (it was analysed after all, or an operator retries it)."""
        with writing(self.engine) as conn:
            conn.execute(analysis_failures.delete().where(
                analysis_failures.c.report_id == report_id))

    # -- deliveries and digests ----------------------------------------------------------------

    def _record_deliveries(self, chat_id: int | str, report_ids: Iterable[str], *,
                           at: datetime | None, skipped: bool) -> int:
        when = at or now()
        rows = [{"chat_id": chat_key(chat_id), "report_id": rid, "delivered_at": when,
                 "skipped": skipped} for rid in dict.fromkeys(report_ids)]
        with writing(self.engine) as conn:
            return insert_ignore(deliveries, conn, rows)

    def mark_delivered(self, chat_id: int | str, report_ids: Iterable[str],
                       *, at: datetime | None = None) -> int:
        """Record that Telegram accepted every message carrying these reports; idempotent."""
        return self._record_deliveries(chat_id, report_ids, at=at, skipped=False)

    def delivered_ids(self, chat_id: int | str) -> set[str]:
        """Reports done for the chat: sent, or skipped by a bounded backfill."""
        query = select(deliveries.c.report_id).where(deliveries.c.chat_id == chat_key(chat_id))
        with reading(self.engine) as conn:
            return set(conn.execute(query).scalars())

    def delivery_counts(self, chat_id: int | str) -> int:
        """How many reports were actually sent to the chat (skipped ones not counted)."""
        query = select(func.count()).select_from(deliveries).where(
            deliveries.c.chat_id == chat_key(chat_id), deliveries.c.skipped == false())
        with reading(self.engine) as conn:
            return conn.execute(query).scalar_one()

    def record_digest(self, chat_id: int | str, kind: str, report_count: int,
                      *, at: datetime | None = None) -> None:
        row = {"chat_id": chat_key(chat_id), "kind": kind, "report_count": report_count,
               "created_at": at or now()}
        with writing(self.engine) as conn:
            conn.execute(digests.insert(), row)

    def last_digest(self, chat_id: int | str,
                    kinds: Sequence[str] | None = None) -> DigestRun | None:
        """The latest digest run for a chat, optionally only of the given kinds."""
        query = select(digests).where(digests.c.chat_id == chat_key(chat_id))
        if kinds is not None:
            query = query.where(digests.c.kind.in_(list(kinds)))
        query = query.order_by(digests.c.seq.desc()).limit(1)
        with reading(self.engine) as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return DigestRun(row.chat_id, row.kind, row.report_count, utc(row.created_at))

    # -- follow-ups: what a chat was shown, and what it received lately -------------------------

    def record_shown(self, chat_id: int | str, shown: Mapping[str, tuple[str, Sequence[str]]],
                     *, at: datetime | None = None) -> None:
        """Keep the title and bullets a chat was shown with each report (report id -> both)."""
        rows = [{"chat_id": chat_key(chat_id), "report_id": rid, "title": title,
                 "summary": json.dumps(list(summary), ensure_ascii=False),
                 "shown_at": at or now()} for rid, (title, summary) in shown.items()]
        with writing(self.engine) as conn:
            insert_ignore(shown_items, conn, rows)

    def delivered_since(self, chat_id: int | str, since: datetime, options_key: str,
                        limit: int = 200) -> list[DeliveredReport]:
        """Reports sent to the chat since `since`, newest first, as the chat saw them: the
        recorded title and bullets, else the report's title and its analysis summary under
        options_key (sent by a path that records nothing), else no bullets."""
        key = chat_key(chat_id)
        query = (
            select(reports, deliveries.c.delivered_at, shown_items.c.title.label("shown_title"),
                   shown_items.c.summary.label("shown_summary"), analyses.c.data)
            .join(deliveries, deliveries.c.report_id == reports.c.id)
            .outerjoin(shown_items, (shown_items.c.report_id == reports.c.id)
                       & (shown_items.c.chat_id == key))
            .outerjoin(analyses, (analyses.c.report_id == reports.c.id)
                       & (analyses.c.options_key == options_key))
            .where(deliveries.c.chat_id == key, deliveries.c.skipped == false(),
                   deliveries.c.delivered_at >= since)
            .order_by(deliveries.c.delivered_at.desc(), reports.c.seq.desc()).limit(limit))
        with reading(self.engine) as conn:
            return [_delivered(row) for row in conn.execute(query)]

    # -- sources -------------------------------------------------------------------------------

    def save_feed(self, url: str, name: str, interval_seconds: int, *,
                  removed: bool = False, by: int | None = None) -> None:
        row = {"url": url, "name": name, "interval_seconds": interval_seconds,
               "removed": removed, "changed_by": by, "changed_at": now()}
        with writing(self.engine) as conn:
            upsert(feeds, conn, row, ["url"])

    def saved_feeds(self) -> list[SavedFeed]:
        with reading(self.engine) as conn:
            rows = conn.execute(select(feeds).order_by(feeds.c.changed_at, feeds.c.url))
            return [SavedFeed(r.url, r.name, r.interval_seconds, bool(r.removed)) for r in rows]

    def seen_entries(self, feed_url: str, keys: Sequence[str]) -> set[str]:
        """Which of these entry keys were handled before (a restart does not repeat them)."""
        if not keys:
            return set()
        query = select(feed_entries.c.entry_key).where(
            feed_entries.c.feed_url == feed_url, feed_entries.c.entry_key.in_(list(keys)))
        with reading(self.engine) as conn:
            return set(conn.execute(query).scalars())

    def mark_entries_seen(self, feed_url: str, keys: Iterable[str]) -> None:
        rows = [{"feed_url": feed_url, "entry_key": k, "seen_at": now()}
                for k in dict.fromkeys(keys)]
        with writing(self.engine) as conn:
            insert_ignore(feed_entries, conn, rows)

    def source_state(self, key: str) -> SourceState:
        with reading(self.engine) as conn:
            row = conn.execute(select(source_state).where(source_state.c.key == key)).first()
        return _state(row) if row else SourceState(key)

    def source_states(self) -> dict[str, SourceState]:
        with reading(self.engine) as conn:
            return {r.key: _state(r) for r in conn.execute(select(source_state))}

    def record_source_success(self, key: str, *, new_reports: int = 0,
                              etag: str | None = None, last_modified: str | None = None,
                              keep_validators: bool = False) -> None:
        """A successful look at a source; keep_validators: a 304 leaves ETag/Last-Modified."""
        with writing(self.engine) as conn:
            current = conn.execute(select(source_state).where(source_state.c.key == key)).first()
            row = {"key": key, "last_success": now(),
                   "reports": (current.reports if current else 0) + new_reports}
            if not keep_validators:
                row.update(etag=etag, last_modified=last_modified)
            upsert(source_state, conn, row, ["key"])

    def record_source_error(self, key: str, error: str) -> None:
        row = {"key": key, "last_error": error[:REASON_LIMIT], "last_error_at": now()}
        with writing(self.engine) as conn:
            exists = conn.execute(select(source_state.c.key).where(source_state.c.key == key))
            if exists.first() is None:
                row["reports"] = 0
            upsert(source_state, conn, row, ["key"])

    # -- health --------------------------------------------------------------------------------

    def record_heartbeat(self, kind: str, at: datetime | None = None) -> None:
        """The running bot did `kind` ("poll", "schedule") just now; `briefbot health` reads it."""
        with writing(self.engine) as conn:
            upsert(heartbeats, conn, {"kind": kind, "at": at or now()}, ["kind"])

    def heartbeat(self, kind: str) -> datetime | None:
        with reading(self.engine) as conn:
            at = conn.execute(select(heartbeats.c.at).where(heartbeats.c.kind == kind)).scalar()
        return utc(at) if at is not None else None


    # -- watchlists and alerts -----------------------------------------------------------------

    def report_origins(self, report_ids: Iterable[str]) -> dict[str, str | None]:
        """Where each of these reports came from (None: stored before routing existed)."""
        ids = list(dict.fromkeys(report_ids))
        if not ids:
            return {}
        query = select(reports.c.id, reports.c.origin).where(reports.c.id.in_(ids))
        with reading(self.engine) as conn:
            return {r.id: r.origin for r in conn.execute(query)}

    def add_watch(self, chat_id: int | str, term: str, created_by: int | None) -> Watch:
        """The chat's watch for this term: the one it has, or a new one."""
        with writing(self.engine) as conn:
            found = conn.execute(select(watches).where(
                watches.c.chat_id == chat_key(chat_id), watches.c.term == term)).first()
            if found is not None:
                return _watch(found)
            row = {"chat_id": chat_key(chat_id), "term": term, "created_by": created_by,
                   "created_at": now()}
            watch_id = conn.execute(watches.insert().values(**row)
                                    .returning(watches.c.id)).scalar_one()
            return Watch(watch_id, row["chat_id"], term, created_by, row["created_at"])

    def watches(self, chat_id: int | str | None = None) -> list[Watch]:
        """A chat's watches (or every chat's), oldest first: /watches numbers them so."""
        query = select(watches).order_by(watches.c.id)
        if chat_id is not None:
            query = query.where(watches.c.chat_id == chat_key(chat_id))
        with reading(self.engine) as conn:
            return [_watch(r) for r in conn.execute(query)]

    def remove_watch(self, watch_id: int) -> bool:
        with writing(self.engine) as conn:
            conn.execute(alerts_sent.delete().where(alerts_sent.c.watch_id == watch_id))
            return conn.execute(watches.delete().where(watches.c.id == watch_id)).rowcount > 0

    def sync_settings_watches(self, watchlists: Mapping[str, Sequence[str]]) -> None:
        """Make the settings watchlists (created_by NULL) exactly these, chat -> terms; a term
        that stays keeps its id, so its alerts stay sent, and a chat no longer listed (a
        target removed, or '@name' now known by its id) loses its settings watches."""
        wanted = {(chat_key(chat), term) for chat, terms in watchlists.items() for term in terms}
        with writing(self.engine) as conn:
            current = {(r.chat_id, r.term): r.id for r in conn.execute(
                select(watches.c.chat_id, watches.c.term, watches.c.id)
                .where(watches.c.created_by.is_(None)))}
            gone = [watch_id for pair, watch_id in current.items() if pair not in wanted]
            if gone:
                conn.execute(alerts_sent.delete().where(alerts_sent.c.watch_id.in_(gone)))
                conn.execute(watches.delete().where(watches.c.id.in_(gone)))
            new = [{"chat_id": chat, "term": term, "created_by": None, "created_at": now()}
                   for chat, term in sorted(wanted - current.keys())]
            if new:
                conn.execute(watches.insert(), new)

    def claim_alert(self, watch_id: int, report_id: str) -> bool:
        """True once per (watch, report), ever: the caller sends the alert only then."""
        row = {"watch_id": watch_id, "report_id": report_id, "sent_at": now()}
        with writing(self.engine) as conn:
            return insert_ignore(alerts_sent, conn, [row]) == 1


def _report_label() -> tuple:
    """The columns that say which report an index row came from."""
    return reports.c.id, reports.c.title, reports.c.source, reports.c.added_at


def _quarantined_ids(min_attempts: int) -> Select:
    return select(analysis_failures.c.report_id).where(
        analysis_failures.c.attempts >= min_attempts)


def _state(row: Row) -> SourceState:
    return SourceState(
        key=row.key, etag=row.etag, last_modified=row.last_modified,
        last_success=utc(row.last_success) if row.last_success else None,
        last_error=row.last_error,
        last_error_at=utc(row.last_error_at) if row.last_error_at else None,
        reports=row.reports or 0,
    )


def _delivered(row: Row) -> DeliveredReport:
    if row.shown_summary is not None:
        title, summary = row.shown_title, json.loads(row.shown_summary)
    else:
        title, summary = row.title, json.loads(row.data)["summary"] if row.data else []
    return DeliveredReport(_report(row), utc(row.delivered_at), title, tuple(summary))


def _report(row: Row) -> Report:
    return Report(title=row.title, text=row.text, source=row.source, language=row.language,
                  url=row.url, id=row.id)


def _watch(row: Row) -> Watch:
    return Watch(row.id, row.chat_id, row.term, row.created_by, utc(row.created_at))
