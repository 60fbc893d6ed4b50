"""Benchmark brieflint against the tools people would use instead.

    python benchmarks/run.py            # 200 briefs of ~20 KB (4 MB), clean and noisy, 5 runs each
    python benchmarks/run.py --smoke    # a tiny corpus, 1 run: keeps the script working in CI

Two corpora, built deterministically from `benchmarks/source.txt` (seeded shuffles and a few
seeded typos), so every run measures the same text: the clean one, and the same briefs with
extraction damage injected (the artefact injectors of the test suite's OCR corpus,
tests/test_ocr_corpus.py, on about a third of the paragraphs; one word in fifty misread; cut
paragraphs; a running header and page number every 3,000 characters or so). Anchors (codespell,
typos, proselint) run when installed (`pip install '.[bench]'`). Prints min/median wall time,
MB/s, CPU time (user + system, workers included), the ratios to codespell on the same case and
peak resident memory, as a Markdown table, then the performance goals with what this run
reached. A "python + typer + pydantic" row times the start-up that brieflint's required stack
costs before any of its own code runs.

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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEVSETS = HERE.parent.parent / "shared" / "data"  # beside the checkout (see tests/data/README.md)
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
    same for the same arguments. Built in a child process: the injectors come with the test
    suite's imports, which would otherwise stay in this process and in the memory every timed
    command starts with (a forked child counts its parent's pages until it runs the command)."""
    cmd = [sys.executable, __file__, "--write-noisy", str(folder)]
    cmd += ["--briefs", str(briefs), "--size", str(size), "--seed", str(seed)]
    subprocess.run(cmd, check=True)
    return sorted(folder.glob("brief-*.txt"))


def build_devsets(folder: Path, data: Path) -> dict[str, Path]:
    """The development sets of ``data`` (``../shared/data``), a file per document: the ACL
    paragraphs as extracted (spaces lost and added, ``corrupt.txt``) and the BLN600 newspaper
    articles as OCR read them. Written in a child process, as the noisy corpus is."""
    cmd = [sys.executable, __file__, "--write-devsets", str(folder), "--devsets", str(data)]
    subprocess.run(cmd, check=True)
    return {name: folder / name for name in ("acl", "bln") if (folder / name).is_dir()}


def write_devsets(folder: Path, data: Path) -> None:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import devsets

    sets = {}
    if (data / "acl-dev").is_dir():
        sets["acl"] = devsets.acl(data / "acl-dev")[0]
    if (data / "bln600-train").is_dir():
        sets["bln"] = devsets.bln(data / "bln600-train")
    for name, found in sets.items():
        (folder / name).mkdir(parents=True)
        for case in found.cases:
            (folder / name / f"{case.name}.txt").write_text(case.text, "utf-8")


def write_noisy_corpus(folder: Path, briefs: int, size: int, seed: int) -> None:
    clean = build_corpus(folder, briefs, size, seed)
    injectors = _injectors()
    rng = random.Random(seed * 1_000 + 3)
    for path in clean:
        path.write_text(damage(path.read_text("utf-8"), rng, injectors, 0.3), "utf-8")


@dataclass
class Result:
    name: str
    case: str
    times: list[float]
    peak_mb: float
    exit_codes: set[int]
    cpu: list[float] = field(default_factory=list)  # user + system seconds, workers included


def measure(
    cmd: list[str], repeat: int, cwd: Path | None = None
) -> tuple[list[float], float, set[int], list[float]]:
    """Wall times, peak resident memory (MB, of the process or its largest worker), exit codes
    and CPU times (user + system, of the process and its workers) of ``repeat`` runs."""
    times, peak, codes, cpu = [], 0.0, set(), []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss / 1024)
        codes.add(os.waitstatus_to_exitcode(status))
    return times, peak, codes, cpu


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
    times, peak, codes, cpu = measure([sys.executable, "-c", STACK_FLOOR, str(one)], repeat)
    return Result("python + typer + pydantic", "one brief", times, peak, codes, cpu)


def warm_cache(whole: list[str], repeat: int, tmp: Path, case: str) -> Result:
    """The corpus again with the result cache on and filled by a first run (not timed)."""
    cmd = [part for part in whole if part != "--no-cache"]
    folder = tmp / f"warm-{case.replace(' ', '-')}"
    folder.mkdir()
    measure(cmd, 1, cwd=folder)  # fills <folder>/.brieflint-cache
    times, peak, codes, cpu = measure(cmd, repeat, cwd=folder)
    return Result("brieflint", f"{case}, cache warm", times, peak, codes, cpu)


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
    offline, _, _, _ = measure(base, 1)
    config.write_text(
        f"cache_dir: {tmp / 'lt-cache'}\nlanguagetool: {{mode: required, url: '{url}'}}\n",
        encoding="utf-8",
    )
    for case in ("first run", "cached re-run"):
        stats = tmp / f"lt-stats-{case.replace(' ', '-')}"
        env_before = os.environ.get("BRIEFLINT_LANGUAGETOOL_STATS")
        os.environ["BRIEFLINT_LANGUAGETOOL_STATS"] = str(stats)
        try:
            times, _, codes, _ = measure(base, 1)
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


def run_tool(
    name: str,
    base: list[str],
    kind: str,
    paths: list[Path],
    repeat: int,
    tmp: Path | None = None,
) -> list[Result]:
    """``name`` on the corpus of ``kind`` (``paths``: its files, or one folder) and on its first
    brief alone; for brieflint also the corpus with a warm result cache (when ``tmp`` is given)."""
    folder = paths[0] if paths[0].is_dir() else paths[0].parent
    if name == "brieflint":
        whole = [*base, "--jobs", "0", str(folder)]
    elif name == "proselint":
        whole = [*base, *map(str, paths)]
    else:
        whole = [*base, str(folder)]
    cases = [(f"{kind} corpus", whole)]
    if not paths[0].is_dir():
        cases.append((f"one {kind} brief", [*base, str(paths[0])]))
    results = []
    for case, cmd in cases:
        times, peak, codes, cpu = measure(cmd, repeat)
        if name == "brieflint" and codes - {0}:
            raise SystemExit(f"brieflint failed (exit {codes}): {' '.join(cmd)}")
        results.append(Result(name, case, times, peak, codes, cpu))
    if name == "brieflint" and tmp is not None:
        results.append(warm_cache(whole, repeat, tmp, f"{kind} corpus"))
    return results


def table(
    results: list[Result], corpora: dict[str, list[Path]], sizes: dict[str, float]
) -> list[str]:
    """The Markdown table of ``results``: times, throughput, the ratio to codespell on the same
    case (wall and CPU time), peak memory."""
    lines = [
        "| tool | case | min s | median s | MB/s | × codespell (median) | CPU s | × codespell "
        "(CPU) | peak MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    anchor = {r.case: r for r in results if r.name == "codespell"}
    for r in results:
        med, cpu = statistics.median(r.times), statistics.median(r.cpu)
        like = anchor.get(r.case.replace(", cache warm", ""))
        if r.case.startswith("one "):
            kind = r.case.split()[1]
            size = corpora[kind][0].stat().st_size / 1e6 if kind in corpora else 0.0
        else:
            size = sizes.get(r.case.replace(", cache warm", "").replace(" corpus", ""), 0.0)
        if r.name.startswith("python"):
            like, size = anchor.get("one clean brief"), corpora["clean"][0].stat().st_size / 1e6
        ratio = f"{med / statistics.median(like.times):.2f}" if like else "–"
        cpu_ratio = f"{cpu / statistics.median(like.cpu):.2f}" if like else "–"
        lines.append(
            f"| {r.name} | {r.case} | {min(r.times):.3f} | {med:.3f} | {size / med:.2f} "
            f"| {ratio} | {cpu:.2f} | {cpu_ratio} | {r.peak_mb:.0f} |"
        )
    return lines


def goals(results: list[Result]) -> list[str]:
    """The goals of the performance work, each with what this run measured."""

    def med(name: str, case: str) -> float | None:
        found = [r for r in results if r.name == name and r.case == case]
        return statistics.median(found[0].times) if found else None

    def ratio(case: str, anchor_case: str | None = None) -> float | None:
        ours, theirs = med("brieflint", case), med("codespell", anchor_case or case)
        return ours / theirs if ours is not None and theirs else None

    grown = med("brieflint", "noisy corpus"), med("brieflint", "noisy, a tenth corpus")
    peak = max((r.peak_mb for r in results if r.name == "brieflint"), default=None)
    rows: list[tuple[str, str, float | None, float]] = [
        ("noisy corpus", "× codespell", ratio("noisy corpus"), 4.0),
        ("clean corpus", "× codespell", ratio("clean corpus"), 2.0),
        ("one noisy brief, cold process", "× codespell", ratio("one noisy brief"), 1.5),
        (
            "10× the files (noisy)",
            "× the time",
            grown[0] / grown[1] if grown[0] and grown[1] else None,
            11.0,
        ),
        ("peak memory", "MB", peak, 200.0),
        (
            "warm re-run (noisy corpus)",
            "× codespell's run",
            ratio("noisy corpus, cache warm", "noisy corpus"),
            1.0,
        ),
    ]
    lines = ["", "| goal | unit | measured | target | met |", "|---|---|---|---|---|"]
    for goal, unit, value, target in rows:
        shown = "–" if value is None else f"{value:.2f}"
        met = "–" if value is None else ("yes" if value <= target else "no")
        lines.append(f"| {goal} | {unit} | {shown} | ≤ {target:g} | {met} |")
    return lines


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
    parser.add_argument("--write-noisy", type=Path, help="only write the noisy corpus there")
    parser.add_argument(
        "--devsets",
        type=Path,
        default=DEVSETS if DEVSETS.is_dir() else None,
        help="the development data (ACL, BLN600): also time brieflint and codespell on it",
    )
    parser.add_argument("--write-devsets", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=7, help="of the corpora")
    args = parser.parse_args(argv)
    if args.write_noisy is not None:
        write_noisy_corpus(args.write_noisy, args.briefs, args.size, args.seed)
        return 0
    if args.write_devsets is not None:
        write_devsets(args.write_devsets, args.devsets)
        return 0
    if args.smoke:
        args.briefs, args.size, args.repeat, args.lt_briefs = 5, 4_000, 1, 2
        args.skip.append("proselint")
    commands = tools(Path(sys.executable).parent)
    precompile()
    with tempfile.TemporaryDirectory(prefix="brieflint-bench-") as tmp:
        corpora = {
            "clean": build_corpus(Path(tmp) / "clean", args.briefs, args.size, args.seed),
            "noisy": build_noisy_corpus(Path(tmp) / "noisy", args.briefs, args.size, args.seed),
        }
        tenth = Path(tmp) / "noisy-tenth"  # for the growth: a tenth of the noisy files
        tenth.mkdir()
        for path in corpora["noisy"][: max(1, args.briefs // 10)]:
            shutil.copy(path, tenth / path.name)
        sizes = {
            name: sum(p.stat().st_size for p in paths) / 1e6 for name, paths in corpora.items()
        }
        sizes["noisy, a tenth"] = sum(p.stat().st_size for p in tenth.iterdir()) / 1e6
        real = {} if args.devsets is None or args.smoke else build_devsets(Path(tmp), args.devsets)
        for name, folder in real.items():
            sizes[name] = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        results: list[Result] = []
        for name, base in commands.items():
            if base is None or name in args.skip:
                print(f"# {name}: not installed, skipped", file=sys.stderr)
                continue
            for kind, paths in corpora.items():
                results.extend(run_tool(name, base, kind, paths, args.repeat, Path(tmp)))
            for kind, folder in real.items():
                results.extend(run_tool(name, base, kind, [folder], args.repeat))
            if name == "brieflint":
                results.extend(run_tool(name, base, "noisy, a tenth", [tenth], args.repeat))
                results.append(stack_floor(corpora["clean"][0], args.repeat))
        print(
            f"corpus: {len(corpora['clean'])} briefs, clean {sizes['clean']:.1f} MB, noisy "
            f"{sizes['noisy']:.1f} MB; {args.repeat} run(s) each; {os.cpu_count()} cores\n"
        )
        print("\n".join(table(results, corpora, sizes)))
        print("\n".join(goals(results)))
        brieflint = commands.get("brieflint")
        if args.languagetool and brieflint is not None:
            lines = languagetool_table(
                brieflint[0], corpora["clean"][: args.lt_briefs], args.languagetool, Path(tmp)
            )
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
