"""The fallback of ``orphans.die_with_parent``: the watcher thread alone ends a worker whose parent
died, as on a platform without ``prctl(PR_SET_PDEATHSIG)``.

A real process tree: a Python parent forks a worker that calls ``die_with_parent`` with the
platform set to one without ``prctl`` (so only the watcher works), then the parent is killed
with SIGKILL. The worker must end by SIGTERM within the watcher's poll (brieflint turns SIGTERM
into an orderly exit, here a line in a file), and a worker that ignores SIGTERM must still end by
the hard exit that follows it. Linux only (the test reads /proc).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brieflint import orphans
from tests.test_orphans import _alive

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

SCRIPT = """
import os, signal, sys, time
from pathlib import Path

from brieflint import orphans

marker, mode = Path(sys.argv[1]), sys.argv[2]
parent = os.getpid()
pid = os.fork()
if pid == 0:
    sys.platform = "darwin"  # no prctl: the watcher thread is all there is
    if mode == "orderly":
        def ended(signum, frame):
            marker.write_text(f"SIGTERM {os.getppid()}")
            os._exit(0)
        signal.signal(signal.SIGTERM, ended)
    else:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # only the hard exit can end it
    orphans.die_with_parent(parent)
    print(os.getpid(), flush=True)
    time.sleep(120)
    os._exit(3)
time.sleep(120)
"""


def _worker_of(tmp_path: Path, mode: str) -> tuple[subprocess.Popen[str], int, Path]:
    marker = tmp_path / "ended"
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(marker), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    return parent, worker, marker


def _gone_within(pid: int, seconds: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if not _alive(pid):
            return time.monotonic() - started
        time.sleep(0.05)
    return None


@pytest.mark.parametrize("mode", ["orderly", "ignores SIGTERM"])
def test_the_watcher_ends_an_orphaned_worker(tmp_path: Path, mode: str) -> None:
    parent, worker, marker = _worker_of(tmp_path, mode)
    try:
        time.sleep(orphans.POLL_SECONDS * 1.5)
        assert _alive(worker), "the worker ended while its parent lived"
        assert not marker.exists()
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        if mode == "orderly":
            took = _gone_within(worker, orphans.POLL_SECONDS + 4)
            assert took is not None, "the watcher did not end the orphan"
            # ended by SIGTERM from the watcher, after the parent was gone (adopted by another)
            reason, adopter = marker.read_text().split()
            assert reason == "SIGTERM" and int(adopter) != parent.pid
        else:
            took = _gone_within(worker, orphans.POLL_SECONDS + 5 + 4)
            assert took is not None, "the hard exit did not end an orphan that ignores SIGTERM"
            assert took >= 5 - 0.5  # the SIGTERM grace period came first
            assert not marker.exists()
    finally:
        parent.kill()
        if _alive(worker):
            os.kill(worker, signal.SIGKILL)
