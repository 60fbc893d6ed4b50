"""How long brieflint takes to read a PDF: a brief of 30 pages laid out with reportlab.

    python benchmarks/pdf.py                # 30 pages, 7 runs: min and median per step
    python benchmarks/pdf.py --pages 300    # a longer document
    python benchmarks/pdf.py --smoke        # 3 pages, 1 run: keeps the script working in CI

The PDF is the test suite's brief (tests/formats/pdfbrief.py: running header, footer with page
numbers, hyphenated line ends, paragraphs across page breaks, a table), its body repeated until
it fills the pages. Steps, in one process after the imports: *words* (pypdfium2 opens the file
and gives every word with its box, font size and weight), *layout* (lines, furniture,
paragraphs, hyphens, the map back), *read* (the two, and the Document: what ``brieflint check``
does before the rules run), *check* (``brieflint check`` as a new process, rules and all, no
cache). Needs reportlab (the dev extra).
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.formats import pdfbrief  # noqa: E402

from brieflint.readers import pdf as pdf_reader  # noqa: E402
from brieflint.readers import pdf_chars, pdf_layout  # noqa: E402
from brieflint.text.lexicon import Lexicon  # noqa: E402
from brieflint.vocabulary import Vocabulary  # noqa: E402


def brief(pages: int) -> bytes:
    """A brief of exactly ``pages`` pages (the body repeated, then cut by lines per page)."""
    one = pdfbrief.build(pdfbrief.Layout())
    per_copy = max(1, max(line.page for line in one.lines))
    repeat = max(1, pages // per_copy + 1)
    while True:
        built = pdfbrief.build(pdfbrief.Layout(repeat=repeat))
        got = max(line.page for line in built.lines)
        if got >= pages:
            break
        repeat += max(1, (pages - got) // per_copy)
    # the pages beyond the count dropped whole
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(built.data)).pages[:pages]:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def timed(fn: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``runs`` calls of ``fn`` (on a shared machine the
    CPU time is the steadier figure)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def timed_process(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds (user and system, of the child) of each run of ``command``."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=7, help="runs per step")
    parser.add_argument("--smoke", action="store_true", help="3 pages, 1 run (for CI)")
    args = parser.parse_args()
    pages, runs = (3, 1) if args.smoke else (args.pages, args.repeat)
    data = brief(pages)
    lexicon = Lexicon.load("en", Vocabulary())
    chars = pdf_chars.read(data, "brief.pdf")
    assert len(chars) == pages, len(chars)
    rows = [
        ("words (pdfium)", timed(lambda: pdf_chars.read(data, "brief.pdf"), runs)),
        ("layout", timed(lambda: pdf_layout.assemble(chars, lexicon.known), runs)),
        ("read", timed(lambda: pdf_reader.read("brief.pdf", data), runs)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "brief.pdf"
        path.write_bytes(data)
        command = [sys.executable, "-m", "brieflint", "check", "--no-cache", "-q", str(path)]
        command += ["--fail-on", "never"]
        rows.append(("check (new process)", timed_process(command, 1 if args.smoke else 3)))
    text = pdf_reader.read("brief.pdf", data).text
    print(f"PDF: {pages} pages, {len(data) / 1e6:.2f} MB, {len(text):,} characters of text")
    print()
    print("| step | min s | median s | CPU min s |")
    print("|---|---|---|---|")
    for name, (wall, cpu) in rows:
        cpu_min = f"{min(cpu):.3f}" if any(cpu) else "–"
        print(f"| {name} | {min(wall):.3f} | {statistics.median(wall):.3f} | {cpu_min} |")


if __name__ == "__main__":
    main()
