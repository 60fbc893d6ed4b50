"""`brieflint languagetool fetch|serve|status|stop` for real: Maven, Java, a server on a free port.

The fetch runs Maven against the Maven repository that already holds LanguageTool (CI fetches it
first, into BRIEFLINT_MAVEN_REPO); brieflint's cache is a temporary folder, so nothing of the
user's is changed. Without Java, Maven or such a repository the tests skip, saying which.
"""

from __future__ import annotations

import os
import pty
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from brieflint.languagetool import server

pytestmark = pytest.mark.slow


def test_maven_download_lines_are_read() -> None:
    line = (
        "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/languagetool/"
        "languagetool-core/6.7/languagetool-core-6.7.jar (6.1 MB at 2.3 MB/s)"
    )
    assert server.parse_download(line) == ("languagetool-core-6.7.jar", 6_100_000)
    small = "Downloaded from central: https://h/x/y/a-1.pom (1,234 B at 9 kB/s)"
    assert server.parse_download(small) == ("a-1.pom", 1234)
    assert server.parse_download("[INFO] Downloading from central: https://h/a.jar") is None


def _maven_repo() -> Path:
    repo = Path(
        os.environ.get(server.ENV_MAVEN_REPO) or Path.home() / ".m2" / "repository"
    ).expanduser()
    if shutil.which("java") is None or shutil.which("mvn") is None:
        pytest.skip("needs Java and Maven")
    jar = repo / "org" / "languagetool" / "languagetool-server" / server.DEFAULT_VERSION
    if not jar.is_dir():
        pytest.skip(f"no LanguageTool {server.DEFAULT_VERSION} in the Maven repository {repo}")
    return repo


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    repo = _maven_repo()
    cache = tmp_path_factory.mktemp("cache")
    old = cache / "languagetool" / server.DEFAULT_VERSION / "lib"
    old.mkdir(parents=True)  # the second copy earlier releases kept
    (old / "languagetool-server-6.7.jar").write_bytes(b"old copy")
    env = {k: v for k, v in os.environ.items() if k != "BRIEFLINT_LANGUAGETOOL_URL"}
    env.update(BRIEFLINT_CACHE_HOME=str(cache), BRIEFLINT_MAVEN_REPO=str(repo))
    yield env


def _brieflint(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brieflint", "languagetool", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _sizes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_fetch_keeps_one_copy_in_the_maven_repository(env: dict[str, str]) -> None:
    done = _brieflint(env, "fetch")
    assert done.returncode == 0, done.stderr
    repo = Path(env["BRIEFLINT_MAVEN_REPO"]).resolve()
    assert f"jars in {repo}" in done.stdout
    assert "fetching" not in done.stderr  # piped: no progress
    cache = Path(env["BRIEFLINT_CACHE_HOME"])
    assert not list(cache.rglob("*.jar"))  # the old copy is gone, and no new one
    assert _sizes(cache) < 100_000
    jars = (cache / "languagetool" / server.DEFAULT_VERSION / "classpath.txt").read_text()
    entries = jars.strip().split(os.pathsep)
    assert len(entries) > 50
    assert all(Path(e).is_file() and Path(e).resolve().is_relative_to(repo) for e in entries)


def test_fetch_shows_progress_on_a_terminal(env: dict[str, str]) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "brieflint", "languagetool", "fetch", "--force"],
        env={**env, "TERM": "xterm", "COLUMNS": "120"},
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait(timeout=900) == 0, seen.decode(errors="replace")
    text = seen.decode("utf-8", errors="replace")
    assert f"fetching LanguageTool {server.DEFAULT_VERSION} with Maven" in text
    assert f"LanguageTool {server.DEFAULT_VERSION} fetched:" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_stop_and_status_agree(env: dict[str, str]) -> None:
    port = str(_free_port())
    # nothing runs: both say so, both exit 1
    assert _brieflint(env, "status", "--port", port).returncode == 1
    stop = _brieflint(env, "stop", "--port", port)
    assert stop.returncode == 1 and "no LanguageTool server" in stop.stdout
    assert _brieflint(env, "fetch").returncode == 0
    started = _brieflint(env, "serve", "--detach", "--port", port)
    try:
        assert started.returncode == 0, started.stderr
        status = _brieflint(env, "status", "--port", port)
        assert status.returncode == 0 and "answering" in status.stdout
    finally:
        stop = _brieflint(env, "stop", "--port", port)
    assert stop.returncode == 0 and "stopped LanguageTool" in stop.stdout
    assert _brieflint(env, "status", "--port", port).returncode == 1
    assert _brieflint(env, "stop", "--port", port).returncode == 1
