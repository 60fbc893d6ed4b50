"""A big draft's memory stays a small multiple of its size, with every default rule.

The real command runs in a subprocess on a real draft (the test brief, its paragraphs in another
order on each copy) of 4 MB, and once on the brief alone; the peak resident memory of each is
read from the kernel (the process's ``VmHWM``). What the big draft adds over the small one must
stay within ``BOUND`` times its size. Measured on the 2-core reference machine: 13.5 to 14.5 times
(a draft's paragraphs, sentences and word gaps kept as offsets, its words cut into columns a
piece at a time, its reports written a finding at a time); before, 23 times, and 45 to 50 before
the words were kept as columns. Python holds a draft with any character beyond Latin-1 (a curly
quote) at two bytes a character, so its text alone is twice its size in UTF-8.
No time is asserted (the ``timeout=`` only stops a hung run; ``benchmarks/`` measures speed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.briefs import FIXTURE

pytestmark = pytest.mark.slow

SIZE = 4_000_000  # bytes: under the default limit (max_draft_mb 10), big enough to dwarf start-up
BOUND = 18  # MB of peak memory per MB of draft, above what the brief alone takes


def _draft(size: int) -> str:
    paragraphs = FIXTURE.text().split("\n\n")
    parts: list[str] = []
    total = turn = 0
    while total < size:
        turn += 1
        copy = paragraphs[turn % len(paragraphs) :] + paragraphs[: turn % len(paragraphs)]
        chunk = "\n\n".join(copy) + "\n\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
    return "".join(parts)


# Runs ``brieflint`` as its console script does, and at exit writes the process's peak resident
# memory as the kernel counts it for the process's own memory since it started (``VmHWM``). The
# rusage of ``wait4`` will not do: a child started from the test process (fork, or vfork, then
# exec) begins with the test process's own peak, which hid most of what the draft takes.
_MEASURED = """
import atexit, runpy, sys

def _peak() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write(f"\\npeak-kb {line.split()[1]}\\n")

atexit.register(_peak)
sys.argv = ["brieflint", *sys.argv[1:]]
runpy.run_module("brieflint", run_name="__main__", alter_sys=True)
"""


def _peak_mb(path: Path, cwd: Path) -> float:
    """Peak resident memory (MB) of ``brieflint check`` on ``path`` with the default rules."""
    report = cwd / f"{path.stem}.json"
    cmd = [sys.executable, "-c", _MEASURED, "check", "--no-cache", "-q", "--fail-on", "never"]
    cmd += ["--format", "json", "-o", str(report), str(path)]
    proc = subprocess.run(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600
    )
    err = proc.stderr.decode()
    assert proc.returncode == 0, err[-2000:]
    assert json.loads(report.read_text("utf-8"))["summary"]["files"] == 1
    peak = [line for line in err.splitlines() if line.startswith("peak-kb ")]
    assert peak, err[-2000:]
    return int(peak[-1].split()[1]) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
def test_a_big_draft_takes_a_small_multiple_of_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(_draft(SIZE), "utf-8")
    small = tmp_path / "small.txt"
    small.write_text(FIXTURE.text(), "utf-8")
    size_mb = big.stat().st_size / 1e6
    added = _peak_mb(big, tmp_path) - _peak_mb(small, tmp_path)
    print(f"\n{size_mb:.1f} MB draft: {added:.0f} MB over the brief alone ({added / size_mb:.1f}x)")
    assert added <= BOUND * size_mb, f"{added:.0f} MB for {size_mb:.1f} MB ({added / size_mb:.1f}x)"
