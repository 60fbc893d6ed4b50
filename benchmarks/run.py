"""Benchmark brieflint against the tools people would use instead.

    python benchmarks/run.py            # 200 briefs of ~20 KB (4 MB), 5 runs each
    python benchmarks/run.py --smoke    # a tiny corpus, 1 run: keeps the script working in CI

The corpus is built deterministically from `benchmarks/source.txt` (seeded shuffles and a few
seeded typos), so every run measures the same text. Anchors (codespell, typos, proselint) run
when installed (`pip install '.[bench]'`). Prints min/median wall time, MB/s, the ratio to
codespell and peak resident memory, as a Markdown table. A "python + typer + pydantic" row times
the start-up that brieflint's required stack costs before any of its own code runs.

With a LanguageTool server (`--languagetool URL`, or `BRIEFLINT_LANGUAGETOOL_URL`), it also lints
a part of the corpus with grammar on, twice: a first run against an empty cache and a cached
re-run, reporting requests sent, requests per second and the time against the offline run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source.txt"


def build_corpus(folder: Path, briefs: int, size: int, seed: int = 7) -> list[Path]:
    """``briefs`` drafts of about ``size`` bytes, the same for the same arguments."""
    paragraphs = [p for p in SOURCE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(briefs):
        parts = [f"POLICY BRIEF NO: {n + 1}\n", f"Brief {n + 1} on regional affairs\n"]
        length = sum(len(p) for p in parts)
        while length < size:
            para = rng.choice(paragraphs)
            words = para.split(" ")
            if rng.random() < 0.3:  # a transposition typo now and then
                i = rng.randrange(len(words))
                w = words[i]
                if len(w) > 4:
                    j = rng.randrange(1, len(w) - 2)
                    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            text = " ".join(words) + "\n"
            parts.append(text)
            length += len(text) + 1
        path = folder / f"brief-{n + 1:03}.txt"
        path.write_text("\n".join(parts), encoding="utf-8")
        paths.append(path)
    return paths


# Letters an OCR engine or a PDF extractor mistakes for others, as (right, read as).
MISREADS = (
    ("m", "rn"),
    ("rn", "m"),
    ("l", "1"),
    ("e", "c"),
    ("h", "b"),
    ("i", "l"),
    ("o", "0"),
    ("cl", "d"),
    ("u", "ii"),
    ("a", "o"),
    ("t", "f"),
    ("s", "5"),
)
Injector = Callable[[random.Random, str], tuple[str, int, int] | None]
RUNNING_HEADERS = ("Regional Affairs Review", "Policy Brief Series", "Security Outlook")


def _injectors() -> list[Injector]:
    """The artefact injectors of the test suite's OCR corpus (tests/test_ocr_corpus.py)."""
    root = str(HERE.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from tests import test_ocr_corpus

    return [test_ocr_corpus.INJECTORS[name] for name in sorted(test_ocr_corpus.INJECTORS)]


def _misread(rng: random.Random, word: str) -> str:
    for right, wrong in rng.sample(MISREADS, len(MISREADS)):
        at = word.find(right, 1)
        if at > 0:
            return word[:at] + wrong + word[at + len(right) :]
    return word


def damage(text: str, rng: random.Random, injectors: list[Injector], rate: float) -> str:
    """``text`` (paragraphs, one a line) as a PDF or OCR extraction leaves it: about ``rate``
    of the paragraphs get an artefact of the test suite's kinds, one word in fifty is misread
    (rn for m, 1 for l, …), a paragraph now and then is cut in two, and a running header with
    a page number comes every 3,000 characters or so."""
    out: list[str] = []
    since_page, page = 0, 1
    title = rng.choice(RUNNING_HEADERS)
    for para in text.split("\n"):
        if not para.strip():
            out.append(para)
            continue
        if rng.random() < rate:
            try:
                injected = rng.choice(injectors)(rng, para)
            except (IndexError, ValueError):  # an injector that finds no place in this one
                injected = None
            if injected is not None:
                para = injected[0]
        words = para.split(" ")
        for i, word in enumerate(words):
            if len(word) > 3 and word.isalpha() and rng.random() < 0.02:
                words[i] = _misread(rng, word)
        para = " ".join(words)
        if len(para) > 200 and rng.random() < 0.15:  # a paragraph cut at a page break
            cut = para.find(" ", rng.randrange(60, len(para) - 60))
            if cut > 0:
                para = para[:cut] + "\n\n" + para[cut + 1 :]
        out.append(para)
        since_page += len(para)
        if since_page > 3_000:
            page += 1
            since_page = 0
            out.append(f"\n{title}\n\n{page}\n")
    return "\n".join(out)


def build_noisy_corpus(folder: Path, briefs: int, size: int, seed: int = 7) -> list[Path]:
    """The briefs of ``build_corpus`` with extraction damage injected (see ``damage``), the
    same for the same arguments."""
    clean = build_corpus(folder, briefs, size, seed)
    injectors = _injectors()
    rng = random.Random(seed * 1_000 + 3)
    for path in clean:
        path.write_text(damage(path.read_text("utf-8"), rng, injectors, 0.3), "utf-8")
    return clean


@dataclass
class Result:
    name: str
    case: str
    times: list[float]
    peak_mb: float
    exit_codes: set[int]


def measure(
    cmd: list[str], repeat: int, cwd: Path | None = None
) -> tuple[list[float], float, set[int]]:
    times, peak, codes = [], 0.0, set()
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)
        codes.add(os.waitstatus_to_exitcode(status))
    return times, peak, codes


def precompile() -> None:
    """Byte-compile brieflint, as ``pip install`` does: an editable install under
    ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module on every run, which no
    installed tool (nor brieflint installed from a wheel) does."""
    import importlib.util

    spec = importlib.util.find_spec("brieflint")
    if spec is not None and spec.origin is not None:
        package = str(Path(spec.origin).parent)
        subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=False)


# What any brieflint pays before its own code runs: Python, typer and pydantic (both required by
# the design), a typer command that takes a path, and one validated pydantic model.
STACK_FLOOR = """
import sys
import typer
from pydantic import BaseModel

class Options(BaseModel):
    path: str

def check(path: str) -> None:
    Options(path=path)

typer.run(check)
"""


def stack_floor(one: Path, repeat: int) -> Result:
    times, peak, codes = measure([sys.executable, "-c", STACK_FLOOR, str(one)], repeat)
    return Result("python + typer + pydantic", "one brief", times, peak, codes)


def warm_cache(whole: list[str], repeat: int, tmp: Path) -> Result:
    """The corpus again with the result cache on and filled by a first run (not timed)."""
    cmd = [part for part in whole if part != "--no-cache"]
    folder = tmp / "warm"
    folder.mkdir()
    measure(cmd, 1, cwd=folder)  # fills <folder>/.brieflint-cache
    times, peak, codes = measure(cmd, repeat, cwd=folder)
    return Result("brieflint", "corpus, cache warm", times, peak, codes)


def tools(bin_dir: Path) -> dict[str, list[str] | None]:
    def find(name: str) -> str | None:
        local = bin_dir / name
        return str(local) if local.exists() else shutil.which(name)

    brieflint = find("brieflint")
    return {
        # --no-cache: every run lints every file (the result cache is measured on its own row)
        "brieflint": [brieflint, "check", "--fail-on", "never", "--quiet", "--no-cache"]
        if brieflint
        else None,
        "codespell": [c] if (c := find("codespell")) else None,
        "typos": [t] if (t := find("typos")) else None,
        "proselint": [p, "check"] if (p := find("proselint")) else None,
    }


def languagetool_table(brieflint: str, paths: list[Path], url: str, tmp: Path) -> list[str]:
    """First run and cached re-run with LanguageTool, against the offline run of the same files."""
    import json

    folder = tmp / "lt-corpus"
    folder.mkdir()
    for path in paths:
        shutil.copy(path, folder / path.name)
    config = folder / "brieflint.yaml"
    base = [brieflint, "check", "--fail-on", "never", "--quiet", "--jobs", "0", str(folder)]
    rows = []
    config.write_text(f"cache_dir: {tmp / 'lt-cache'}\n", encoding="utf-8")
    offline, _, _ = measure(base, 1)
    config.write_text(
        f"cache_dir: {tmp / 'lt-cache'}\nlanguagetool: {{mode: required, url: '{url}'}}\n",
        encoding="utf-8",
    )
    for case in ("first run", "cached re-run"):
        stats = tmp / f"lt-stats-{case.replace(' ', '-')}"
        env_before = os.environ.get("BRIEFLINT_LANGUAGETOOL_STATS")
        os.environ["BRIEFLINT_LANGUAGETOOL_STATS"] = str(stats)
        try:
            times, _, codes = measure(base, 1)
        finally:
            if env_before is None:
                os.environ.pop("BRIEFLINT_LANGUAGETOOL_STATS", None)
            else:
                os.environ["BRIEFLINT_LANGUAGETOOL_STATS"] = env_before
        if codes - {0}:
            raise SystemExit(f"brieflint with LanguageTool failed (exit {codes})")
        requests = sum(
            json.loads(p.read_text(encoding="utf-8"))["requests"] for p in stats.glob("*.json")
        )
        rate = f"{requests / times[0]:.1f}" if requests else "–"
        rows.append(
            f"| {case} | {len(paths)} | {times[0]:.2f} | {requests} | {rate} "
            f"| {times[0] / offline[0]:.2f} |"
        )
    return [
        f"\nLanguageTool at {url} ({len(paths)} briefs; offline run {offline[0]:.2f} s)\n",
        "| run | briefs | seconds | requests | requests/s | × offline |",
        "|---|---|---|---|---|---|",
        *rows,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="tiny corpus, one run (for CI)")
    parser.add_argument("--briefs", type=int, default=200)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per brief")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip", action="append", default=[], help="tool to leave out")
    parser.add_argument(
        "--languagetool",
        default=os.environ.get("BRIEFLINT_LANGUAGETOOL_URL"),
        help="LanguageTool server URL: also measure a first and a cached grammar run",
    )
    parser.add_argument("--lt-briefs", type=int, default=20, help="briefs for the grammar runs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.briefs, args.size, args.repeat, args.lt_briefs = 5, 4_000, 1, 2
        args.skip.append("proselint")
    commands = tools(Path(sys.executable).parent)
    precompile()
    with tempfile.TemporaryDirectory(prefix="brieflint-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        paths = build_corpus(corpus, args.briefs, args.size)
        total_mb = sum(p.stat().st_size for p in paths) / 1e6
        one = paths[0]
        results: list[Result] = []
        for name, base in commands.items():
            if base is None or name in args.skip:
                print(f"# {name}: not installed, skipped", file=sys.stderr)
                continue
            whole = (
                [*base, "--jobs", "0", str(corpus)] if name == "brieflint" else [*base, str(corpus)]
            )
            if name == "proselint":
                whole = [*base, *map(str, paths)]
            for case, cmd in (("corpus", whole), ("one brief", [*base, str(one)])):
                times, peak, codes = measure(cmd, args.repeat)
                if name == "brieflint" and codes - {0}:
                    print(f"brieflint failed (exit {codes}): {' '.join(cmd)}", file=sys.stderr)
                    return 2
                results.append(Result(name, case, times, peak, codes))
            if name == "brieflint":
                results.append(warm_cache(whole, args.repeat, Path(tmp)))
                results.append(stack_floor(one, args.repeat))
        print(
            f"corpus: {len(paths)} briefs, {total_mb:.1f} MB; {args.repeat} run(s) each; "
            f"{os.cpu_count()} cores\n"
        )
        print("| tool | case | min s | median s | MB/s | × codespell (median) | peak MB |")
        print("|---|---|---|---|---|---|---|")
        anchor = {r.case: statistics.median(r.times) for r in results if r.name == "codespell"}
        anchor["corpus, cache warm"] = anchor.get("corpus", 0.0)
        for r in results:
            med = statistics.median(r.times)
            size = total_mb if r.case.startswith("corpus") else one.stat().st_size / 1e6
            ratio = f"{med / anchor[r.case]:.2f}" if anchor.get(r.case) else "–"
            print(
                f"| {r.name} | {r.case} | {min(r.times):.3f} | {med:.3f} | {size / med:.2f} "
                f"| {ratio} | {r.peak_mb:.0f} |"
            )
        brieflint = commands.get("brieflint")
        if args.languagetool and brieflint is not None:
            lines = languagetool_table(
                brieflint[0], paths[: args.lt_briefs], args.languagetool, Path(tmp)
            )
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
