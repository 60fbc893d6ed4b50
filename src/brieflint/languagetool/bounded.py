"""HTTP requests to a LanguageTool server, bounded in time and size as a whole.

A socket timeout bounds each read, not the request: a server that sends a byte a second, or an
endless body, would keep a run waiting (or fill its memory) for ever. Here one deadline covers
the whole request — connecting, sending, the status line, the headers and the body — and an
answer longer than a limit is cut off and refused. At the deadline a timer shuts the socket down,
which ends whatever read is waiting on it.

HTTP proxies are honoured as ``requests`` honours them (``http_proxy``, ``https_proxy``,
``no_proxy`` in the environment).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Mapping

_CHUNK = 65536


class RequestFailed(Exception):
    """The request got no usable answer."""


class DeadlineExceeded(RequestFailed):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"no whole answer within {seconds:g} s")
        self.seconds = seconds


class AnswerTooLarge(RequestFailed):
    def __init__(self, limit: int) -> None:
        super().__init__(f"answer longer than {limit / 1_000_000:g} MB")
        self.limit = limit


class HTTPStatusError(RequestFailed):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


def request(
    method: str,
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    params: Mapping[str, str] | None = None,
    data: Mapping[str, str] | None = None,
) -> bytes:
    """The body of the answer to ``method url`` (``params`` in the query, ``data`` as a form).

    Raises ``DeadlineExceeded`` when the whole exchange takes longer than ``timeout`` seconds,
    ``AnswerTooLarge`` past ``max_bytes``, ``HTTPStatusError`` for a status of 400 or more, and
    ``OSError`` or ``http.client.HTTPException`` when the connection fails.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RequestFailed(f"not an http(s) URL: {url}")
    target = parts.path or "/"
    query = urllib.parse.urlencode(dict(params)) if params else ""
    if parts.query or query:
        target += "?" + "&".join(q for q in (parts.query, query) if q)
    started = time.monotonic()
    conn, target = _connection(parts, target, timeout)
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(timeout, expire)
    timer.daemon = True
    timer.start()
    try:
        conn.connect()
        if expired.is_set() or time.monotonic() - started > timeout:
            raise DeadlineExceeded(timeout)
        body = urllib.parse.urlencode(dict(data)).encode("ascii") if data is not None else None
        headers = {"Accept": "application/json", "Accept-Encoding": "identity"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        length = response.getheader("Content-Length", "")
        if length.strip().isdigit() and int(length) > max_bytes:
            raise AnswerTooLarge(max_bytes)
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise AnswerTooLarge(max_bytes)
            chunks.append(chunk)
        if expired.is_set():
            raise DeadlineExceeded(timeout)
        if response.status >= 400:
            raise HTTPStatusError(response.status)
        return b"".join(chunks)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        # a read that waited the whole timeout (the socket's own) is past the deadline too
        if expired.is_set() or isinstance(exc, TimeoutError):
            raise DeadlineExceeded(timeout) from exc
        raise
    finally:
        timer.cancel()
        conn.close()


def _connection(
    parts: urllib.parse.SplitResult, target: str, timeout: float
) -> tuple[http.client.HTTPConnection, str]:
    """A connection to the server, or to the proxy for it, and the request target to send."""
    host = parts.hostname or ""
    port = parts.port
    proxy = (
        None if urllib.request.proxy_bypass(host) else urllib.request.getproxies().get(parts.scheme)
    )
    if parts.scheme == "https":
        context = ssl.create_default_context()
        if proxy:
            p = urllib.parse.urlsplit(proxy if "//" in proxy else f"//{proxy}")
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                p.hostname or "", p.port, timeout=timeout, context=context
            )
            conn.set_tunnel(host, port)
            return conn, target
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=context), target
    if proxy:
        p = urllib.parse.urlsplit(proxy if "//" in proxy else f"//{proxy}")
        conn = http.client.HTTPConnection(p.hostname or "", p.port, timeout=timeout)
        netloc = parts.netloc.rsplit("@", 1)[-1]
        return conn, f"http://{netloc}{target}"
    return http.client.HTTPConnection(host, port, timeout=timeout), target
