"""Detection on real damage: recall and precision of brieflint (and spell checkers) on dev sets.

    python benchmarks/detection.py                      # every set, brieflint + installed tools
    python benchmarks/detection.py --set acl --limit 100
    python benchmarks/detection.py --set bln --json     # figures as JSON
    python benchmarks/detection.py --data PATH          # dev sets elsewhere (../shared/data)

Sets (``benchmarks/devsets.py`` builds them and their truth): ``acl-ws`` and ``acl-spell`` (PDF
extraction of papers, ``acl-dev/``), ``bln`` (newspaper OCR, ``bln600-train/``) and ``corpus``
(the test suite's injected artefacts). A defect is found when a finding overlaps it; a finding
that overlaps no defect is a false alarm. The headline recall leaves out damage that is only
punctuation or capitals (kinds ``punctuation``, ``case``); those are listed all the same. The
clean side is each document's correct version: every finding there is a false alarm, and every
``fix`` edit there would change correct text.

cspell (``npm i -g cspell``), codespell and typos (``pip install '.[bench]'``) run on the same
documents when installed, scored the same way.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import devsets  # noqa: E402
from benchmarks.devsets import Case, Defect, DevSet  # noqa: E402

# rules that judge a brief's house conventions, not damage: they would fire on any paper
NOT_DETECTION = ("house.metadata", "house.acronym-undefined", "meta.")
SEVERE = frozenset({"warning", "error"})
# the rules for whitespace and layout damage, whose precision is shown on its own too
WHITESPACE_RULES = (
    "ocr.split-word",
    "ocr.run-together",
    "ocr.spacing",
    "ocr.hyphenation",
    "ocr.page-furniture",
    "ocr.broken-paragraph",
)


@dataclass(frozen=True)
class Flag:
    """One finding, reduced to what scoring needs."""

    start: int
    end: int
    rule: str
    severity: str
    suggestion: str | None = None
    fix_edits: int = 0  # the edits of its fix if that fix is safe: what `brieflint fix` applies


@dataclass
class Score:
    tool: str
    set: str
    documents: int = 0
    defects: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    rule_tp: Counter[str] = field(default_factory=Counter)
    rule_fp: Counter[str] = field(default_factory=Counter)
    suggested: int = 0  # found defects with a known right form whose finding suggests something
    suggested_right: int = 0
    clean_findings: Counter[str] = field(default_factory=Counter)
    clean_fix_edits: int = 0
    clean_docs_over_2: int = 0
    seconds: float = 0.0
    examples_missed: dict[str, list[str]] = field(default_factory=dict)
    examples_false: dict[str, list[str]] = field(default_factory=dict)
    examples_clean: dict[str, list[str]] = field(default_factory=dict)

    def recall(self, kinds: Iterable[str] | None = None) -> float:
        keys = [k for k in self.defects if k not in devsets.UNSCORED] if kinds is None else kinds
        total = sum(self.defects[k] for k in keys)
        return sum(self.found[k] for k in keys) / total if total else 1.0

    @property
    def precision(self) -> float:
        tp, fp = sum(self.rule_tp.values()), sum(self.rule_fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    def rules_precision(self, rules: Iterable[str]) -> tuple[int, int, float]:
        chosen = list(rules)
        tp = sum(self.rule_tp[r] for r in chosen)
        fp = sum(self.rule_fp[r] for r in chosen)
        return tp, fp, tp / (tp + fp) if tp + fp else 1.0

    def as_json(self) -> dict[str, object]:
        kinds = {
            k: {"defects": n, "found": self.found[k], "recall": round(self.found[k] / n, 3)}
            for k, n in sorted(self.defects.items())
        }
        rules = {
            r: {
                "true": self.rule_tp[r],
                "false": self.rule_fp[r],
                "precision": round(self.rule_tp[r] / (self.rule_tp[r] + self.rule_fp[r]), 3),
            }
            for r in sorted(set(self.rule_tp) | set(self.rule_fp))
        }
        return {
            "tool": self.tool,
            "set": self.set,
            "documents": self.documents,
            "recall": round(self.recall(), 3),
            "precision": round(self.precision, 3),
            "kinds": kinds,
            "rules": rules,
            "whitespace_rules_precision": round(self.rules_precision(WHITESPACE_RULES)[2], 3),
            "first_suggestion": {"judged": self.suggested, "right": self.suggested_right},
            "clean": {
                "findings": dict(self.clean_findings),
                "fix_edits": self.clean_fix_edits,
                "documents_over_2_warnings": self.clean_docs_over_2,
            },
            "seconds": round(self.seconds, 2),
        }


# ---------------------------------------------------------------------------------------------
# brieflint, in process


class Brieflint:
    name = "brieflint"

    def __init__(self, select: Sequence[str] = (), style: str | None = None) -> None:
        from brieflint import config, ruleset

        options = ruleset.BuildOptions(style=style, select=tuple(select))
        self.setup = ruleset.build(config.default(), options)

    def flags(self, texts: Sequence[str]) -> list[list[Flag]]:
        from brieflint import engine
        from brieflint.document import Document
        from brieflint.findings import Applicability

        out = []
        for text in texts:
            doc = Document.parse("draft.txt", text)
            findings = engine.lint_document(doc, self.setup.rules_for(doc.path), self.setup)
            out.append(
                [
                    Flag(
                        f.start,
                        f.end,
                        f.rule,
                        f.severity.label,
                        f.suggestions[0] if f.suggestions else None,
                        len(f.fix.edits)
                        if f.fix and f.fix.applicability is Applicability.SAFE
                        else 0,
                    )
                    for f in findings
                    if not f.rule.startswith(NOT_DETECTION)
                ]
            )
        return out


# ---------------------------------------------------------------------------------------------
# other tools, as subprocesses over files


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def _locate(text: str, starts: list[int], line: int, word: str, column: int | None) -> int | None:
    """Offset of ``word`` on 1-based ``line``, nearest to ``column`` (0-based) if given."""
    if line - 1 >= len(starts):
        return None
    lo = starts[line - 1]
    hi = starts[line] if line < len(starts) else len(text)
    found = [i for i in range(lo, hi) if text.startswith(word, i)]
    if not found:
        return None
    if column is None:
        return found[0]
    return min(found, key=lambda i: abs(i - lo - column))


class External:
    """A command-line spell checker run once over files holding the texts."""

    def __init__(self, name: str, exe: str) -> None:
        self.name = name
        self.exe = exe

    @staticmethod
    def available() -> list[External]:
        tools = []
        for name in ("cspell", "codespell", "typos"):
            exe = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
            if exe:
                tools.append(External(name, exe))
        return tools

    def flags(self, texts: Sequence[str]) -> list[list[Flag]]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            paths = []
            for n, text in enumerate(texts):
                path = folder / f"d{n:05}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            raw = self._run(folder, paths)
        out: list[list[Flag]] = [[] for _ in texts]
        index = {p.name: n for n, p in enumerate(paths)}
        starts = [_line_starts(t) for t in texts]
        seen: Counter[tuple[int, int, str]] = Counter()
        for name, line, column, word, suggestion in raw:
            k = index.get(Path(name).name)
            if k is None:
                continue
            n = k
            if column is None:  # codespell: the k-th report of a word on a line is its k-th use
                seen[(n, line, word)] += 1
                pos = _nth(texts[n], starts[n], line, word, seen[(n, line, word)])
            else:
                pos = _locate(texts[n], starts[n], line, word, column)
            if pos is not None:
                out[n].append(Flag(pos, pos + len(word), self.name, "warning", suggestion))
        return out

    def _run(
        self, folder: Path, paths: list[Path]
    ) -> list[tuple[str, int, int | None, str, str | None]]:
        files = [str(p) for p in paths]
        found: list[tuple[str, int, int | None, str, str | None]] = []
        if self.name == "cspell":
            cmd = [self.exe, "lint", "--no-progress", "--no-summary", "--no-color"]
            cmd += ["--no-must-find-files", "--root", str(folder)]
            res = subprocess.run(
                [*cmd, *files], capture_output=True, text=True, cwd=folder, check=False
            )
            for line in res.stdout.splitlines():
                # d00001.txt:3:14 - Unknown word (teh) Suggestions: [the, ten, ...]
                head, _, rest = line.partition(" - ")
                bits = head.rsplit(":", 2)
                if len(bits) != 3 or "(" not in rest:
                    continue
                word = rest[rest.index("(") + 1 : rest.index(")")]
                sugg = None
                if "[" in rest:
                    inner = rest[rest.index("[") + 1 : rest.rindex("]")].split(",")
                    sugg = inner[0].strip().rstrip("*") or None
                found.append((bits[0], int(bits[1]), int(bits[2]) - 1, word, sugg))
        elif self.name == "codespell":
            res = subprocess.run(
                [self.exe, *files], capture_output=True, text=True, cwd=folder, check=False
            )
            for line in res.stdout.splitlines():
                # path:3: teh ==> the
                head, _, rest = line.partition(": ")
                bits = head.rsplit(":", 1)
                if len(bits) != 2 or " ==> " not in rest:
                    continue
                word, _, fixes = rest.partition(" ==> ")
                sugg = fixes.split(",")[0].strip() or None
                found.append((bits[0], int(bits[1]), None, word.strip(), sugg))
        else:
            res = subprocess.run(
                [self.exe, "--format", "json", *files],
                capture_output=True,
                text=True,
                cwd=folder,
                check=False,
            )
            for row in res.stdout.splitlines():
                try:
                    item = json.loads(row)
                except json.JSONDecodeError:
                    continue
                if item.get("type") != "typo":
                    continue
                corrections = item.get("corrections") or []
                col = len(
                    _line_bytes(paths, item["path"], item["line_num"])[
                        : item["byte_offset"]
                    ].decode("utf-8", "replace")
                )
                found.append(
                    (
                        item["path"],
                        item["line_num"],
                        col,
                        item["typo"],
                        corrections[0] if corrections else None,
                    )
                )
        return found


def _line_bytes(paths: list[Path], name: str, line: int) -> bytes:
    data = Path(name).read_bytes() if Path(name).is_absolute() else b""
    if not data:
        for p in paths:
            if p.name == Path(name).name:
                data = p.read_bytes()
    lines = data.split(b"\n")
    return lines[line - 1] if 0 < line <= len(lines) else b""


def _nth(text: str, starts: list[int], line: int, word: str, k: int) -> int | None:
    if line - 1 >= len(starts):
        return None
    lo = starts[line - 1]
    hi = starts[line] if line < len(starts) else len(text)
    found = [i for i in range(lo, hi) if text.startswith(word, i)]
    return found[min(k, len(found)) - 1] if found else None


# ---------------------------------------------------------------------------------------------
# scoring


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1 if a1 > a0 and b1 > b0 else a0 <= b1 and b0 <= a1


def score(tool: Brieflint | External, devset: DevSet, examples: int = 0) -> Score:
    result = Score(tool.name, devset.name, documents=len(devset.cases))
    began = time.perf_counter()
    flagged = tool.flags([c.text for c in devset.cases])
    cleans = [c.clean for c in devset.cases if c.clean is not None]
    clean_texts = _unique(cleans)
    clean_flags = tool.flags(clean_texts)
    result.seconds = time.perf_counter() - began
    for case, flags in zip(devset.cases, flagged, strict=True):
        _score_case(result, case, flags, examples)
    for text, flags in zip(clean_texts, clean_flags, strict=True):
        result.clean_findings.update(f.rule for f in flags)
        for f in flags if examples else ():
            shown = result.examples_clean.setdefault(f.rule, [])
            if len(shown) < examples:
                fixed = " (fixed)" if f.fix_edits else ""
                shown.append(_context(text, f.start, f.end) + fixed)
        result.clean_fix_edits += sum(f.fix_edits for f in flags)
        if sum(f.severity in SEVERE for f in flags) > 2:
            result.clean_docs_over_2 += 1
    return result


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _score_case(result: Score, case: Case, flags: list[Flag], examples: int) -> None:
    scored = [d for d in case.defects if not d.kind.startswith("spelling:")]
    for d in scored:
        result.defects[d.kind] += 1
        hits = [f for f in flags if _overlaps(f.start, f.end, d.start, d.end)]
        if hits:
            result.found[d.kind] += 1
            if d.right is not None:
                with_sugg = [f for f in hits if f.suggestion is not None]
                if with_sugg:
                    result.suggested += 1
                    result.suggested_right += _suggests(case.text, d, with_sugg[0])
        elif examples:
            missed = result.examples_missed.setdefault(d.kind, [])
            if len(missed) < examples:
                missed.append(_context(case.text, d.start, d.end))
    for f in flags:
        if any(_overlaps(f.start, f.end, d.start, d.end) for d in case.defects):
            result.rule_tp[f.rule] += 1
        else:
            result.rule_fp[f.rule] += 1
            if examples:
                false = result.examples_false.setdefault(f.rule, [])
                if len(false) < examples:
                    false.append(_context(case.text, f.start, f.end))


def _suggests(text: str, defect: Defect, flag: Flag) -> bool:
    """Would the finding's first suggestion make the defect's passage read right?"""
    assert flag.suggestion is not None and defect.right is not None
    lo, hi = min(flag.start, defect.start), max(flag.end, defect.end)
    fixed = text[lo : flag.start] + flag.suggestion + text[flag.end : hi]
    right = text[lo : defect.start] + defect.right + text[defect.end : hi]
    return fixed == right


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 25) : start].replace("\n", "⏎")
    after = text[end : end + 25].replace("\n", "⏎")
    return f"{before}[{text[start:end]}]{after}".replace("\n", "⏎")


# ---------------------------------------------------------------------------------------------
# report


def report(scores: list[Score]) -> str:
    lines: list[str] = []
    by_set: dict[str, list[Score]] = defaultdict(list)
    for s in scores:
        by_set[s.set].append(s)
    for name, group in by_set.items():
        first = group[0]
        lines.append(f"\n## {name} ({first.documents} documents)\n")
        lines.append(
            "| tool | recall | precision | first suggestion right | clean: findings | "
            "clean: safe-fix edits | clean: docs > 2 warnings | s |"
        )
        lines.append("|---|---|---|---|---|---|---|---|")
        for s in group:
            sugg = f"{s.suggested_right}/{s.suggested}" if s.suggested else "-"
            lines.append(
                f"| {s.tool} | {s.recall():.2f} | {s.precision:.2f} | {sugg} | "
                f"{sum(s.clean_findings.values())} | {s.clean_fix_edits} | "
                f"{s.clean_docs_over_2} | {s.seconds:.1f} |"
            )
        kinds = sorted(first.defects, key=lambda k: -first.defects[k])
        lines.append("\nrecall per kind of damage (* = left out of the headline recall)\n")
        lines.append("| kind | defects | " + " | ".join(s.tool for s in group) + " |")
        lines.append("|---|---|" + "---|" * len(group))
        for k in kinds:
            mark = "*" if k in devsets.UNSCORED else ""
            cells = " | ".join(f"{s.found[k] / first.defects[k]:.2f}" for s in group)
            lines.append(f"| {k}{mark} | {first.defects[k]} | {cells} |")
        lines.append("\nfindings per rule (brieflint) or tool: true / false / precision\n")
        lines.append("| rule | true | false | precision | on clean text |")
        lines.append("|---|---|---|---|---|")
        for s in group:
            for r in sorted(set(s.rule_tp) | set(s.rule_fp) | set(s.clean_findings)):
                tp, fp = s.rule_tp[r], s.rule_fp[r]
                prec = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
                lines.append(f"| {r} | {tp} | {fp} | {prec} | {s.clean_findings[r]} |")
        for s in group:
            if s.tool == "brieflint":
                tp, fp, prec = s.rules_precision(WHITESPACE_RULES)
                lines.append(
                    f"\nwhitespace and layout rules ({', '.join(WHITESPACE_RULES)}): "
                    f"{tp} true, {fp} false, precision {prec:.2f}"
                )
            for k, items in s.examples_missed.items():
                lines.append(f"\n{s.tool} missed ({k}): " + "  ".join(items))
            for r, items in s.examples_false.items():
                lines.append(f"\n{s.tool} false ({r}): " + "  ".join(items))
            for r, items in s.examples_clean.items():
                lines.append(f"\n{s.tool} on clean text ({r}): " + "  ".join(items))
    return "\n".join(lines)


def default_data() -> Path:
    """``../shared/data`` beside the repository, or beside a folder above it (a work tree)."""
    for folder in REPO.parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return REPO.parent / "shared" / "data"


def load_sets(which: str, data: Path, limit: int | None) -> list[DevSet]:
    sets: list[DevSet] = []
    if which in ("all", "acl"):
        if (data / "acl-dev").is_dir():
            sets.extend(devsets.acl(data / "acl-dev", limit))
        else:
            print(f"no ACL dev set in {data}", file=sys.stderr)
    if which in ("all", "bln"):
        if (data / "bln600-train").is_dir():
            sets.append(devsets.bln(data / "bln600-train", limit))
        else:
            print(f"no BLN600 dev set in {data}", file=sys.stderr)
    if which in ("all", "corpus"):
        sets.append(devsets.corpus(REPO, limit))
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=["all", "acl", "bln", "corpus"], default="all")
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument("--no-others", action="store_true", help="brieflint only")
    parser.add_argument("--select", action="append", default=[], help="brieflint rules (prefix)")
    parser.add_argument("--examples", type=int, default=0, help="show N misses and false alarms")
    args = parser.parse_args(argv)
    tools: list[Brieflint | External] = [Brieflint(args.select)]
    if not args.no_others:
        tools.extend(External.available())
    scores = [
        score(tool, devset, args.examples)
        for devset in load_sets(args.set, args.data, args.limit)
        for tool in tools
    ]
    if args.json:
        print(json.dumps([s.as_json() for s in scores], indent=1))
    else:
        print(report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
