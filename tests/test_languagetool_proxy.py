"""The LanguageTool client over HTTPS through an HTTP proxy (``https_proxy``): a CONNECT tunnel,
TLS verified end to end against the server's name, and the one deadline still holding.

Everything is real on loopback: a threaded CONNECT proxy, TLS servers with a self-signed
certificate made by ``openssl`` for this test (trusted through ``SSL_CERT_FILE``, which OpenSSL
reads when the client builds its default context). The small TLS server answers fixed bytes to
test the transport; the last test puts a TLS front before the real LanguageTool server
(``BRIEFLINT_LANGUAGETOOL_URL``) and runs ``brieflint check`` through the proxy.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from brieflint.languagetool import bounded
from brieflint.languagetool.client import ENV_URL

Handler = Callable[[socket.socket], None]


def _certificate(folder: Path, name: str) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("needs openssl to make a test certificate")
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("tls")
    return {name: _certificate(folder, name) for name in ("server", "stranger")}


def _relay(a: socket.socket, b: socket.socket, seen: bytearray | None = None) -> None:
    """Copy bytes both ways until either side ends (one thread: an SSL socket is not shared
    between threads)."""
    socks = [a, b]
    while True:
        ready = [s for s in socks if isinstance(s, ssl.SSLSocket) and s.pending()]
        if not ready:
            ready, _, _ = select.select(socks, [], [], 30)
            if not ready:
                return
        for sock in ready:
            other = b if sock is a else a
            try:
                data = sock.recv(65536)
            except ssl.SSLWantReadError:
                continue
            except OSError:
                return
            if not data:
                return
            if seen is not None:
                seen += data
            try:
                other.sendall(data)
            except OSError:
                return


class Listener:
    """A loopback TCP server that hands each connection to ``handle`` in a thread of its own."""

    def __init__(self, handle: Handler) -> None:
        self.handle = handle
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)  # the accept loop looks at ``stop`` this often
        self.port = int(self.sock.getsockname()[1])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            self.handle(conn)


class ConnectProxy(Listener):
    """An HTTP proxy that speaks CONNECT only, as for https:// targets; ``stall``: it never
    answers the CONNECT."""

    def __init__(self, stall: bool = False) -> None:
        super().__init__(self._tunnel)
        self.connects: list[str] = []
        self.relayed = bytearray()
        self.stall = stall

    def _tunnel(self, conn: socket.socket) -> None:
        head = _read_head(conn)
        method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        self.connects.append(f"{method} {target}")
        if self.stall:
            self.stop.wait(30)
            return
        host, port = target.rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _relay(conn, upstream, self.relayed)


class TLSServer(Listener):
    """A TLS server (the ``server`` certificate) handing the decrypted connection on."""

    def __init__(self, cert: tuple[Path, Path], handle: Handler) -> None:
        super().__init__(self._tls)
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(str(cert[0]), str(cert[1]))
        self.inner = handle
        self.requests: list[bytes] = []

    def _tls(self, conn: socket.socket) -> None:
        try:
            wrapped = self.context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused the certificate
        with wrapped:
            self.inner(wrapped)


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def _answer(server: TLSServer, body: bytes, drip: bool = False) -> Handler:
    def handle(conn: socket.socket) -> None:
        request = _read_head(conn)
        head, _, rest = request.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            rest += conn.recv(4096)
        server.requests.append(head.split(b"\r\n", 1)[0] + b" " + rest)
        data = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        data += b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body
        if not drip:
            conn.sendall(data)
            return
        for i in range(len(data)):  # every read quick, the whole answer slow
            if server.stop.wait(1.0):
                return
            conn.sendall(data[i : i + 1])

    return handle


@pytest.fixture
def through_proxy(
    monkeypatch: pytest.MonkeyPatch, certs: dict[str, tuple[Path, Path]]
) -> Iterator[Callable[[ConnectProxy], None]]:
    """Point ``https_proxy`` at a proxy and trust the ``server`` certificate."""
    for name in ("no_proxy", "NO_PROXY", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(certs["server"][0]))

    def use(proxy: ConnectProxy) -> None:
        monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{proxy.port}")

    yield use


BODY = b'{"matches": []}'


def _tls_server(certs: dict[str, tuple[Path, Path]], drip: bool = False) -> TLSServer:
    server = TLSServer(certs["server"], lambda conn: None)
    server.inner = _answer(server, BODY, drip)
    return server


def test_https_goes_through_the_proxy_in_a_tunnel(
    through_proxy: Callable[[ConnectProxy], None], certs: dict[str, tuple[Path, Path]]
) -> None:
    with _tls_server(certs) as server, ConnectProxy() as proxy:
        through_proxy(proxy)
        url = f"https://localhost:{server.port}/v2/check"
        body = bounded.request("POST", url, timeout=10, max_bytes=1000, data={"text": "A test."})
    assert body == BODY
    assert proxy.connects == [f"CONNECT localhost:{server.port}"]
    assert server.requests == [b"POST /v2/check HTTP/1.1 text=A+test."]
    # the proxy carried the exchange encrypted: neither the request nor the answer in clear
    assert proxy.relayed and b"/v2/check" not in proxy.relayed and BODY not in proxy.relayed


def test_no_proxy_reaches_the_server_directly(
    through_proxy: Callable[[ConnectProxy], None],
    certs: dict[str, tuple[Path, Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with _tls_server(certs) as server, ConnectProxy() as proxy:
        through_proxy(proxy)
        monkeypatch.setenv("no_proxy", "localhost")
        url = f"https://localhost:{server.port}/v2/languages"
        assert bounded.request("GET", url, timeout=10, max_bytes=1000) == BODY
    assert proxy.connects == []


def test_the_server_certificate_is_verified_through_the_tunnel(
    through_proxy: Callable[[ConnectProxy], None],
    certs: dict[str, tuple[Path, Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A certificate the client does not trust ends the request, though the tunnel opened."""
    with _tls_server(certs) as server, ConnectProxy() as proxy:
        through_proxy(proxy)
        monkeypatch.setenv("SSL_CERT_FILE", str(certs["stranger"][0]))
        url = f"https://localhost:{server.port}/v2/check"
        with pytest.raises(ssl.SSLCertVerificationError):
            bounded.request("POST", url, timeout=10, max_bytes=1000, data={})
    assert proxy.connects == [f"CONNECT localhost:{server.port}"]
    assert server.requests == []


@pytest.mark.parametrize("where", ["server drips", "proxy stalls"])
def test_the_deadline_holds_through_the_proxy(
    through_proxy: Callable[[ConnectProxy], None],
    certs: dict[str, tuple[Path, Path]],
    where: str,
) -> None:
    with (
        _tls_server(certs, drip=where == "server drips") as server,
        ConnectProxy(stall=where == "proxy stalls") as proxy,
    ):
        through_proxy(proxy)
        started = time.monotonic()
        with pytest.raises(bounded.DeadlineExceeded):
            url = f"https://localhost:{server.port}/v2/check"
            bounded.request("POST", url, timeout=1.5, max_bytes=1000, data={})
        assert time.monotonic() - started < 5
    assert proxy.connects == [f"CONNECT localhost:{server.port}"]


def test_the_size_bound_holds_through_the_proxy(
    through_proxy: Callable[[ConnectProxy], None], certs: dict[str, tuple[Path, Path]]
) -> None:
    with _tls_server(certs) as server, ConnectProxy() as proxy:
        through_proxy(proxy)
        with pytest.raises(bounded.AnswerTooLarge):
            url = f"https://localhost:{server.port}/v2/check"
            bounded.request("POST", url, timeout=10, max_bytes=len(BODY) - 1, data={})


@pytest.mark.languagetool
def test_a_check_with_languagetool_over_https_through_a_proxy(
    certs: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    """``brieflint check`` with a real LanguageTool behind a TLS front, reached through the
    proxy: the grammar findings arrive, and every request went through the tunnel."""
    upstream = os.environ.get(ENV_URL, "").rstrip("/")
    if not upstream.startswith("http://"):
        pytest.skip(f"needs {ENV_URL}=http://host:port of a running LanguageTool server")
    host, port = upstream.removeprefix("http://").split("/")[0].rsplit(":", 1)

    def forward(conn: socket.socket) -> None:
        with socket.create_connection((host, int(port)), timeout=30) as backend:
            _relay(conn, backend)

    with TLSServer(certs["server"], forward) as front, ConnectProxy() as proxy:
        url = f"https://localhost:{front.port}"
        (tmp_path / "brieflint.yaml").write_text(
            f"languagetool:\n  mode: required\n  url: {url}\n  timeout: 60\n", encoding="utf-8"
        )
        (tmp_path / "draft.md").write_text(
            "# Note\n\nThey was at the meeting yesterday and they has left early.\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        env.pop(ENV_URL, None)
        env |= {
            "https_proxy": f"http://127.0.0.1:{proxy.port}",
            "SSL_CERT_FILE": str(certs["server"][0]),
        }
        proc = subprocess.run(
            [sys.executable, "-m", "brieflint", "check", "draft.md", "--no-cache", "-f", "json",
             "--select", "grammar.languagetool"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["findings"], proc.stdout
    assert all(f["rule"].startswith("lt.") for f in report["findings"])  # LanguageTool's
    assert url in report["tool"]["backends"]["grammar"]
    assert proxy.connects and set(proxy.connects) == {f"CONNECT localhost:{front.port}"}
