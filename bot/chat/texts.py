"""Everything the bot says outside digests, in English and Russian (telegram.language).

Kept apart from the handlers so wording can change without touching logic. All values are
HTML-safe templates: placeholders are escaped by text() before formatting.
"""

from __future__ import annotations

from html import escape

COMMANDS = {
    "en": (
        ("summary", "Digest of new reports, or /summary N, /summary <id or words>"),
        ("reports", "Recent reports with ids"),
        ("status", "Next scheduled digests and what was delivered"),
        ("digest", "Post the digest to the team chats now (admins)"),
        ("sources", "Feeds, inbox and links with their health"),
        ("addfeed", "Add an RSS or Atom feed (admins)"),
        ("removefeed", "Stop polling a feed (admins)"),
        ("help", "What this bot does"),
    ),
    "ru": (
        ("summary", "Сводка новых отчётов, /summary N, /summary <id или слова>"),
        ("reports", "Последние отчёты с идентификаторами"),
        ("status", "Ближайшие рассылки и что уже отправлено"),
        ("digest", "Разослать сводку в командные чаты сейчас (админы)"),
        ("sources", "Ленты, папка и ссылки: состояние источников"),
        ("addfeed", "Добавить RSS- или Atom-ленту (админы)"),
        ("removefeed", "Перестать читать ленту (админы)"),
        ("help", "Что умеет бот"),
    ),
}

TEXTS = {
    "en": {
        "help": (
            "<b>briefbot</b> posts briefing digests of reports: the key sentences, figures and "
            "quotes of each report.\n\n"
            "/summary: digest of the reports not yet digested in this chat\n"
            "/summary N: the last N reports\n"
            "/summary &lt;id or words&gt;: one report by id or title\n"
            "Reply /summary to a message or a document, or send me a PDF, DOCX, TXT, HTML or MD "
            "file, to get its summary.\n"
            "/reports: recent reports with ids\n"
            "/status: next scheduled digests\n"
            "/digest: post the digest to the team chats now (admins only)\n"
            "Send a link (or /summary &lt;link&gt;) to get the page summarized.\n"
            "/sources: feeds, inbox and links with their last success and error\n"
            "/addfeed &lt;url&gt;, /removefeed &lt;url&gt;: change the feeds (admins only)"
        ),
        "refused": "Sorry, this bot is private. Ask an admin to add this chat.",
        "admins_only": "Only admins can use /{command}.",
        "unknown": "I don't know the command /{command}. See /help for what I can do.",
        "nothing_new": "Nothing new since the last digest. /summary 3 shows the latest reports.",
        "no_reports": "No reports yet.",
        "empty_announce": "No new reports since the last digest.",
        "no_match": "No report matches \u201c{query}\u201d. /reports lists them with ids.",
        "many_matches": (
            "Several reports match \u201c{query}\u201d; pick one with /summary &lt;id&gt;:"
        ),
        "too_big": "The file is {size} MB; I can read files up to {limit} MB.",
        "too_big_for_telegram": "Telegram lets bots download files up to 20 MB; this one is "
                                "larger.",
        "unreadable": "I could not read that: {reason}",
        "no_text": "There is no text in the message you replied to.",
        "unsupported": "I can summarize PDF, DOCX, TXT, HTML and MD files.",
        "failed": "Something went wrong while handling that. It has been logged.",
        "reports_header": "<b>Recent reports</b> (newest first):",
        "status_reports": "Reports stored: {count}",
        "status_target": "<b>{name}</b> ({chat}): next {next}; last digest {last}",
        "status_never": "never",
        "status_none": "not scheduled",
        "status_failures": "Reports and files that could not be read (quarantined reports are "
                           "no longer retried):",
        "digest_done": "Digest run:",
        "digest_target_sent": "{name}: {count} report(s) posted",
        "digest_target_empty": "{name}: nothing new",
        "digest_target_failed": "{name}: failed ({reason})",
        "no_targets": "No targets are configured.",
        "bad_count": "Give a number between 1 and {max}.",
        "sources_header": "<b>Sources</b>",
        "source_feed": (
            "<b>{name}</b> (every {every}) {url}\n"
            "  reports: {reports}; last success: {ok}; last error: {error}"
        ),
        "source_inbox": "Inbox {path}",
        "source_links": "Links",
        "source_other": "<b>{label}</b>\n  reports: {reports}; last success: {ok}; last error: {error}",
        "no_feeds": "No feeds. Admins add one with /addfeed &lt;url&gt;.",
        "feed_usage": "Usage: /{command} &lt;feed url&gt;",
        "feed_bad_url": "{url} is not an http(s) address.",
        "feed_added": "Feed added: {url}. It is polled from now on.",
        "feed_exists": "{url} is already polled.",
        "feed_removed": "Feed removed: {url}.",
        "feed_unknown": "{url} is not among the feeds. /sources lists them.",
        "link_failed": "I could not summarize {url}: {reason}",
        "command_too_long": "That command is too long (commands have at most {limit} letters).",
        "rate_limited": "Too many requests; try again in {seconds} s.",
        "status_target_public": "<b>{name}</b>: next {next}; last digest {last}",
        "source_feed_public": (
            "<b>{name}</b> (every {every})\n"
            "  reports: {reports}; last success: {ok}; last error: {error}"
        ),
        "source_inbox_public": "Inbox",
        "button_refused": "This button is not for you.",
        "button_stale": "This report is no longer available.",
        "more_header": "<b>{title}</b> (more)",
        "more_none": "That is all \u201cMore\u201d shows; \u201cFull text\u201d has the whole report.",
        "full_header": "<b>{title}</b> (full text)",
        "full_caption": "{title} (full text)",
    },
    "ru": {
        "help": (
            "<b>briefbot</b> рассылает сводки отчётов: главные предложения, цифры и цитаты.\n\n"
            "/summary: сводка отчётов, ещё не присланных в этот чат\n"
            "/summary N: последние N отчётов\n"
            "/summary &lt;id или слова&gt;: один отчёт по id или названию\n"
            "Ответьте /summary на сообщение или документ, или пришлите файл PDF, DOCX, TXT, "
            "HTML или MD, чтобы получить его краткое содержание.\n"
            "/reports: последние отчёты с id\n"
            "/status: ближайшие рассылки\n"
            "/digest: разослать сводку в командные чаты сейчас (только админы)\n"
            "Пришлите ссылку (или /summary &lt;ссылка&gt;), чтобы получить сводку страницы.\n"
            "/sources: ленты, папка и ссылки, последний успех и последняя ошибка\n"
            "/addfeed &lt;url&gt;, /removefeed &lt;url&gt;: изменить список лент (только админы)"
        ),
        "refused": "Извините, это закрытый бот. Попросите администратора добавить этот чат.",
        "admins_only": "Команда /{command} доступна только администраторам.",
        "unknown": "Я не знаю команду /{command}. Список команд: /help.",
        "nothing_new": "Нового с последней сводки нет. /summary 3 покажет последние отчёты.",
        "no_reports": "Отчётов пока нет.",
        "empty_announce": "Новых отчётов с последней сводки нет.",
        "no_match": "Нет отчёта, подходящего под «{query}». /reports покажет список с id.",
        "many_matches": "Под «{query}» подходят несколько отчётов; выберите: /summary &lt;id&gt;:",
        "too_big": "Файл весит {size} МБ; я читаю файлы до {limit} МБ.",
        "too_big_for_telegram": "Telegram даёт ботам скачивать файлы до 20 МБ; этот больше.",
        "unreadable": "Не удалось прочитать: {reason}",
        "no_text": "В сообщении, на которое вы ответили, нет текста.",
        "unsupported": "Я умею читать файлы PDF, DOCX, TXT, HTML и MD.",
        "failed": "Что-то пошло не так. Ошибка записана в журнал.",
        "reports_header": "<b>Последние отчёты</b> (сначала новые):",
        "status_reports": "Отчётов в базе: {count}",
        "status_target": "<b>{name}</b> ({chat}): следующая {next}; последняя сводка {last}",
        "status_never": "не было",
        "status_none": "не запланирована",
        "status_failures": "Отчёты и файлы, которые не удалось прочитать (отчёты в карантине "
                           "больше не обрабатываются):",
        "digest_done": "Рассылка:",
        "digest_target_sent": "{name}: отправлено отчётов: {count}",
        "digest_target_empty": "{name}: нового нет",
        "digest_target_failed": "{name}: ошибка ({reason})",
        "no_targets": "Целевые чаты не настроены.",
        "bad_count": "Укажите число от 1 до {max}.",
        "sources_header": "<b>Источники</b>",
        "source_feed": (
            "<b>{name}</b> (каждые {every}) {url}\n"
            "  отчётов: {reports}; последний успех: {ok}; последняя ошибка: {error}"
        ),
        "source_inbox": "Папка {path}",
        "source_links": "Ссылки",
        "source_other": (
            "<b>{label}</b>\n  отчётов: {reports}; последний успех: {ok}; последняя ошибка: {error}"
        ),
        "no_feeds": "Лент нет. Администратор может добавить: /addfeed &lt;url&gt;.",
        "feed_usage": "Использование: /{command} &lt;адрес ленты&gt;",
        "feed_bad_url": "{url} не является адресом http(s).",
        "feed_added": "Лента добавлена: {url}. Она будет читаться по расписанию.",
        "feed_exists": "{url} уже читается.",
        "feed_removed": "Лента удалена: {url}.",
        "feed_unknown": "{url} нет среди лент. Список: /sources.",
        "link_failed": "Не удалось сделать сводку {url}: {reason}",
        "command_too_long": "Слишком длинная команда (в командах не больше {limit} букв).",
        "rate_limited": "Слишком много запросов; попробуйте снова через {seconds} с.",
        "status_target_public": "<b>{name}</b>: следующая {next}; последняя сводка {last}",
        "source_feed_public": (
            "<b>{name}</b> (каждые {every})\n"
            "  отчётов: {reports}; последний успех: {ok}; последняя ошибка: {error}"
        ),
        "source_inbox_public": "Папка",
        "button_refused": "Эта кнопка не для вас.",
        "button_stale": "Этого отчёта больше нет.",
        "more_header": "<b>{title}</b> (продолжение)",
        "more_none": "Больше «Ещё» не покажет; весь отчёт: «Полный текст».",
        "full_header": "<b>{title}</b> (полный текст)",
        "full_caption": "{title} (полный текст)",
    },
}


def text(language: str, key: str, **values: object) -> str:
    """A message in the bot's language with its values HTML-escaped."""
    table = TEXTS.get(language, TEXTS["en"])
    return table[key].format(**{k: escape(str(v), quote=False) for k, v in values.items()})


def commands(language: str) -> tuple[tuple[str, str], ...]:
    return COMMANDS.get(language, COMMANDS["en"])


# -- who said what, which figures, OPML (handlers/who.py, handlers/opml.py) -----------------------
# Kept as one block that extends the tables above, so each feature's wording stays together.

_KNOWLEDGE_COMMANDS = {
    "en": (
        ("who", "Latest quotes by a person: /who <name>"),
        ("figures", "Latest key figures about a term: /figures <term>"),
        ("export", "The feeds as an OPML file (admins)"),
    ),
    "ru": (
        ("who", "Последние цитаты человека: /who <имя>"),
        ("figures", "Последние ключевые цифры по теме: /figures <слово>"),
        ("export", "Ленты файлом OPML (админы)"),
    ),
}
_KNOWLEDGE_TEXTS = {
    "en": {
        "help": (
            "\n/who &lt;name&gt;: the latest quotes by that person (a surname is enough)\n"
            "/figures &lt;term&gt;: the latest key figures about a term\n"
            "Send an .opml file to import its feeds; /export: the feeds as OPML (admins only)"
        ),
        "who_usage": "Usage: /who &lt;name&gt;, for example /who Greene",
        "who_none": "No quotes by \u201c{query}\u201d in the stored reports.",
        "who_header": "<b>Quotes by {query}</b> (newest first):",
        "figures_usage": "Usage: /figures &lt;term&gt;, for example /figures gas",
        "figures_none": "No key figures about \u201c{query}\u201d in the stored reports.",
        "figures_header": "<b>Figures about {query}</b> (newest first):",
        "opml_admins_only": "Only admins can import feeds.",
        "opml_refused": "I cannot import {name}: {reason}",
        "opml_imported": (
            "Feeds from {name}: {added} added, {unchanged} already polled, {refused} refused."
        ),
        "opml_exported": "{count} feed(s) as OPML.",
    },
    "ru": {
        "help": (
            "\n/who &lt;имя&gt;: последние цитаты этого человека (достаточно фамилии в любом "
            "падеже)\n"
            "/figures &lt;слово&gt;: последние ключевые цифры по теме\n"
            "Пришлите файл .opml, чтобы добавить его ленты; /export: ленты файлом OPML "
            "(только админы)"
        ),
        "who_usage": "Использование: /who &lt;имя&gt;, например /who Кудрин",
        "who_none": "Цитат «{query}» в сохранённых отчётах нет.",
        "who_header": "<b>Цитаты: {query}</b> (сначала новые):",
        "figures_usage": "Использование: /figures &lt;слово&gt;, например /figures газ",
        "figures_none": "Ключевых цифр по теме «{query}» в сохранённых отчётах нет.",
        "figures_header": "<b>Цифры: {query}</b> (сначала новые):",
        "opml_admins_only": "Импортировать ленты могут только администраторы.",
        "opml_refused": "Не удалось импортировать {name}: {reason}",
        "opml_imported": (
            "Ленты из {name}: добавлено {added}, уже читались {unchanged}, отклонено {refused}."
        ),
        "opml_exported": "Лент: {count}, файл OPML.",
    },
}


def _extend(commands: dict[str, tuple[tuple[str, str], ...]],
            texts: dict[str, dict[str, str]]) -> None:
    """Add one feature's block: its commands before "help" (last in the menu), its texts,
    and its lines at the end of the help text."""
    for language, entries in commands.items():
        COMMANDS[language] = COMMANDS[language][:-1] + entries + COMMANDS[language][-1:]
    for language, table in texts.items():
        TEXTS[language].update({k: v for k, v in table.items() if k != "help"})
        TEXTS[language]["help"] += table["help"]


_extend(_KNOWLEDGE_COMMANDS, _KNOWLEDGE_TEXTS)


# -- desks: routing and filters in /status, watchlists and their alerts (handlers/watch.py) ------

_DESK_COMMANDS = {
    "en": (
        ("watch", "Alert this chat at once when a report mentions a term"),
        ("watches", "This chat's watches, numbered"),
        ("unwatch", "Stop a watch: /unwatch N"),
    ),
    "ru": (
        ("watch", "Сразу сообщать в этот чат об отчётах с этим словом"),
        ("watches", "Отслеживаемые слова этого чата, по номерам"),
        ("unwatch", "Перестать отслеживать: /unwatch N"),
    ),
}
_DESK_TEXTS = {
    "en": {
        "help": (
            "\n/watch &lt;word, \"phrase\" or name&gt;: an alert here as soon as a new report "
            "mentions it; /watches lists them, /unwatch N stops one"
        ),
            "status_route": "  sources: {sources}; include: {include}; exclude: {exclude}",
            "status_route_all": "all",
            "status_route_none": "none",
            "status_topic": "  topic: {topic}",
            "status_watch": "  watching: {terms}",
            "alert_header": "\U0001f514 <b>Watch \u201c{term}\u201d</b>",
            "alert_figures": "<i>Figures</i>",
            "alert_quotes": "<i>Quotes</i>",
            "watch_usage": "Usage: /watch &lt;word, \"phrase\" or name&gt;",
            "watch_members_only": "Only members can change this chat's watches.",
            "watch_added": (
                "Watching \u201c{term}\u201d: a new report that mentions it is posted here at once."
            ),
            "watch_exists": "\u201c{term}\u201d is already watched here.",
            "watch_too_many": "This chat watches {limit} terms already; /unwatch one first.",
            "watches_header": "<b>Watched here</b>:",
            "watches_none": "Nothing is watched here. Add a term with /watch &lt;word&gt;.",
            "watches_item": "{n}. {term}",
            "watches_item_settings": "{n}. {term} (settings)",
            "unwatch_usage": "Usage: /unwatch N (the number /watches shows).",
            "unwatch_settings": "\u201c{term}\u201d comes from the settings file; an admin changes it there.",
            "unwatch_done": "Stopped watching \u201c{term}\u201d.",
    },
    "ru": {
        "help": (
            "\n/watch &lt;слово, \"фраза\" или имя&gt;: сообщение сюда, как только новый отчёт "
            "упомянет его; /watches покажет список, /unwatch N отменит"
        ),
            "status_route": "  источники: {sources}; включать: {include}; исключать: {exclude}",
            "status_route_all": "все",
            "status_route_none": "нет",
            "status_topic": "  тема: {topic}",
            "status_watch": "  отслеживается: {terms}",
            "alert_header": "\U0001f514 <b>Отслеживается «{term}»</b>",
            "alert_figures": "<i>Цифры</i>",
            "alert_quotes": "<i>Цитаты</i>",
            "watch_usage": "Использование: /watch &lt;слово, \"фраза\" или имя&gt;",
            "watch_members_only": "Менять отслеживаемые слова этого чата могут только участники.",
            "watch_added": "Отслеживается «{term}»: новый отчёт с ним сразу придёт сюда.",
            "watch_exists": "«{term}» здесь уже отслеживается.",
            "watch_too_many": "В этом чате уже {limit} отслеживаемых слов; сначала /unwatch.",
            "watches_header": "<b>Отслеживается здесь</b>:",
            "watches_none": "Здесь ничего не отслеживается. Добавить: /watch &lt;слово&gt;.",
            "watches_item": "{n}. {term}",
            "watches_item_settings": "{n}. {term} (настройки)",
            "unwatch_usage": "Использование: /unwatch N (номер из /watches).",
            "unwatch_settings": "«{term}» задано в файле настроек; изменить его может администратор.",
            "unwatch_done": "Больше не отслеживается «{term}».",
    },
}
_extend(_DESK_COMMANDS, _DESK_TEXTS)
