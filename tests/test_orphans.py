"""Workers of a parallel run end with their parent, even when it is killed with SIGKILL.

A real ``brieflint check -j 2`` (and ``baseline create``) on a folder of drafts big enough to keep
the workers busy; once its workers are running, the parent is killed outright and the workers
must be gone within a few seconds. Linux only (the test reads /proc).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.briefs import FIXTURE

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _state_and_parent(pid: int) -> tuple[str, int] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def _children(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = _state_and_parent(int(entry))
            if info is not None and info[1] == parent and info[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    info = _state_and_parent(pid)
    return info is not None and info[0] != "Z"  # a zombie has ended; only its entry is left


def _drafts(folder: Path, count: int) -> None:
    folder.mkdir()
    text = FIXTURE.path.read_text("utf-8")
    for i in range(count):
        # each draft different, so that no cache or memo makes the work trivial
        (folder / f"brief-{i:03d}.txt").write_text(f"{text}\n\nAnnex {i}.\n" * 3, "utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--no-cache", "-j", "2", "drafts"],
        ["baseline", "create", "--no-cache", "drafts"],
    ],
    ids=["check -j 2", "baseline create"],
)
def test_workers_end_when_the_parent_is_killed(args: list[str], tmp_path: Path) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: brieflint runs without workers")
    _drafts(tmp_path / "drafts", 80)
    parent = subprocess.Popen(
        [sys.executable, "-m", "brieflint", *args],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2 and parent.poll() is None:
            time.sleep(0.1)
            workers = _children(parent.pid)
        assert parent.poll() is None, "the run ended before its workers could be seen"
        assert len(workers) >= 2, workers
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        gone_by = time.monotonic() + 8
        while time.monotonic() < gone_by and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        left = [pid for pid in workers if _alive(pid)]
        assert left == [], f"workers {left} outlived their parent"
    finally:
        parent.kill()
        for pid in _children(parent.pid) + workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
