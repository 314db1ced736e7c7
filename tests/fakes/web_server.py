"""A local web server on 127.0.0.1 for feed and link tests: no test reaches the internet.

Routes are set per test: a body with a content type, an ETag and Last-Modified for
conditional requests (answered 304 when they match), redirects, a stream that never ends
(for size limits), a hang (for timeouts), an HTTP error, or extra headers sent as given (a
Content-Encoding over a body compressed by the test). Every request is recorded with its
headers so tests can check what the bot asked for. A second server can listen on another
loopback address with the same port (127.0.0.2), standing for an internal service.
"""

from __future__ import annotations

import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = HTML
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    endless: bool = False        # stream 64 KiB chunks until the client hangs up
    hang_seconds: float = 0.0    # wait this long before answering anything
    headers: dict[str, str] = field(default_factory=dict)  # sent as they are (Content-Encoding)


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class FakeWeb:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 0
    tls: ssl.SSLContext | None = None   # serve HTTPS with this server context
    server_names: list[str | None] = field(default_factory=list)  # SNI seen in TLS handshakes

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> FakeWeb:
        web = self

        class Handler(_Handler):
            fake = web

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        if self.tls is not None:
            self.tls.sni_callback = lambda _sock, name, _ctx: self.server_names.append(name)
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def url(self, path: str) -> str:
        assert self._server is not None
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://{self.host}:{self.bound_port}{path}"

    @property
    def bound_port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    def set(self, path: str, body: str | bytes = b"", **options: object) -> str:
        """Serve `body` at `path`; returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def route(self, path: str, headers: dict[str, str]) -> Route | None:
        with self._lock:
            self.requests.append(Request(path, headers))
            return self.routes.get(path)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeWeb
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        route = self.fake.route(self.path, headers)
        if route is None:
            self._answer(404, b"not found", "text/plain")
            return
        if route.hang_seconds:
            time.sleep(route.hang_seconds)
        if route.location is not None:
            self._answer(route.status or 302, b"", "text/plain", {"Location": route.location})
            return
        if (route.etag and headers.get("if-none-match") == route.etag) or (
                route.last_modified and headers.get("if-modified-since") == route.last_modified):
            self._answer(304, b"", None, self._validators(route))
            return
        if route.endless:
            self._endless(route)
            return
        self._answer(route.status, route.body, route.content_type, self._validators(route))

    @staticmethod
    def _validators(route: Route) -> dict[str, str]:
        extra = dict(route.headers)
        if route.etag:
            extra["ETag"] = route.etag
        if route.last_modified:
            extra["Last-Modified"] = route.last_modified
        return extra

    def _answer(self, status: int, body: bytes, content_type: str | None,
                extra: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _endless(self, route: Route) -> None:
        """No Content-Length, body until the client gives up (at most 200 MiB)."""
        chunk = b"<item><title>x</title></item>" * 2200
        try:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(200 * 1024 * 1024 // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True
