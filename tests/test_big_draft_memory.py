"""A big draft's memory stays a small multiple of its size, with every default rule.

The real command runs in a subprocess on a real draft (the test brief, its paragraphs in another
order on each copy) of 4 MB, and once on the brief alone; the peak resident memory of each is
read from the kernel (``wait4``). What the big draft adds over the small one must stay within
``BOUND`` times its size. Measured on the 2-core reference machine: about 20 times (a draft's
words kept as columns of offsets, not a tuple and two int objects each); before, 45 to 50 times.
No time is asserted (the ``timeout=`` only stops a hung run; ``benchmarks/`` measures speed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.briefs import FIXTURE

pytestmark = pytest.mark.slow

SIZE = 4_000_000  # bytes: under the default limit (max_draft_mb 10), big enough to dwarf start-up
BOUND = 30  # MB of peak memory per MB of draft, above what the brief alone takes


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


def _peak_mb(path: Path, cwd: Path) -> float:
    """Peak resident memory (MB) of ``brieflint check`` on ``path`` with the default rules."""
    report = cwd / f"{path.stem}.json"
    cmd = [sys.executable, "-m", "brieflint", "check", "--no-cache", "-q", "--fail-on", "never"]
    cmd += ["--format", "json", "-o", str(report), str(path)]
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if proc.poll() is None:  # pragma: no cover - only when wait4 itself failed
            proc.kill()
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert os.waitstatus_to_exitcode(status) == 0, err[-2000:]
    assert json.loads(report.read_text("utf-8"))["summary"]["files"] == 1
    return usage.ru_maxrss / 1024


def test_a_big_draft_takes_a_small_multiple_of_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(_draft(SIZE), "utf-8")
    small = tmp_path / "small.txt"
    small.write_text(FIXTURE.text(), "utf-8")
    size_mb = big.stat().st_size / 1e6
    added = _peak_mb(big, tmp_path) - _peak_mb(small, tmp_path)
    print(f"\n{size_mb:.1f} MB draft: {added:.0f} MB over the brief alone ({added / size_mb:.1f}x)")
    assert added <= BOUND * size_mb, f"{added:.0f} MB for {size_mb:.1f} MB ({added / size_mb:.1f}x)"
