"""Findings on correct text nobody here wrote: what brieflint says where it should stay quiet.

    python benchmarks/clean_text.py              # every source this machine has
    python benchmarks/clean_text.py --show 5     # and up to 5 findings of each rule

The dev sets' clean sides are one kind of text (papers, newspapers). This script lints others
that a Debian machine already holds, all published and edited by their authors: the licence
texts in ``/usr/share/common-licenses`` (formal, legal English), the Debian project's own
documents when ``doc-debian`` is installed (``/usr/share/doc/debian``: the constitution, the
social contract), and the README of every installed Python package that publishes it as
Markdown (technical English with code, tables and links, from its ``METADATA``). Nothing is
damaged, so every warning and error is a false alarm or a real slip of the authors'; info
findings are counted apart. It prints, per source, the words read, the warnings and errors per
10,000 words, the documents with more than two, and the edits a safe ``brieflint fix`` would make;
then the rules that speak, with examples. Speed and figures are never asserted by a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import sysconfig
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from email.parser import HeaderParser
from pathlib import Path

LICENCES = Path("/usr/share/common-licenses")
DEBIAN_DOCS = Path("/usr/share/doc/debian")
SEVERE = frozenset({"warning", "error"})
# house conventions of a brief (metadata, disclaimer, acronyms): they judge a brief's cover, not
# correct English, and fire on any text that is not a brief
NOT_ABOUT_TEXT = ("house.metadata", "house.acronym-undefined", "house.disclaimer", "meta.")


def licences() -> Iterator[tuple[str, str]]:
    if LICENCES.is_dir():
        for path in sorted(LICENCES.iterdir()):
            if path.is_file() and not path.is_symlink():
                yield path.name + ".txt", path.read_text("utf-8", errors="replace")


def debian_documents() -> Iterator[tuple[str, str]]:
    if DEBIAN_DOCS.is_dir():
        for path in sorted(DEBIAN_DOCS.glob("*.gz")):
            if path.name.count(".") <= 2:  # the current versions, not constitution.1.3.txt.gz
                text = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
                yield path.name.removesuffix(".gz").removesuffix(".txt") + ".txt", text


def package_readmes() -> Iterator[tuple[str, str]]:
    site = Path(sysconfig.get_paths()["purelib"])
    for meta in sorted(site.glob("*.dist-info/METADATA")):
        if meta.parent.name.startswith("brieflint-"):
            continue  # its own README shows damage on purpose
        raw = meta.read_text("utf-8", errors="replace")
        headers = HeaderParser().parsestr(raw, headersonly=True)
        if "markdown" not in (headers.get("Description-Content-Type") or ""):
            continue
        body = raw.split("\n\n", 1)[1] if "\n\n" in raw else ""
        if len(body) > 500:
            yield meta.parent.name.split("-")[0] + ".md", body


SOURCES = {
    "licences": licences,
    "debian documents": debian_documents,
    "package READMEs": package_readmes,
}


def lint(folder: Path) -> tuple[list[dict[str, object]], int]:
    """Findings (JSON) of ``check`` on the folder, and the edits a safe ``fix`` would make."""
    check = [sys.executable, "-m", "brieflint", "check", "--no-cache", "--fail-on", "never"]
    out = subprocess.run(
        [*check, "--format", "json", str(folder)], capture_output=True, text=True, check=False
    )
    findings: list[dict[str, object]] = json.loads(out.stdout)["findings"] if out.stdout else []
    diff = subprocess.run(
        [sys.executable, "-m", "brieflint", "fix", "--diff", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    edits = sum(1 for line in diff.stdout.splitlines() if line.startswith("@@"))
    return findings, edits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=3, help="examples per rule")
    args = parser.parse_args()
    rules: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    print(
        "| source | documents | words | warnings+errors | per 10,000 words | docs > 2 | info "
        "| safe-fix edits |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, source in SOURCES.items():
        drafts = list(source())
        if not drafts:
            print(f"| {name} | (none on this machine) | | | | | | |")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for file_name, text in drafts:
                (folder / file_name).write_text(text, "utf-8")
            findings, edits = lint(folder)
            texts = {f: (folder / f).read_text("utf-8") for f, _ in drafts}
        words = sum(len(t.split()) for t in texts.values())
        counted = [f for f in findings if not str(f["rule"]).startswith(NOT_ABOUT_TEXT)]
        severe = [f for f in counted if f["severity"] in SEVERE]
        per_doc = Counter(Path(str(f["path"])).name for f in severe)
        for f in severe:
            rule = str(f["rule"])
            rules[rule] += 1
            if len(examples[rule]) < args.show:
                text = texts.get(Path(str(f["path"])).name, "")
                line = text.splitlines()[int(str(f["line"])) - 1] if text else ""
                examples[rule].append(f"{Path(str(f['path'])).name}: {line.strip()[:100]}")
        info = len(counted) - len(severe)
        rate = 10_000 * len(severe) / max(1, words)
        busy = sum(1 for n in per_doc.values() if n > 2)
        print(
            f"| {name} | {len(drafts)} | {words:,} | {len(severe)} | {rate:.1f} | {busy} "
            f"| {info} | {edits} |"
        )
    print("\nwarnings and errors per rule\n")
    for rule, n in rules.most_common():
        print(f"{n:5}  {rule}")
        for example in examples[rule]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
