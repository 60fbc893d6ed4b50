"""The LanguageTool client's bounds: one deadline for a whole request, a cap on an answer's size.

The servers here are tiny socket servers on loopback that answer /v2/languages and /v2/info as
LanguageTool does and then misbehave on /v2/check at the byte level: one sends its answer a byte
a second (every read is quick, so a per-read timeout never fires), one streams an endless body.
They test the client's bounds; they are not a stand-in for LanguageTool's behaviour. Each run is
a real ``brieflint check`` in a subprocess with a deadline of its own, so a client that hung
would fail the test instead of hanging it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from brieflint.languagetool import bounded

LANGUAGES = json.dumps([{"name": "English (GB)", "code": "en", "longCode": "en-GB"}]).encode()
INFO = json.dumps({"software": {"name": "LanguageTool", "version": "6.7"}}).encode()
TIMEOUT = 2  # languagetool.timeout in the projects below
DEADLINE = 60  # for the whole subprocess: far above what a bounded run takes


def _send_all(conn: socket.socket, status: str, body: bytes) -> None:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    conn.sendall(head.encode("ascii") + body)


def _drip(conn: socket.socket, stop: threading.Event) -> None:
    """A whole, valid answer, one byte a second."""
    body = b'{"matches": []}'
    data = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    data += b"Content-Length: %d\r\n\r\n" % len(body) + body
    for i in range(len(data)):
        if stop.wait(1.0):
            return
        conn.sendall(data[i : i + 1])


def _drip_headers_then_stall(conn: socket.socket, stop: threading.Event) -> None:
    """The status line, then a header byte a second, for ever."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while not stop.wait(1.0):
        conn.sendall(b"X")


def _endless(conn: socket.socket, stop: threading.Event) -> None:
    """A chunked body that never ends: a JSON array that keeps growing."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
    conn.sendall(b'Transfer-Encoding: chunked\r\n\r\n7\r\n{"a": [\r\n')
    chunk = b"0, " * 20000
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    while not stop.is_set():
        conn.sendall(frame)


def _endless_unframed(conn: socket.socket, stop: threading.Event) -> None:
    """No length and no chunks: a body that ends when the connection does, which is never."""
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n[")
    while not stop.is_set():
        conn.sendall(b"0, " * 20000)


def _too_long_declared(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n{")
    stop.wait(30)


class Server:
    """Loopback server: /v2/languages and /v2/info answered well, /v2/check by ``misbehave``."""

    def __init__(self, misbehave: Callable[[socket.socket, threading.Event], None]) -> None:
        self.misbehave = misbehave
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stop = threading.Event()
        self.checks = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = conn.recv(65536)
                line = request.split(b"\r\n", 1)[0].decode("latin-1")
                path = line.split(" ")[1] if " " in line else ""
                if "/v2/languages" in path:
                    _send_all(conn, "200 OK", LANGUAGES)
                elif "/v2/info" in path:
                    _send_all(conn, "200 OK", INFO)
                else:
                    self.checks += 1
                    self.misbehave(conn, self.stop)
            except OSError:  # the client hung up: what it should do
                pass

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.sock.close()


def _project(root: Path, url: str, mode: str) -> Path:
    (root / "brieflint.yaml").write_text(
        f"languagetool:\n  mode: {mode}\n  url: {url}\n  timeout: {TIMEOUT}\n  max_answer_mb: 1\n",
        "utf-8",
    )
    draft = root / "draft.txt"
    draft.write_text("The ceasefire has created a conditions for peace.\n", "utf-8")
    return draft


def _check(root: Path) -> tuple[int, str, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "brieflint", "check", "--select", "grammar", "draft.txt"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


CASES: dict[str, tuple[Callable[[socket.socket, threading.Event], None], str]] = {
    "a byte a second": (_drip, f"did not answer /v2/check within {TIMEOUT} s"),
    "headers without end": (
        _drip_headers_then_stall,
        f"did not answer /v2/check within {TIMEOUT} s",
    ),
    "endless chunked body": (_endless, "answered /v2/check with more than 1 MB"),
    "endless unframed body": (_endless_unframed, "answered /v2/check with more than 1 MB"),
    "declared too long": (_too_long_declared, "answered /v2/check with more than 1 MB"),
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Iterator[tuple[Server, str]]:
    misbehave, expected = CASES[request.param]
    with Server(misbehave) as server:
        yield server, expected


@pytest.mark.parametrize("mode", ["required", "optional"])
def test_a_misbehaving_answer_ends_the_request_within_its_bounds(
    case: tuple[Server, str], mode: str, tmp_path: Path
) -> None:
    server, expected = case
    _project(tmp_path, server.url, mode)
    code, out, err, seconds = _check(tmp_path)
    assert server.checks == 1
    # the deadline plus start-up and the summary's version request; far under a drip's length
    assert seconds < TIMEOUT + 10, seconds
    message = f"LanguageTool at {server.url} {expected}"
    if mode == "required":
        assert code == 2
        errors = [line for line in err.splitlines() if line.startswith("brieflint: error:")]
        assert errors == [
            f"brieflint: error: {message}; pass --languagetool optional to check without grammar"
        ], err
    else:
        assert code == 0, out + err
        assert [line for line in out.splitlines() if "grammar not checked" in line] == [
            line for line in out.splitlines() if message in line
        ]
        assert message in out


def test_the_deadline_covers_the_whole_request_not_each_read() -> None:
    """Directly: a drip whose every read is quick still ends at the deadline."""
    with Server(_drip) as server:
        started = time.monotonic()
        with pytest.raises(bounded.DeadlineExceeded):
            bounded.request("POST", f"{server.url}/v2/check", timeout=1.5, max_bytes=1000, data={})
        assert time.monotonic() - started < 5


def test_a_good_answer_within_the_bounds_is_returned() -> None:
    def good(conn: socket.socket, stop: threading.Event) -> None:
        _send_all(conn, "200 OK", b'{"matches": []}')

    with Server(good) as server:
        body = bounded.request(
            "POST", f"{server.url}/v2/check", timeout=5, max_bytes=15, data={"text": "x"}
        )
        assert body == b'{"matches": []}'
        with pytest.raises(bounded.AnswerTooLarge):
            bounded.request("POST", f"{server.url}/v2/check", timeout=5, max_bytes=14, data={})
