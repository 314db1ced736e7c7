"""Fetching cannot be turned against the host: pinned addresses, IPv4 hidden in IPv6, bombs.

All traffic stays on 127.0.0.1 (and 127.0.0.2, standing for an internal service); a fake
resolver stands for DNS, so no test needs a name server.
"""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.errors import FetchError, ReportError
from bot.sources.fetch import MIB, FetchPolicy, check_url, fetch, is_public, new_client
from bot.sources.links import fetch_report
from tests.fakes.web_server import FakeWeb
from tests.sources.conftest import LOCAL, article_page, split_story
from tests.sources.stories import WATER_WIRE

STRICT = FetchPolicy(timeout=3.0, max_bytes=1 * MIB, allow_private=False)
PAGE = article_page(WATER_WIRE).encode("utf-8")


# --- addresses ------------------------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",     # NAT64 to 10/8, loopback, metadata
    "64:ff9b:1::1", "64:ff9b:1::808:808",                           # NAT64 for local use
    "2002:7f00:1::1", "2002:a00:1::1", "2002:c0a8:101::1",          # 6to4 around private IPv4
    "::7f00:1", "::a00:1", "::808:808", "::", "::1",                 # IPv4-compatible, unspecified
    "::ffff:127.0.0.1", "::ffff:a00:1", "::ffff:0:7f00:1",           # mapped, translated
    "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",               # Teredo
    "fec0::1", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%1",    # site/unique/link local
    "ff02::1", "ff0e::1", "2001:db8::1", "3fff::1", "100::1", "2001:10::1",
    "0.0.0.0", "127.0.0.1", "10.0.0.1", "100.64.0.1", "169.254.169.254", "192.0.0.8",
    "192.0.2.1", "192.88.99.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1",
    "240.0.0.1", "255.255.255.255", "not an address",
])
def test_special_and_embedded_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", [
    "93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",  # IPv4 inside that is public
])
def test_public_addresses_stay_public(address: str) -> None:
    assert is_public(address)


@pytest.mark.parametrize("host", ["[64:ff9b::a00:1]", "[2002:7f00:1::1]", "[::7f00:1]",
                                  "[fec0::1]", "[64:ff9b::7f00:1]", "[2001::1]"])
async def test_urls_to_ipv4_hidden_in_ipv6_are_refused(host: str) -> None:
    with pytest.raises(FetchError) as caught:
        await check_url(f"http://{host}/latest/meta-data", allow_private=False)
    assert caught.value.reason.endswith(f"({host.strip('[]')}); not fetched")


async def test_every_resolved_address_is_checked_and_returned() -> None:
    async def resolve(host: str, port: int) -> list[str]:
        return {"mixed.example": ["93.184.216.34", "10.0.0.7"],
                "good.example": ["93.184.216.34", "2606:4700:4700::1111"]}[host]

    with pytest.raises(FetchError) as caught:
        await check_url("https://mixed.example/", allow_private=False, resolve=resolve)
    assert caught.value.reason == "mixed.example is a private or local address (10.0.0.7); not fetched"
    target = await check_url("https://Good.Example:8443/x", allow_private=False, resolve=resolve)
    assert (target.host, target.port, target.addresses) == (
        "good.example", 8443, ("93.184.216.34", "2606:4700:4700::1111"))


# --- DNS rebinding: connect only to what was checked ------------------------------------------

@pytest.fixture
def internal(web: FakeWeb) -> Iterator[FakeWeb]:
    """A service on 127.0.0.2 with the same port as the public test server."""
    service = FakeWeb(host="127.0.0.2", port=web.bound_port).start()
    service.set("/news", "<html><body><p>internal admin secret</p></body></html>")
    service.set("/article", "<html><body><p>internal admin secret</p></body></html>")
    try:
        yield service
    finally:
        service.stop()


def only_first_loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays the public web server; everything else is private, as in real life."""
    real = is_public
    monkeypatch.setattr("bot.sources.fetch.is_public",
                        lambda address: address == "127.0.0.1" or real(address))


async def test_rebinding_dns_cannot_reach_loopback(
        web: FakeWeb, internal: FakeWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name answers the public address when checked and 127.0.0.2 afterwards: the
    connection goes to the checked address (the system resolver is what both ask)."""
    web.set("/news", PAGE)
    real_getaddrinfo = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        name = host.decode("idna") if isinstance(host, bytes) else host  # anyio passes bytes
        if name != "news.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        asked.append(name)
        address = "127.0.0.1" if len(asked) == 1 else "127.0.0.2"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    only_first_loopback_is_public(monkeypatch)
    url = f"http://news.example:{web.bound_port}/news"
    async with new_client(STRICT) as client:
        fetched = await fetch(client, url, STRICT)
    assert (fetched.url, fetched.body) == (url, PAGE)
    assert asked == ["news.example"]  # resolved once: the check's answer is the connection's
    assert internal.hits("/news") == []
    assert web.hits("/news")[0].headers["host"] == f"news.example:{web.bound_port}"


async def test_rebinding_second_answer_refused_at_check(
        web: FakeWeb, internal: FakeWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each fetch resolves once; a later answer of 127.0.0.2 is refused before connecting."""
    web.set("/news", PAGE)
    answers = iter(["127.0.0.1", "127.0.0.2"])

    async def resolve(host: str, port: int) -> list[str]:
        assert host == "news.example"
        return [next(answers)]

    only_first_loopback_is_public(monkeypatch)
    url = f"http://news.example:{web.bound_port}/news"
    async with new_client(STRICT, resolve=resolve) as client:
        assert (await fetch(client, url, STRICT)).body == PAGE
        with pytest.raises(FetchError) as caught:
            await fetch(client, url, STRICT)
    assert caught.value.reason == ("news.example is a private or local address (127.0.0.2); "
                                   "not fetched")
    assert internal.hits("/news") == [] and len(web.hits("/news")) == 1


async def test_redirect_hop_is_resolved_checked_and_pinned_again(
        web: FakeWeb, internal: FakeWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    web.set("/start", location=f"http://article.example:{web.bound_port}/article", status=302)
    answers = {"news.example": "127.0.0.1", "article.example": "127.0.0.2"}

    async def resolve(host: str, port: int) -> list[str]:
        return [answers[host]]

    only_first_loopback_is_public(monkeypatch)
    async with new_client(STRICT, resolve=resolve) as client:
        with pytest.raises(FetchError) as caught:
            await fetch(client, f"http://news.example:{web.bound_port}/start", STRICT)
    assert caught.value.reason == ("article.example is a private or local address (127.0.0.2); "
                                   "not fetched")
    assert caught.value.url == f"http://article.example:{web.bound_port}/article"
    assert len(web.hits("/start")) == 1 and internal.hits("/article") == []


async def test_a_host_that_was_not_checked_is_never_connected(web: FakeWeb) -> None:
    """The client refuses to connect past fetch(): nothing reaches the network unchecked."""
    web.set("/page", PAGE)
    async with new_client(LOCAL) as client:
        with pytest.raises(httpx.ConnectError, match="was not checked"):
            await client.get(web.url("/page"))
    assert web.hits("/page") == []


async def test_redirect_hops_are_limited(web: FakeWeb) -> None:
    for i in range(4):
        web.set(f"/r{i}", location=f"/r{i + 1}", status=302)
    web.set("/r4", PAGE)
    policy = FetchPolicy(timeout=3.0, max_redirects=3, allow_private=True)
    async with new_client(policy) as client:
        with pytest.raises(FetchError) as caught:
            await fetch(client, web.url("/r0"), policy)
    assert caught.value.reason == "more than 3 redirects"
    assert web.hits("/r4") == []


# --- content encodings ------------------------------------------------------------------------

async def fetch_local(web: FakeWeb, path: str) -> bytes:
    async with new_client(LOCAL) as client:
        return (await fetch(client, web.url(path), LOCAL)).body


async def test_double_gzip_is_refused_without_inflating(web: FakeWeb) -> None:
    web.set("/twice", gzip.compress(gzip.compress(PAGE)), headers={"Content-Encoding": "gzip, gzip"})
    with pytest.raises(FetchError) as caught:
        await fetch_local(web, "/twice")
    assert caught.value.reason == "the response is compressed more than once (gzip, gzip); refused"


async def test_a_gzip_bomb_stops_at_the_cap_without_inflating_it_whole(web: FakeWeb) -> None:
    bomb = gzip.compress(bytes(64 * MIB), compresslevel=9)
    assert len(bomb) < 100_000
    web.set("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            await fetch_local(web, "/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "response inflates past the 1 MB limit"
    assert peak < 8 * MIB  # the 64 MB were never held at once


@pytest.mark.parametrize(("encoding", "compress"), [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
    ("identity", lambda data: data),
])
async def test_one_encoding_layer_is_inflated(web: FakeWeb, encoding: str, compress) -> None:
    web.set("/page", compress(PAGE), headers={"Content-Encoding": encoding})
    assert await fetch_local(web, "/page") == PAGE
    assert web.hits("/page")[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(("encoding", "body", "reason"), [
    ("br", b"\x8b\x03\x80hello\x03", "unsupported content encoding 'br'"),
    ("gzip, br", b"xx", "the response is compressed more than once (gzip, br); refused"),
    ("gzip", b"\x1f\x8b\x08\x00garbage that is not deflate",
     "broken compressed response (Error -3 while decompressing data: invalid code lengths set)"),
])
async def test_bad_encodings_are_fetch_errors(web: FakeWeb, encoding: str, body: bytes,
                                              reason: str) -> None:
    web.set("/page", body, headers={"Content-Encoding": encoding})
    with pytest.raises(FetchError) as caught:
        await fetch_local(web, "/page")
    assert caught.value.reason == reason


async def test_running_out_of_memory_while_inflating_is_a_fetch_error(
        web: FakeWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    class Exhausted:
        eof = False
        unconsumed_tail = b""

        def __init__(self, *args: object) -> None:
            pass

        def decompress(self, *args: object) -> bytes:
            raise MemoryError

    web.set("/page", gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    monkeypatch.setattr(zlib, "decompressobj", Exhausted)
    with pytest.raises(FetchError) as caught:
        await fetch_local(web, "/page")
    assert caught.value.reason == "ran out of memory while reading the response"


# --- the CLI's synchronous path ---------------------------------------------------------------

def test_fetch_report_reads_a_page_for_the_cli(web: FakeWeb) -> None:
    url = web.set("/story", gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    report = fetch_report(url, LOCAL)
    title, body = split_story(WATER_WIRE)
    assert (report.title, report.url, report.source) == (title, url, url)
    assert report.text.startswith(body.split("\n\n", 1)[0][:60])
    assert "cookies" not in report.text


def test_fetch_report_keeps_the_bots_limits(web: FakeWeb) -> None:
    url = web.set("/story", PAGE)
    with pytest.raises(ReportError) as caught:
        fetch_report(url, FetchPolicy(timeout=2.0))
    assert (caught.value.source, caught.value.reason) == (
        url, "127.0.0.1 is a private or local address (127.0.0.1); not fetched")
    big = web.set("/big", gzip.compress(bytes(3 * MIB)), headers={"Content-Encoding": "gzip"})
    with pytest.raises(ReportError, match="response inflates past the 1 MB limit"):
        fetch_report(big, LOCAL)
    assert web.hits("/story") == []


# --- HTTPS: the pinned address, the original name for SNI, certificate and Host ---------------

def self_signed(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A certificate for `name` made with the openssl command line (no network, no CA)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_web(tmp_path: Path) -> Iterator[tuple[FakeWeb, Path]]:
    cert, key = self_signed(tmp_path, "news.example")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = FakeWeb(tls=context).start()
    try:
        yield server, cert
    finally:
        server.stop()


async def test_https_connects_to_the_pinned_address_and_verifies_the_original_name(
        tls_web: tuple[FakeWeb, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    web, cert = tls_web
    web.set("/news", PAGE)

    async def resolve(host: str, port: int) -> list[str]:
        return {"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]}[host]

    only_first_loopback_is_public(monkeypatch)
    trust = ssl.create_default_context(cafile=str(cert))
    url = f"https://news.example:{web.bound_port}/news"
    async with new_client(STRICT, resolve=resolve, ssl_context=trust) as client:
        assert (await fetch(client, url, STRICT)).body == PAGE
        with pytest.raises(FetchError) as caught:  # same address, a name the certificate lacks
            await fetch(client, url.replace("news.example", "other.example"), STRICT)
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.reason
    assert web.server_names[:2] == ["news.example", "other.example"]
    assert [hit.headers["host"] for hit in web.hits("/news")] == [f"news.example:{web.bound_port}"]


def test_fetch_policy_from_settings() -> None:
    from bot.settings import SourceSettings

    policy = FetchPolicy.from_settings(SourceSettings(fetch_timeout_seconds=7.5, max_fetch_mb=0.5,
                                                      allow_private_addresses=True))
    assert policy == FetchPolicy(timeout=7.5, max_bytes=MIB // 2, allow_private=True, max_redirects=5)
