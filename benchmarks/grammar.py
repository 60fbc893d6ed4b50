"""False alarms and time of brieflint's grammar backends on clean text.

    python benchmarks/grammar.py                       # word-sequence rules and Harper
    python benchmarks/grammar.py --languagetool http://127.0.0.1:8081   # and LanguageTool
    python benchmarks/grammar.py --smoke               # the small clean slices in tests/data

Every finding on correct text is a false alarm. The clean text is the clean side of the
development sets in ``../shared/data`` when they are there (ACL paragraphs: ``spelling.txt``;
BLN600 articles: the ``Ground Truth`` column), otherwise the clean slices in
``tests/data/clean``; ``--max-words`` caps each set (LanguageTool answers some eight paragraphs a
second; ``--data`` names their folder). Each backend lints the same documents in-process
with the result cache off, so the times are those of a cold cache: Harper's include building
its linter once (about a second).

The backends: ``word-sequence`` (grammar.word-order, grammar.missing-word, grammar.determiner),
``harper`` (grammar.harper, harper-py installed) and ``languagetool`` (grammar.languagetool, with
a server). Prints a Markdown table: findings, false alarms per 1,000 words, seconds, and
milliseconds per 1,000 words; with ``--sample FILE`` also the time for that one brief and the
findings each backend reports on it. ``--inject N`` makes N slips of each kind the word-sequence
rules look for (two adjacent words swapped, one a function word; "to" dropped after a verb; "the"
dropped after "many of") in clean paragraphs, one at a time, and counts those found at their words
and the findings the slip caused elsewhere: a recall figure on text nobody tuned the rules to.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared" / "data"
CLEAN = REPO / "tests" / "data" / "clean"
WORD_SEQUENCE = ["grammar.word-order", "grammar.missing-word", "grammar.determiner"]


@dataclass
class Backend:
    name: str
    select: list[str]
    config: str  # brieflint.yaml text


def clean_sets(data: Path, smoke: bool, max_words: int) -> dict[str, list[str]]:
    """Name → documents (each a text), at most ``max_words`` words per set."""
    sets: dict[str, list[str]] = {}
    acl = data / "acl-dev" / "spelling.txt"
    bln = data / "bln600-train" / "train.csv"
    if not smoke and acl.is_file() and bln.is_file():
        paragraphs = [p.strip() for p in acl.read_text(encoding="utf-8").splitlines()]
        sets["acl-dev (clean)"] = _cap([p for p in paragraphs if p], max_words, join=True)
        csv.field_size_limit(1 << 24)
        articles: dict[str, list[str]] = {}
        with open(bln, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                articles.setdefault(row["Sample ID"], []).append(row["Ground Truth"])
        sets["bln600 (ground truth)"] = _cap(
            ["\n\n".join(rows) for rows in articles.values()], max_words, join=False
        )
    else:
        for path in sorted(CLEAN.glob("grammar-*.txt")):
            blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
            sets[path.name] = _cap(blocks, max_words, join=True)
    return sets


def _cap(texts: list[str], max_words: int, *, join: bool) -> list[str]:
    kept: list[str] = []
    words = 0
    for text in texts:
        if words >= max_words:
            break
        kept.append(text)
        words += len(text.split())
    return ["\n\n".join(kept)] if join else kept


def lint(backend: Backend, docs: list[str], folder: Path) -> tuple[Counter[str], float]:
    from brieflint import config as config_mod
    from brieflint import engine, ruleset
    from brieflint.document import Document

    path = folder / f"{backend.name}.yaml"
    path.write_text(backend.config, encoding="utf-8")
    started = time.perf_counter()
    build = ruleset.BuildOptions(select=tuple(backend.select), use_cache=False)
    setup = ruleset.build(config_mod.load(path), build)
    rules = setup.rules_for("draft.txt")
    found: Counter[str] = Counter()
    for text in docs:
        for f in engine.lint_document(Document.parse("draft.txt", text), rules, setup):
            found[f.rule] += 1
    return found, time.perf_counter() - started


SWAPPABLE = frozenset(
    "of to in on at by for with from into about between among through during without within and "
    "or but as than that is are was were be been has have had will would can could may must".split()
)
QUANTIFIER_OF_THE = re.compile(r"\b(many|most|some|all|each|several|few|both|none) of the (\w+s)\b")
VERB_TO = re.compile(r"\b([a-z]+(?:ed|ing)) to ([a-z]{3,})\b")
PAIR = re.compile(r"\b([a-z]+) ([a-z]+)\b")


def inject(text: str, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """``text`` with one slip of ``kind`` made in it, and the span the slip covers; None when the
    text offers no place for one."""
    if kind == "swapped":
        places = [
            m
            for m in PAIR.finditer(text)
            if (m.group(1) in SWAPPABLE) != (m.group(2) in SWAPPABLE)
            and "the" not in (m.group(1), m.group(2))
            and "a" not in (m.group(1), m.group(2))
        ]
        if not places:
            return None
        m = rng.choice(places)
        new = f"{m.group(2)} {m.group(1)}"
    elif kind == "missing-to":
        places = list(VERB_TO.finditer(text))
        if not places:
            return None
        m = rng.choice(places)
        new = f"{m.group(1)} {m.group(2)}"
    else:  # "partitive": "the" dropped after "many of"
        places = list(QUANTIFIER_OF_THE.finditer(text))
        if not places:
            return None
        m = rng.choice(places)
        new = f"{m.group(1)} of {m.group(2)}"
    return text[: m.start()] + new + text[m.end() :], m.start(), m.start() + len(new)


def recall(sets: dict[str, list[str]], folder: Path, per_kind: int) -> None:
    """Make ``per_kind`` slips of each kind in clean paragraphs and count those found."""
    paragraphs = [p for docs in sets.values() for d in docs for p in d.split("\n\n") if p.strip()]
    backend = Backend("word-sequence", WORD_SEQUENCE, "style: brief\n")
    print("\n| slip made | made | found at its words | other findings |")
    print("|---|---|---|---|")
    from brieflint import config as config_mod
    from brieflint import engine, ruleset
    from brieflint.document import Document

    path = folder / "inject.yaml"
    path.write_text(backend.config, encoding="utf-8")
    build = ruleset.BuildOptions(select=tuple(backend.select), use_cache=False)
    setup = ruleset.build(config_mod.load(path), build)
    rules = setup.rules_for("draft.txt")
    for kind in ("swapped", "missing-to", "partitive"):
        rng = random.Random(21)
        made = found = other = 0
        order = list(range(len(paragraphs)))
        rng.shuffle(order)
        for i in order:
            if made >= per_kind:
                break
            slipped = inject(paragraphs[i], kind, rng)
            if slipped is None:
                continue
            text, start, end = slipped
            made += 1
            before = engine.lint_document(Document.parse("draft.txt", paragraphs[i]), rules, setup)
            after = engine.lint_document(Document.parse("draft.txt", text), rules, setup)
            hits = [f for f in after if f.start < end and f.end > start]
            found += bool(hits)
            other += max(0, len(after) - len(hits) - len(before))
        print(f"| {kind} | {made} | {found} ({100 * found / max(made, 1):.0f} %) | {other} |")


def backends(languagetool: str | None) -> list[Backend]:
    chosen = [Backend("word-sequence", WORD_SEQUENCE, "style: brief\n")]
    try:
        import harper  # noqa: F401
    except ImportError:
        print(
            "harper-py is not installed: no Harper row (pip install '.[harper]')", file=sys.stderr
        )
    else:
        chosen.append(Backend("harper", ["grammar.harper"], "harper: {mode: required}\n"))
    if languagetool:
        chosen.append(
            Backend(
                "languagetool",
                ["grammar.languagetool"],
                f"languagetool: {{mode: required, url: '{languagetool}'}}\n",
            )
        )
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languagetool", metavar="URL", help="also a LanguageTool server")
    parser.add_argument("--max-words", type=int, default=15000, help="words per clean set")
    parser.add_argument("--sample", type=Path, help="also time one brief and list its findings")
    parser.add_argument("--smoke", action="store_true", help="the clean slices in tests/data")
    parser.add_argument(
        "--inject", type=int, default=0, metavar="N", help="also make N slips of each kind"
    )
    parser.add_argument(
        "--data", type=Path, default=SHARED, help="the development sets (default ../shared/data)"
    )
    args = parser.parse_args(argv)
    sets = clean_sets(args.data, args.smoke, 2000 if args.smoke else args.max_words)
    chosen = backends(args.languagetool)
    print("| backend | clean text | words | findings | per 1,000 words | s | ms per 1,000 words |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for backend in chosen:
            for name, docs in sets.items():
                words = sum(len(d.split()) for d in docs)
                found, seconds = lint(backend, docs, folder)
                total = sum(n for rule, n in found.items())
                print(
                    f"| {backend.name} | {name} | {words} | {total} | "
                    f"{1000 * total / max(words, 1):.2f} | {seconds:.1f} | "
                    f"{1000 * seconds / max(words, 1) * 1000:.0f} |"
                )
                if total:
                    common = ", ".join(f"{rule} {n}" for rule, n in found.most_common(6))
                    print(f"|  | (most frequent: {common}) | | | | | |")
        if args.inject:
            recall(sets, folder, args.inject)
        if args.sample is not None:
            text = args.sample.read_text(encoding="utf-8")
            print(f"\n{args.sample.name}: {len(text.split())} words")
            for backend in chosen:
                found, seconds = lint(backend, [text], folder)
                listed = ", ".join(f"{rule} {n}" for rule, n in sorted(found.items())) or "none"
                print(f"- {backend.name}: {seconds:.2f} s, findings: {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
