"""Faults: a LanguageTool server that is down, slow, failing or talking nonsense; concurrent runs
sharing the cache folder; ``brieflint fix`` killed while it writes.

The misbehaving servers are real HTTP servers (``http.server`` on 127.0.0.1, port 0) that answer
the LanguageTool endpoints brieflint uses, wrongly on purpose; the client library is not replaced.
"""

from __future__ import annotations

import json
import multiprocessing
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from brieflint import cachefile
from brieflint.cli import main
from brieflint.languagetool.cache import ResultCache
from brieflint.languagetool.client import LTMatch

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]
INFO = {"software": {"name": "LanguageTool", "version": "6.7"}}
TEXT = "The ceasefire has created a conditions for peace.\n"
GOOD_MATCH = {
    "message": "The plural noun does not agree with the article 'a'.",
    "shortMessage": "",
    "replacements": [{"value": "conditions"}],
    "offset": 26,
    "length": 12,
    "context": {"text": TEXT.strip(), "offset": 26, "length": 12},
    "sentence": TEXT.strip(),
    "rule": {
        "id": "A_NNS",
        "description": "Agreement",
        "issueType": "grammar",
        "category": {"id": "GRAMMAR", "name": "Grammar"},
    },
}


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    content_type: str = "application/json"


def _json(value: object, status: int = 200) -> Answer:
    return Answer(status, json.dumps(value).encode("utf-8"))


GOOD: dict[str, Answer] = {
    "languages": _json(LANGUAGES),
    "info": _json(INFO),
    "check": _json({"language": {"code": "en-GB"}, "matches": [GOOD_MATCH]}),
}


class FakeLanguageTool:
    """A LanguageTool look-alike: ``answers`` maps an endpoint (languages, info, check) to what
    it sends back; ``requests`` counts the requests each endpoint got."""

    def __init__(self, answers: dict[str, Answer], port: int = 0) -> None:
        self.answers = {**GOOD, **answers}
        self.requests: dict[str, int] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                endpoint = self.path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
                fake.requests[endpoint] = fake.requests.get(endpoint, 0) + 1
                answer = fake.answers.get(endpoint, Answer(404, b"not found", 0, "text/plain"))
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except OSError:  # the client gave up waiting
                    pass

            do_GET = _answer
            do_POST = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _free_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def _project(root: Path, url: str, mode: str) -> tuple[Path, Path]:
    root.mkdir(parents=True, exist_ok=True)
    cfg = root / "brieflint.yaml"
    cfg.write_text(f"languagetool:\n  mode: {mode}\n  url: {url}\n  timeout: 1\n", "utf-8")
    draft = root / "draft.txt"
    draft.write_text(TEXT, "utf-8")
    return cfg, draft


def _cached_answers(root: Path) -> list[Path]:
    """Answer files in the project's cache (``languagetool/<2 hex>/<key>.json``)."""
    folder = root / ".brieflint-cache" / "languagetool"
    return sorted(folder.glob("*/*.json")) if folder.is_dir() else []


def _check(cfg: Path, draft: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", "--config", str(cfg), "--select", "grammar", str(draft)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


NOT_JSON = Answer(200, b"<html><body>Service temporarily unavailable</body></html>", 0, "text/html")

# name → (answers of the misbehaving server, words the error must contain besides the URL)
FAULTS: dict[str, tuple[dict[str, Answer], str]] = {
    "slow check": ({"check": Answer(200, GOOD["check"].body, delay=3.0)}, "within 1 s"),
    "slow everything": ({k: Answer(200, a.body, delay=3.0) for k, a in GOOD.items()}, "within 1 s"),
    "check 500 text": (
        {"check": Answer(500, b"Internal Server Error", 0, "text/plain")},
        "HTTP 500",
    ),
    "check 500 json": ({"check": _json({"matches": []}, 500)}, "HTTP 500"),
    "check 503 empty": ({"check": Answer(503, b"", 0, "text/plain")}, "HTTP 503"),
    "info 500": ({"info": Answer(500, b"oops", 0, "text/plain")}, "HTTP 500"),
    "languages 500": ({"languages": Answer(500, b"oops", 0, "text/plain")}, "HTTP 500"),
    "check not json": ({"check": NOT_JSON}, "not JSON"),
    "check truncated json": ({"check": Answer(200, GOOD["check"].body[:40])}, "not JSON"),
    "check a list": ({"check": _json([])}, "not LanguageTool's"),
    "check no matches key": ({"check": _json({"software": {}})}, "not LanguageTool's"),
    "check matches null": ({"check": _json({"matches": None})}, "not LanguageTool's"),
    "check matches a string": ({"check": _json({"matches": "none"})}, "not LanguageTool's"),
    "check match missing keys": (
        {"check": _json({"matches": [{"offset": 1}]})},
        "not LanguageTool's",
    ),
    "check match bad offset": (
        {"check": _json({"matches": [{**GOOD_MATCH, "offset": "x"}]})},
        "not LanguageTool's",
    ),
    "check match bad length": (
        {"check": _json({"matches": [{**GOOD_MATCH, "length": None}]})},
        "not LanguageTool's",
    ),
    "info not json": ({"info": NOT_JSON}, "not JSON"),
    "info wrong shape": ({"info": _json({"software": "6.7"})}, "not LanguageTool's"),
    "languages not json": ({"languages": NOT_JSON}, "not JSON"),
    "languages wrong shape": ({"languages": _json({"en": "English"})}, "not LanguageTool's"),
}


@pytest.fixture(params=sorted(FAULTS))
def faulty(request: pytest.FixtureRequest) -> Iterator[tuple[FakeLanguageTool, str]]:
    answers, expected = FAULTS[request.param]
    with FakeLanguageTool(answers) as fake:
        yield fake, expected


def _good_run_stores_an_answer(root: Path, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A later run against a server that answers well stores the answer and reports the match."""
    with FakeLanguageTool({}) as good:
        cfg, draft = _project(root, good.url, mode)
        code, out, err = _check(cfg, draft, capsys)
        assert code == 0 and "lt.A_NNS" in out, out + err
        assert "grammar not checked" not in out
        assert len(_cached_answers(root)) == 1
        assert good.requests.get("check") == 1
        _, out, _ = _check(cfg, draft, capsys)  # answered from the cache
        assert "lt.A_NNS" in out and good.requests.get("check") == 1


@pytest.mark.parametrize("mode", ["required", "optional"])
def test_server_down(tmp_path: Path, mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = _free_url()
    cfg, draft = _project(tmp_path, url, mode)
    code, out, err = _check(cfg, draft, capsys)
    _assert_fault_reported(mode, url, code, out, err)
    assert "is unreachable (Connection refused)" in out + err
    assert _cached_answers(tmp_path) == []
    _good_run_stores_an_answer(tmp_path, mode, capsys)


def test_a_failure_is_forgotten_by_the_next_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two runs in one process (as in an editor or a test session), the same URL: the first
    server misbehaves, the second answers well; the first run's failure must not stick."""
    with FakeLanguageTool({"info": _json({"software": "6.7"})}) as bad:
        port = bad.server.server_address[1]
        cfg, draft = _project(tmp_path, bad.url, "optional")
        _, out, err = _check(cfg, draft, capsys)
        assert "grammar not checked" in out + err
    with FakeLanguageTool({}, port=port) as good:
        assert good.url == bad.url
        _, out, err = _check(cfg, draft, capsys)
        assert "lt.A_NNS" in out and "grammar not checked" not in out + err, out + err


@pytest.mark.parametrize("mode", ["required", "optional"])
def test_misbehaving_server(
    faulty: tuple[FakeLanguageTool, str],
    mode: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake, expected = faulty
    cfg, draft = _project(tmp_path, fake.url, mode)
    code, out, err = _check(cfg, draft, capsys)
    _assert_fault_reported(mode, fake.url, code, out, err)
    assert expected in out + err
    assert _cached_answers(tmp_path) == [], "a failed answer was cached"
    _good_run_stores_an_answer(tmp_path, mode, capsys)


def _assert_fault_reported(mode: str, url: str, code: int, out: str, err: str) -> None:
    if mode == "required":
        assert code == 2, out + err
        errors = [line for line in err.splitlines() if line.startswith("brieflint: error:")]
        assert len(errors) == 1, err
        assert url in errors[0] and "LanguageTool" in errors[0], errors[0]
        assert "internal error" not in err
    else:
        warnings = [line for line in out.splitlines() if "grammar not checked: " in line]
        assert len(warnings) == 1, out + err
        assert url in warnings[0]
        assert "lt.A_NNS" not in out and "brieflint: error" not in err
        assert code == 0, out + err


def test_a_failure_in_the_middle_of_a_draft_stores_nothing_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paragraphs answered before the failure may be cached; the failing one is not, and the
    run still fails (no partial pass)."""
    draft_text = "First paragraph of the draft text.\n\nSecond paragraph of the draft text.\n"
    with FakeLanguageTool({}) as fake:
        fake.answers["check"] = _json({"matches": []})
        cfg, draft = _project(tmp_path, fake.url, "required")
        draft.write_text(draft_text.split("\n\n")[0] + "\n", "utf-8")
        assert _check(cfg, draft, capsys)[0] == 0
        assert len(_cached_answers(tmp_path)) == 1
    with FakeLanguageTool({"check": _json({"matches": None})}) as broken:
        cfg, draft = _project(tmp_path, broken.url, "required")
        draft.write_text(draft_text, "utf-8")
        code, _, err = _check(cfg, draft, capsys)
        assert code == 2 and broken.url in err
        assert broken.requests.get("check") == 1  # the first paragraph came from the cache
        assert len(_cached_answers(tmp_path)) == 1


# --- concurrent runs sharing one cache folder ----------------------------------------------


def _matches(n: int, tag: str) -> list[LTMatch]:
    return [
        LTMatch(i, i + 1, f"RULE_{tag}_{i}", "GRAMMAR", "grammar", f"message {tag} {i} " * 20, ())
        for i in range(n)
    ]


SHARED_KEYS = [ResultCache.key(f"shared paragraph {i}", "en-GB", "6.7", {}) for i in range(8)]


def _writer(root: str, worker: int, rounds: int) -> None:
    cache = ResultCache(Path(root))
    for r in range(rounds):
        for i, key in enumerate(SHARED_KEYS):  # every worker writes the same answer here
            cache.put(key, _matches(i + 1, "shared"))
            got = cache.get(key)
            assert got is None or got == _matches(i + 1, "shared")
        own = ResultCache.key(f"worker {worker} paragraph {r}", "en-GB", "6.7", {})
        cache.put(own, _matches(r % 5 + 1, f"w{worker}"))
        cache.remember_version("http://127.0.0.1:9", "6.7")


def test_concurrent_runs_share_the_cache_without_corrupting_it(tmp_path: Path) -> None:
    workers, rounds = 6, 40
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), w, rounds)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    cache = ResultCache(tmp_path)
    for i, key in enumerate(SHARED_KEYS):
        assert cache.get(key) == _matches(i + 1, "shared")
    for w in range(workers):
        for r in range(rounds):
            key = ResultCache.key(f"worker {w} paragraph {r}", "en-GB", "6.7", {})
            assert cache.get(key) == _matches(r % 5 + 1, f"w{w}")
    files = [p for p in (tmp_path / "languagetool").rglob("*") if p.is_file()]
    assert len(files) == len(SHARED_KEYS) + workers * rounds + 1  # + the server version file
    for path in files:
        assert path.suffix == ".json" and not path.name.startswith("."), path
        if path.name.startswith("server-"):
            json.loads(path.read_text("utf-8"))
        else:  # every entry whole: sealed to its key, its checksum matching
            assert cachefile.unseal(path.read_bytes(), path.stem) is not None, path
    assert cache.known_version("http://127.0.0.1:9") == "6.7"


# --- brieflint fix killed while writing ------------------------------------------------------

DRAFT = "The new \u0440olicy was agre\u00aded in Baku.\r\nA \ufb01nal text.\r\n"
FIXED = "The new policy was agreed in Baku.\r\nA final text.\r\n"

_SLOW_FIX = """
import os, sys, time
from brieflint import atomic, cli
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
    real_fsync(fd)
atomic.os.fsync = slow_fsync
sys.argv = ["brieflint", "fix", "--select", "ocr", sys.argv[1]]
sys.exit(cli.main())
"""


def _run_fix_and_kill(path: Path, after: Callable[[subprocess.Popen[str]], None]) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_FIX, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "writing"
        after(proc)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.stderr is not None
    assert "Traceback" not in proc.stderr.read()
    return proc.returncode


def test_fix_killed_while_writing_leaves_the_old_draft(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(DRAFT.encode("utf-8"))
    code = _run_fix_and_kill(path, lambda proc: proc.send_signal(signal.SIGTERM))
    assert code == 128 + signal.SIGTERM
    assert path.read_bytes() == DRAFT.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]
    # a fix that is not interrupted writes the new draft whole
    assert main(["fix", "--select", "ocr", str(path)]) == 1
    assert path.read_bytes() == FIXED.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt"]


def test_fix_killed_outright_leaves_old_or_new_never_a_half(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the temporary file may stay, but the draft is whole."""
    path = tmp_path / "brief.txt"
    path.write_bytes(DRAFT.encode("utf-8"))
    _run_fix_and_kill(path, lambda proc: proc.kill())
    assert path.read_bytes() in (DRAFT.encode("utf-8"), FIXED.encode("utf-8"))
