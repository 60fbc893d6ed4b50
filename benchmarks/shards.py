"""How far one machine goes, and what a sharded CI matrix costs.

    python benchmarks/shards.py                   # 400 briefs of ~20 KB, 4 shards
    python benchmarks/shards.py --briefs 1000 --shards 8 --jobs 2

Builds the benchmark corpus (``run.build_corpus``, deterministic), then times, with
``--no-cache`` so that every draft is linted: one ``brieflint check`` of every brief (files per
second on this machine), each shard's ``check --shard I/N`` in turn (the slowest is what the lint
step of a matrix of such machines takes), and ``brieflint report merge`` of the shards' SARIF. It
checks that the merged report holds the whole run's findings. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import build_corpus  # the benchmark's own corpus


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its workers) of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()}")
    return seconds, usage.ru_utime + usage.ru_stime


def results(path: Path) -> int:
    return len(json.loads(path.read_text(encoding="utf-8"))["runs"][0]["results"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefs", type=int, default=400)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per brief")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="copy the reports to this folder")
    args = parser.parse_args()
    exe = shutil.which("brieflint", path=str(Path(sys.executable).parent)) or "brieflint"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_corpus(work / "corpus", args.briefs, args.size)
        megabytes = sum(p.stat().st_size for p in (work / "corpus").iterdir()) / 1e6
        base = [exe, "check", "corpus", "--no-cache", "-j", str(args.jobs), "-f", "sarif"]
        whole = timed([*base, "-o", "whole.sarif"], work)
        shard_times = [
            timed([*base, "--shard", f"{i}/{args.shards}", "-o", f"shard-{i}.sarif"], work)
            for i in range(1, args.shards + 1)
        ]
        names = [f"shard-{i}.sarif" for i in range(1, args.shards + 1)]
        merge = timed([exe, "report", "merge", *names, "-o", "merged.sarif"], work)
        same = results(work / "merged.sarif") == results(work / "whole.sarif")
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            for report in work.glob("*.sarif"):
                shutil.copy(report, args.keep / report.name)
    cores = os.cpu_count() or 1
    print(f"corpus: {args.briefs} briefs, {megabytes:.1f} MB; --jobs {args.jobs}; {cores} cores")
    print()
    print("| run | wall s | files/s (wall) | CPU s | files per CPU-s |")
    print("|---|---|---|---|---|")
    wall, cpu = whole
    print(
        f"| one machine, every brief | {wall:.2f} | {args.briefs / wall:.0f} | {cpu:.2f} | "
        f"{args.briefs / cpu:.0f} |"
    )
    slowest = max(t[0] for t in shard_times)
    cpu_all = sum(t[1] for t in shard_times)
    per_shard = ", ".join(f"{t[0]:.2f}" for t in shard_times)
    print(
        f"| {args.shards} shards, one after another (wall each: {per_shard}) | "
        f"{slowest:.2f} (slowest) | {args.briefs / slowest:.0f} | {cpu_all:.2f} (all) | "
        f"{args.briefs / cpu_all:.0f} |"
    )
    print(f"| report merge of {args.shards} SARIF | {merge[0]:.2f} | | {merge[1]:.2f} | |")
    print()
    print(f"merged report holds the whole run's results: {same}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
