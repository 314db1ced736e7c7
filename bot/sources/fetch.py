"""Fetching pages and feeds over HTTP(S) without letting a URL reach what it should not.

Every URL, including each redirect, must be http or https and its host must resolve only to
public addresses (no loopback, private, link-local, multicast, reserved, or IPv4 hidden in an
IPv6 form that leads to one) unless the settings allow private addresses. The name is resolved
ONCE per hop: the addresses that were checked are pinned in the client, and its network
backend connects only to pinned addresses, so a DNS answer that changes between the check and
the connect (rebinding) cannot reach loopback. TLS still verifies the original name (SNI), and
the Host header is the original name.

Bodies are read raw and inflated here, one content-encoding layer at most (gzip or deflate),
a slice at a time with the size cap on the inflated bytes: a 7 KB "gzip, gzip" bomb stops at
the cap instead of becoming 4 GiB. The whole fetch (redirects included) has one deadline, so
a server that trickles bytes cannot hold a job for ever, and any failure while fetching is a
FetchError with a reason fit for the user. Conditional requests (ETag, Last-Modified) let an
unchanged feed answer 304 with no body.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import zlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from bot.errors import FetchError

if TYPE_CHECKING:
    from bot.settings import SourceSettings

__all__ = ["ACCEPT", "MIB", "USER_AGENT", "FetchClient", "FetchError", "FetchPolicy", "Fetched",
           "Target", "check_url", "fetch", "is_public", "new_client", "system_resolve"]

MIB = 1024 * 1024
USER_AGENT = "briefbot/0.1 (report digests; +https://github.com/briefbot)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, "
          "text/xml;q=0.8, */*;q=0.5")
# Only what _Inflater decodes; a server sending anything else is refused, not guessed at.
ACCEPT_ENCODING = "gzip, deflate"
_INFLATE_STEP = 64 * 1024

Resolver = Callable[[str, int], Awaitable[list[str]]]


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0
    max_bytes: int = 5 * MIB
    allow_private: bool = False
    max_redirects: int = 5

    @classmethod
    def from_settings(cls, sources: SourceSettings) -> FetchPolicy:
        """The one place settings become fetch limits (bot and CLI fetch alike)."""
        return cls(timeout=sources.fetch_timeout_seconds,
                   max_bytes=int(sources.max_fetch_mb * MIB),
                   allow_private=sources.allow_private_addresses)


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


@dataclass(frozen=True)
class Target:
    """A URL's host as the connection sees it (IDNA, no brackets), its port and checked addresses."""

    host: str
    port: int
    addresses: tuple[str, ...]


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for host, in its order, each once."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- which addresses are public -------------------------------------------------------------

_NAT64 = ipaddress.ip_network("64:ff9b::/96")          # well-known prefix: IPv4 in the last 32 bits
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")       # IPv4 in bits 16..48
_MAPPED = ipaddress.ip_network("::ffff:0:0/96")        # the socket layer connects to the IPv4
_REFUSED_V6 = tuple(ipaddress.ip_network(n) for n in (
    "::/96",              # IPv4-compatible (deprecated), unspecified and loopback among them
    "::ffff:0:0:0/96",    # IPv4-translated (SIIT)
    "64:ff9b:1::/48",     # NAT64 for local use
    "100::/64",           # discard
    "2001::/32",          # Teredo: tunnels to whatever IPv4 the address encodes
    "2001:db8::/32", "3fff::/20",  # documentation
    "2001:10::/28", "2001:20::/28",  # ORCHID
    "fc00::/7",           # unique local
    "fe80::/10",          # link local
    "fec0::/10",          # site local (deprecated, still routed inside some networks)
    "ff00::/8",           # multicast
))
_REFUSED_V4 = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15",
    "224.0.0.0/4", "240.0.0.0/4",
))


def is_public(address: str) -> bool:
    """True only for an address on the public internet, IPv4 inside IPv6 forms unwrapped."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return _public_v4(embedded)
        if any(ip in net for net in _REFUSED_V6):
            return False
        return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local
                                     or ip.is_site_local or ip.is_unspecified)
    return _public_v4(ip)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a mapped, NAT64 or 6to4 address leads to, if it is one of those."""
    if ip in _MAPPED or ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    return None


def _public_v4(ip: ipaddress.IPv4Address) -> bool:
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback
                                 or any(ip in net for net in _REFUSED_V4))


# --- checking a URL and pinning what was checked ----------------------------------------------

async def check_url(url: str, *, allow_private: bool, resolve: Resolver | None = None) -> Target:
    """Refuse non-HTTP(S) schemes and hosts resolving to non-public addresses.

    Returns the host with the addresses that were checked; those, and only those, are what
    the connection may use.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https links are fetched, not {parts.scheme or '?'}:")
    if not parts.hostname:
        raise FetchError(url, "the link has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "the link has an invalid port") from None
    host = _connect_host(url)
    addresses = await _addresses(url, host or parts.hostname, port, resolve or system_resolve)
    if not allow_private:
        blocked = [a for a in addresses if not is_public(a)]
        if blocked:
            raise FetchError(url, f"{parts.hostname} is a private or local address "
                                  f"({', '.join(sorted(set(blocked)))}); not fetched")
    if host is None:  # only a form the resolver understands but HTTP clients do not
        raise FetchError(url, "the link's host is not valid")
    return Target(host, port, addresses)


def _connect_host(url: str) -> str | None:
    """The host exactly as the HTTP client will hand it to the network backend."""
    try:
        return httpx.URL(url).raw_host.decode("ascii")
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return None


async def _addresses(url: str, host: str, port: int, resolve: Resolver) -> tuple[str, ...]:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    else:
        return (host,)  # a literal address: nothing to resolve
    try:
        found = tuple(await resolve(host, port))
    except OSError as exc:
        raise FetchError(url, f"cannot resolve {host} ({exc.strerror or exc})") from None
    if not found:
        raise FetchError(url, f"cannot resolve {host} (no addresses)")
    return found


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects a host only to the addresses pinned for it; an unpinned host is refused."""

    def __init__(self, pins: dict[tuple[str, int], tuple[str, ...]]) -> None:
        self._pins = pins
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[object] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = self._pins.get((host.lower(), port))
        if not addresses:
            raise httpcore.ConnectError(f"{host}:{port} was not checked; not connecting")
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._network.connect_tcp(address, port, timeout=timeout,
                                                       local_address=local_address,
                                                       socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[object] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never used for fetching")

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the connection pool's network backend replaced by the pinned one."""

    def __init__(self, pins: dict[tuple[str, int], tuple[str, ...]],
                 ssl_context: ssl.SSLContext | None) -> None:
        super().__init__(trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.AsyncConnectionPool):
            raise RuntimeError("this httpx version keeps no connection pool in _pool; "
                               "fetching cannot pin addresses")
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10, keepalive_expiry=5.0,
            network_backend=_PinnedBackend(pins))


class FetchClient(httpx.AsyncClient):
    """An httpx client whose connections go only to addresses `fetch` checked and pinned."""

    def __init__(self, policy: FetchPolicy, resolve: Resolver | None = None,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.pins: dict[tuple[str, int], tuple[str, ...]] = {}
        self.resolve: Resolver = resolve or system_resolve
        super().__init__(
            transport=_PinnedTransport(self.pins, ssl_context), trust_env=False, follow_redirects=False,
            timeout=httpx.Timeout(policy.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                     "Accept-Encoding": ACCEPT_ENCODING},
        )

    def pin(self, target: Target) -> None:
        self.pins[(target.host.lower(), target.port)] = target.addresses


def new_client(policy: FetchPolicy, *, resolve: Resolver | None = None,
               ssl_context: ssl.SSLContext | None = None) -> FetchClient:
    """One client per poller: connection reuse, our own redirect handling, no cookies kept.

    `resolve` replaces the system resolver and `ssl_context` the system's trust store
    (tests: no DNS, a certificate made for the test).
    """
    return FetchClient(policy, resolve, ssl_context)


# --- fetching ---------------------------------------------------------------------------------

async def fetch(client: FetchClient, url: str, policy: FetchPolicy, *,
                etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET the URL following safe redirects; raises FetchError for anything but 200/304."""
    if not isinstance(client, FetchClient):
        raise TypeError("fetch() needs a client from new_client(): others do not pin addresses")
    try:
        async with asyncio.timeout(policy.timeout):
            return await _fetch(client, url, policy, etag, last_modified)
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError(url, f"no complete answer within {policy.timeout:g} s") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {policy.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"network error ({type(exc).__name__}: {exc})") from None
    except MemoryError:
        raise FetchError(url, "ran out of memory while reading the response") from None
    except zlib.error as exc:
        raise FetchError(url, f"broken compressed response ({exc})") from None
    except Exception as exc:  # whatever a library raises, the caller sees a fetch error
        raise FetchError(url, f"unexpected error while fetching ({type(exc).__name__})") from exc


async def _fetch(client: FetchClient, url: str, policy: FetchPolicy,
                 etag: str | None, last_modified: str | None) -> Fetched:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for _ in range(policy.max_redirects + 1):
        client.pin(await check_url(current, allow_private=policy.allow_private,
                                   resolve=client.resolve))
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
    """The body, inflated here and refused as soon as the raw or inflated size passes `limit`."""
    too_big = FetchError(url, f"larger than the {limit / MIB:g} MB limit")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    inflater = _inflater_for(response, url, limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_raw():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(inflater.feed(chunk) if inflater else chunk)
    if inflater:
        chunks.append(inflater.finish())
    return b"".join(chunks)


def _inflater_for(response: httpx.Response, url: str, limit: int) -> _Inflater | None:
    layers = [e.strip().lower() for e in
              response.headers.get_list("content-encoding", split_commas=True)]
    layers = [e for e in layers if e and e != "identity"]
    if not layers:
        return None
    if len(layers) > 1:
        raise FetchError(url, f"the response is compressed more than once ({', '.join(layers)}); "
                              "refused")
    if layers[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding '{layers[0]}'")
    return _Inflater(layers[0], url, limit)


class _Inflater:
    """One gzip or deflate layer, inflated at most 64 KiB per step and never past `limit`."""

    def __init__(self, encoding: str, url: str, limit: int) -> None:
        self.url = url
        self.limit = limit
        self.size = 0
        self._raw_deflate_tried = encoding != "deflate"  # deflate: zlib-wrapped, else raw
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if "gzip" in encoding else 0))
        self._started = False

    def feed(self, data: bytes) -> bytes:
        try:
            out = self._drain(data)
        except zlib.error:
            if self._started or self._raw_deflate_tried:
                raise
            self._raw_deflate_tried = True  # servers often send deflate without the zlib header
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._drain(data)
        self._started = True
        return out

    def finish(self) -> bytes:
        out = self._drain(b"")
        tail = self._inflate.flush(_INFLATE_STEP)
        self._count(tail)
        return out + tail

    def _drain(self, data: bytes) -> bytes:
        pieces: list[bytes] = []
        pending = data
        while not self._inflate.eof:
            piece = self._inflate.decompress(pending, _INFLATE_STEP)
            self._count(piece)
            pieces.append(piece)
            pending = self._inflate.unconsumed_tail
            if not pending and len(piece) < _INFLATE_STEP:
                break
        return b"".join(pieces)

    def _count(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            raise FetchError(self.url, f"response inflates past the {self.limit / MIB:g} MB limit")
