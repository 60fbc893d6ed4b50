"""How many edits ``brieflint fix`` makes on correct text: the target is 0 for the safe tier.

    python benchmarks/fix_clean.py                     # the dev sets in ../shared/data
    python benchmarks/fix_clean.py --data DIR --show 20 --style secureblacksea

Reads the clean side of the development sets (see their README): the 500 paragraphs of
``acl-dev/spelling.txt`` and the ``Ground Truth`` of the 480 articles of ``bln600-train/
train.csv``. The ACL paragraphs are linted twice, as one file (blank lines between, so that
rules looking at the whole document see them all) and one file each; the BLN articles one file
each (their rows as blocks). Every edit ``fix`` would make is counted, for the safe tier (what
``brieflint fix`` writes) and with ``--unsafe-fixes`` (what a person is shown), by rule; the
first ``--show`` edits of each are printed with their context. Exit code 1 when the safe tier
edits anything.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from brieflint import config as config_mod
from brieflint import engine, ruleset
from brieflint.document import Document
from brieflint.findings import Finding
from brieflint.fixer import fix_text

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


@dataclass
class Tally:
    edits: Counter[str] = field(default_factory=Counter)
    files_changed: int = 0
    files: int = 0
    examples: list[str] = field(default_factory=list)


def documents(data: Path) -> Iterator[tuple[str, str, str]]:
    """(set, name, text) of every clean document."""
    acl = (data / "acl-dev" / "spelling.txt").read_text(encoding="utf-8").split("\n")
    acl = [p for p in acl if p.strip()]
    yield "acl, one file", "acl-all.txt", "\n\n".join(acl) + "\n"
    for i, paragraph in enumerate(acl, 1):
        yield "acl, a file each", f"acl-{i}.txt", paragraph + "\n"
    articles: dict[str, list[str]] = {}
    with (data / "bln600-train" / "train.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            articles.setdefault(row["Sample ID"], []).append(row["Ground Truth"].strip())
    for sample, rows in articles.items():
        yield "bln600, a file each", f"bln-{sample}.txt", "\n\n".join(rows) + "\n"


def _context(text: str, f: Finding) -> str:
    start, end = max(0, f.start - 30), min(len(text), f.end + 30)
    return text[start:end].replace("\n", "⏎")


def measure(data: Path, style: str | None, show: int) -> dict[tuple[str, str], Tally]:
    setup = ruleset.build(config_mod.default(), ruleset.BuildOptions(style=style))
    tallies: dict[tuple[str, str], Tally] = {}
    for name_of_set, name, text in documents(data):
        rules = setup.rules_for(name)

        def lint(
            current: str, name: str = name, rules: list[ruleset.ActiveRule] = rules
        ) -> list[Finding]:
            return engine.lint_document(Document.parse(name, current), rules, setup)

        for tier, unsafe in (("safe", False), ("unsafe too", True)):
            tally = tallies.setdefault((name_of_set, tier), Tally())
            result = fix_text(text, lint, unsafe=unsafe)
            tally.files += 1
            tally.files_changed += result.changed
            for round_ in result.history:
                for f in round_.applied:
                    tally.edits[f.rule] += 1
                    if len(tally.examples) < show:
                        fixed = "".join(e.replacement for e in f.fix.edits) if f.fix else ""
                        tally.examples.append(
                            f"{name}: {f.rule}: {_context(round_.text, f)!r} → {fixed!r}"
                        )
    return tallies


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev sets' folder")
    parser.add_argument("--style", default=None, help="house style (default: none)")
    parser.add_argument("--show", type=int, default=10, help="edits to print per set and tier")
    args = parser.parse_args(argv)
    if not (args.data / "acl-dev").is_dir():
        print(f"fix_clean: no dev sets in {args.data} (use --data)", file=sys.stderr)
        return 2
    tallies = measure(args.data, args.style, args.show)
    print("| set | tier | files | files changed | edits | by rule |")
    print("|---|---|---|---|---|---|")
    safe_edits = 0
    for (name_of_set, tier), tally in tallies.items():
        total = sum(tally.edits.values())
        if tier == "safe":
            safe_edits += total
        rules = ", ".join(f"{rule} {n}" for rule, n in tally.edits.most_common())
        counts = f"{tally.files} | {tally.files_changed} | {total}"
        print(f"| {name_of_set} | {tier} | {counts} | {rules} |")
    for (name_of_set, tier), tally in tallies.items():
        if tally.examples:
            print(f"\n{name_of_set}, {tier}:")
            for line in tally.examples:
                print(f"  {line}")
    return 1 if safe_edits else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
