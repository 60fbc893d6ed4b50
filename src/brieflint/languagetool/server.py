"""A local LanguageTool HTTP server: fetched from Maven Central, run on the loopback interface.

``fetch`` runs Maven on ``tools/languagetool/pom.xml`` (``dependency:copy-dependencies``) into
``<user cache>/brieflint/languagetool/<version>/lib``; ``BRIEFLINT_MAVEN_REPO`` names a Maven
repository folder to reuse between runs (CI caches it). ``start`` runs
``org.languagetool.server.HTTPServer`` with Java (LanguageTool listens on localhost only unless
given ``--public``, which brieflint never passes), writes a pid file and waits until
``/v2/languages`` answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from brieflint import data
from brieflint.atomic import write_text
from brieflint.errors import BrieflintError
from brieflint.text.lexicon import cache_home

DEFAULT_VERSION = "6.7"  # runs on Java 17; on Maven Central
DEFAULT_PORT = 8081
HOST = "127.0.0.1"
MAIN_CLASS = "org.languagetool.server.HTTPServer"
ENV_MAVEN_REPO = "BRIEFLINT_MAVEN_REPO"


def home(version: str = DEFAULT_VERSION) -> Path:
    return cache_home() / "languagetool" / version


def lib_dir(version: str = DEFAULT_VERSION) -> Path:
    return home(version) / "lib"


def _marker(version: str) -> Path:
    return home(version) / "fetched.json"


def is_fetched(version: str = DEFAULT_VERSION) -> bool:
    return _marker(version).is_file() and any(lib_dir(version).glob("languagetool-server-*.jar"))


def pom_path() -> Path:
    path = data.data_root() / "tools" / "languagetool" / "pom.xml"
    if not path.is_file():
        raise BrieflintError(f"LanguageTool pom not found: {path}")
    return path


def fetch(version: str = DEFAULT_VERSION, *, force: bool = False) -> Path:
    """Download LanguageTool ``version`` with Maven; the folder of its jars."""
    if is_fetched(version) and not force:
        return lib_dir(version)
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrieflintError("Maven (mvn) not found on PATH; it is needed to fetch LanguageTool")
    target = home(version)
    target.mkdir(parents=True, exist_ok=True)
    staging = target / f"lib.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(pom_path()),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
        f"-Dlanguagetool.version={version}",
    ]
    repo = os.environ.get(ENV_MAVEN_REPO)
    if repo:
        cmd.append(f"-Dmaven.repo.local={Path(repo).expanduser().resolve()}")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not any(staging.glob("languagetool-server-*.jar")):
        shutil.rmtree(staging, ignore_errors=True)
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        raise BrieflintError(
            f"fetching LanguageTool {version} with Maven failed (exit {done.returncode}): "
            + " | ".join(tail)
        )
    final = lib_dir(version)
    shutil.rmtree(final, ignore_errors=True)
    staging.rename(final)
    jars = sorted(p.name for p in final.glob("*.jar"))
    write_text(_marker(version), json.dumps({"version": version, "jars": len(jars)}))
    return final


def _run_dir() -> Path:
    return cache_home() / "languagetool" / "run"


def pid_file(port: int) -> Path:
    return _run_dir() / f"server-{port}.json"


def url_for(port: int) -> str:
    return f"http://{HOST}:{port}"


def answers(url: str, timeout: float = 2.0) -> bool:
    """True when ``url``/v2/languages answers 200 (within ``timeout`` for the whole request)."""
    from http.client import HTTPException

    from brieflint.languagetool import bounded

    try:
        bounded.request("GET", f"{url}/v2/languages", timeout=timeout, max_bytes=_ANSWER_BYTES)
    except (bounded.RequestFailed, OSError, HTTPException, ValueError):
        return False
    return True


def server_version(url: str, timeout: float = 5.0) -> str | None:
    """The version ``url``/v2/info names, or None (asked within ``timeout`` in all)."""
    import json
    from http.client import HTTPException

    from brieflint.languagetool import bounded

    try:
        body = bounded.request("GET", f"{url}/v2/info", timeout=timeout, max_bytes=_ANSWER_BYTES)
        return str(json.loads(body)["software"]["version"])
    except (bounded.RequestFailed, OSError, HTTPException, ValueError, LookupError, TypeError):
        return None
    except RecursionError:  # JSON nested past Python's limit
        return None


_ANSWER_BYTES = 1_000_000  # /v2/languages and /v2/info answer a few kB


def command(port: int, version: str = DEFAULT_VERSION) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise BrieflintError("Java not found on PATH; LanguageTool needs Java 17 or newer")
    if not is_fetched(version):
        raise BrieflintError(
            f"LanguageTool {version} is not fetched: run `brieflint languagetool fetch` first"
        )
    classpath = str(lib_dir(version) / "*")
    return [java, "-cp", classpath, MAIN_CLASS, "--port", str(port), "--allow-origin", "*"]


@dataclass
class Running:
    pid: int
    port: int
    version: str
    log: str

    @property
    def url(self) -> str:
        return url_for(self.port)


def read_pid_file(port: int) -> Running | None:
    try:
        raw = json.loads(pid_file(port).read_text(encoding="utf-8"))
        return Running(int(raw["pid"]), int(raw["port"]), str(raw["version"]), str(raw["log"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running_servers() -> list[Running]:
    found = []
    folder = _run_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("server-*.json")):
            with contextlib.suppress(ValueError):
                entry = read_pid_file(int(path.stem.split("-", 1)[1]))
                if entry is not None:
                    found.append(entry)
    return found


def is_ours(pid: int) -> bool:
    """The process ``pid`` is alive and is a LanguageTool server (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): alive is the best we can tell
    return MAIN_CLASS.encode() in cmdline


def start_detached(port: int, version: str = DEFAULT_VERSION, wait: float = 180.0) -> Running:
    """Start a server in the background; return once it answers (or raise with its log)."""
    existing = read_pid_file(port)
    if existing is not None and is_ours(existing.pid) and answers(existing.url):
        return existing
    url = url_for(port)
    if answers(url):
        raise BrieflintError(f"port {port} is already served by another process ({url})")
    cmd = command(port, version)
    folder = _run_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / f"server-{port}.log"
    with open(log_path, "wb") as log:  # the server's own log, appended to by Java
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    entry = Running(proc.pid, port, version, str(log_path))
    write_text(pid_file(port), json.dumps(entry.__dict__))
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            with contextlib.suppress(OSError):
                pid_file(port).unlink()
            raise BrieflintError(
                f"LanguageTool exited with code {proc.returncode} before answering; "
                f"see {log_path}: {_tail(log_path)}"
            )
        if answers(url, timeout=1.0):
            return entry
        time.sleep(0.5)
    stop(port)
    raise BrieflintError(
        f"LanguageTool did not answer at {url} within {wait:.0f} s; see {log_path}"
    )


def _tail(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(lines[-3:])


def stop(port: int, wait: float = 15.0) -> bool:
    """Stop the server brieflint started on ``port``; False when none was running."""
    entry = read_pid_file(port)
    if entry is None:
        return False
    stopped = False
    if is_ours(entry.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(entry.pid, signal.SIGTERM)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and is_ours(entry.pid):
            _reap(entry.pid)
            time.sleep(0.2)
        if is_ours(entry.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(entry.pid, signal.SIGKILL)
            _reap(entry.pid)
        stopped = True
    with contextlib.suppress(OSError):
        pid_file(port).unlink()
    return stopped


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
