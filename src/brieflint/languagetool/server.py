"""A local LanguageTool HTTP server: fetched from Maven Central, run on the loopback interface.

``fetch`` runs Maven on ``tools/languagetool/pom.xml`` (``dependency:build-classpath``): the jars
are downloaded once, into Maven's repository (``~/.m2/repository``, or the folder
``BRIEFLINT_MAVEN_REPO`` names, which CI caches), and brieflint keeps only the class path, in
``<user cache>/brieflint/languagetool/<version>/classpath.txt``, not a second copy. ``start`` runs
``org.languagetool.server.HTTPServer`` with Java (LanguageTool listens on localhost only unless
given ``--public``, which brieflint never passes), writes a pid file and waits until
``/v2/languages`` answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections import deque
from collections.abc import Callable
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
    """Where earlier releases copied the jars (a second copy of Maven's); removed by ``fetch``."""
    return home(version) / "lib"


def classpath_file(version: str = DEFAULT_VERSION) -> Path:
    return home(version) / "classpath.txt"


def _marker(version: str) -> Path:
    return home(version) / "fetched.json"


def classpath(version: str = DEFAULT_VERSION) -> list[Path]:
    """The jars of LanguageTool ``version`` in Maven's repository; [] when not fetched."""
    try:
        raw = classpath_file(version).read_text(encoding="utf-8").strip()
    except OSError:
        return []
    return [Path(entry) for entry in raw.split(os.pathsep) if entry]


def is_fetched(version: str = DEFAULT_VERSION) -> bool:
    """Fetched, and every jar still there (Maven's repository may have been cleaned)."""
    jars = classpath(version)
    return (
        _marker(version).is_file()
        and any(j.name.startswith("languagetool-server-") for j in jars)
        and all(j.is_file() for j in jars)
    )


@dataclass
class FetchProgress:
    """What Maven has downloaded so far (nothing when its repository already has it all)."""

    files: int = 0
    size: int = 0  # bytes, as Maven reports them
    last: str = ""  # the last file's name


_DOWNLOADED = re.compile(r"Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB)\b")
_UNITS = {"B": 1, "kB": 1000, "KB": 1000, "MB": 1000**2, "GB": 1000**3}


def parse_download(line: str) -> tuple[str, int] | None:
    """(file name, bytes) from Maven's "Downloaded from central: URL (12 kB at 3 MB/s)" line."""
    m = _DOWNLOADED.search(line)
    if m is None:
        return None
    size = float(m.group(2).replace(",", ""))
    return m.group(1).rsplit("/", 1)[-1], int(size * _UNITS[m.group(3)])


def pom_path() -> Path:
    path = data.data_root() / "tools" / "languagetool" / "pom.xml"
    if not path.is_file():
        raise BrieflintError(f"LanguageTool pom not found: {path}")
    return path


def fetch(
    version: str = DEFAULT_VERSION,
    *,
    force: bool = False,
    progress: Callable[[FetchProgress], None] | None = None,
) -> list[Path]:
    """Download LanguageTool ``version`` with Maven into Maven's repository; its class path.

    ``progress`` is called after each file Maven downloads.
    """
    if is_fetched(version) and not force:
        _drop_old_copy(version)
        return classpath(version)
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrieflintError("Maven (mvn) not found on PATH; it is needed to fetch LanguageTool")
    target = home(version)
    target.mkdir(parents=True, exist_ok=True)
    partial = target / f"classpath.partial-{os.getpid()}"
    cmd = [
        mvn,
        "-B",
        "-f",
        str(pom_path()),
        "dependency:build-classpath",
        f"-Dmdep.outputFile={partial}",
        f"-Dlanguagetool.version={version}",
    ]
    repo = os.environ.get(ENV_MAVEN_REPO)
    if repo:
        cmd.append(f"-Dmaven.repo.local={Path(repo).expanduser().resolve()}")
    state = FetchProgress()
    tail: deque[str] = deque(maxlen=5)
    with subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            tail.append(line.rstrip())
            got = parse_download(line)
            if got is not None:
                state.files += 1
                state.size += got[1]
                state.last = got[0]
                if progress is not None:
                    progress(state)
        code = proc.wait()
    try:
        raw = partial.read_text(encoding="utf-8").strip() if code == 0 else ""
    except OSError:
        raw = ""
    with contextlib.suppress(OSError):
        partial.unlink()
    jars = [Path(entry) for entry in raw.split(os.pathsep) if entry]
    if not any(j.name.startswith("languagetool-server-") for j in jars):
        lines = [line for line in tail if line.strip()]
        raise BrieflintError(
            f"fetching LanguageTool {version} with Maven failed (exit {code}): " + " | ".join(lines)
        )
    write_text(classpath_file(version), os.pathsep.join(str(j) for j in jars) + "\n")
    write_text(_marker(version), json.dumps({"version": version, "jars": len(jars)}))
    _drop_old_copy(version)
    return jars


def maven_folder(jars: list[Path]) -> Path | None:
    """The folder the jars share (Maven's repository, or the part of it that holds them)."""
    return Path(os.path.commonpath([str(j) for j in jars])) if jars else None


def _drop_old_copy(version: str) -> None:
    """Remove the jar copy earlier releases made, unless a server started from it still runs."""
    old = lib_dir(version)
    if not old.is_dir():
        return
    if any(e.version == version and is_ours(e.pid) for e in running_servers()):
        return
    shutil.rmtree(old, ignore_errors=True)


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
    jars = os.pathsep.join(str(j) for j in classpath(version))
    return [java, "-cp", jars, MAIN_CLASS, "--port", str(port), "--allow-origin", "*"]


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
