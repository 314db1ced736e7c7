"""Fetching pages and feeds over HTTP(S) without letting a URL reach what it should not.

Every URL, including each redirect, must be http or https and its host must resolve only to
public addresses (no loopback, private, link-local, multicast or reserved ones) unless the
settings allow private addresses; the check happens before connecting. Bodies are streamed
and cut off past the size limit, and the whole fetch (redirects included) has one deadline,
so a server that trickles bytes cannot hold a job for ever. Conditional requests (ETag,
Last-Modified) let an unchanged feed answer 304 with no body.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MIB = 1024 * 1024
USER_AGENT = "briefbot/0.1 (report digests; +https://github.com/briefbot)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, "
          "text/xml;q=0.8, */*;q=0.5")


class FetchError(Exception):
    """A URL that could not be fetched; the message is meant for the user and the log."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0
    max_bytes: int = 5 * MIB
    allow_private: bool = False
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """A 200 with its body, or a 304 (not_modified, empty body) for a conditional request."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def new_client(policy: FetchPolicy) -> httpx.AsyncClient:
    """One client per poller: connection reuse, our own redirect handling, no cookies kept."""
    return httpx.AsyncClient(
        follow_redirects=False, timeout=httpx.Timeout(policy.timeout),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    )


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse non-HTTP(S) schemes and hosts resolving to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https links are fetched, not {parts.scheme or '?'}:")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the link has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "the link has an invalid port") from None
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchError(url, f"cannot resolve {host} ({exc.strerror or exc})") from None
    blocked = sorted({str(info[4][0]) for info in infos if not is_public(str(info[4][0]))})
    if blocked or not infos:
        raise FetchError(url, f"{host} is a private or local address ({', '.join(blocked)}); "
                              "not fetched")


async def fetch(client: httpx.AsyncClient, url: str, policy: FetchPolicy, *,
                etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET the URL following safe redirects; raises FetchError for anything but 200/304."""
    try:
        async with asyncio.timeout(policy.timeout):
            return await _fetch(client, url, policy, etag, last_modified)
    except TimeoutError:
        raise FetchError(url, f"no complete answer within {policy.timeout:g} s") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {policy.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"network error ({type(exc).__name__}: {exc})") from None


async def _fetch(client: httpx.AsyncClient, url: str, policy: FetchPolicy,
                 etag: str | None, last_modified: str | None) -> Fetched:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for _ in range(policy.max_redirects + 1):
        await check_url(current, allow_private=policy.allow_private)
        async with client.stream("GET", current, headers=headers) as response:
            if response.is_redirect and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            if response.status_code == 304:
                return Fetched(current, 304, etag=etag, last_modified=last_modified)
            if response.status_code != 200:
                raise FetchError(current, f"HTTP {response.status_code} "
                                          f"{response.reason_phrase}".strip())
            body = await _read_limited(response, current, policy.max_bytes)
            return Fetched(
                url=current, status=200, body=body,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    raise FetchError(url, f"more than {policy.max_redirects} redirects")


async def _read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    """The body (decompressed), refusing it as soon as it passes the limit."""
    too_big = FetchError(url, f"larger than the {limit / MIB:g} MB limit")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)
