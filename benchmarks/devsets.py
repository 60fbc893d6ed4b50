"""Dev sets with known damage, as documents to lint and the defects each one holds.

Three sources (see ``../shared/data/README.md`` and ``tests/data/dev/README.md``):

- ACL (``corrupt.txt``, ``correct.txt``, ``spelling.txt``): PDF extraction of papers. The
  whitespace truth is where ``corrupt`` and ``correct`` differ in spaces (their other characters
  are the same); the spelling truth is the words of ``correct`` that ``spelling`` writes
  otherwise. Consecutive paragraphs of one paper make one document (a block each).
- BLN600 (``train.csv``): OCR of 19th-century newspapers; one document per article, its rows as
  blocks; the OCR words that differ from the ground truth, aligned word by word, are the truth.
- the injected corpus of ``tests/test_ocr_corpus.py``: correct paragraphs with artefacts of one
  kind injected by a seeded generator.

Every defect has a kind (what the damage is, not which rule should find it) and, where known,
the right text, so that a finding's first suggestion can be judged.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

# marks that differ between extraction and truth without a word being misread
PUNCTUATION = frozenset(".,;:!?'\"‘’“”()[]-–—/")


@dataclass(frozen=True)
class Defect:
    start: int  # code-point offsets in the document's text
    end: int
    kind: str
    right: str | None = None  # what text[start:end] should read, when known


@dataclass
class Case:
    """One document to lint, with the defects it holds; ``clean`` is its correct version."""

    name: str
    text: str
    defects: list[Defect] = field(default_factory=list)
    clean: str | None = None


@dataclass
class DevSet:
    name: str
    cases: list[Case]
    description: str = ""


# ---------------------------------------------------------------------------------------------
# kinds of damage


def _alnum(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def classify(wrong: str, right: str, *, sentence_start: bool = False) -> str:
    """The kind of damage that turned ``right`` into ``wrong`` (both may hold spaces)."""
    if " " in wrong or " " in right:
        w, r = wrong.replace(" ", ""), right.replace(" ", "")
        if w.replace("-", "") == r.replace("-", "") and "-" in wrong and "-" not in right:
            return "hyphenation"
        if w == r:
            return "split" if wrong.count(" ") > right.count(" ") else "run-together"
        if wrong.count(" ") != right.count(" "):
            return "whitespace+spelling"
    if "-" in wrong and wrong.replace("-", "") == right.replace("-", "") and "-" not in right:
        return "hyphenation"
    if wrong.casefold() == right.casefold():
        return "case"
    if _alnum(wrong) == _alnum(right):
        changed = set(wrong) ^ set(right)
        return "punctuation" if changed <= PUNCTUATION else "symbol"
    if _alnum(wrong).casefold() == _alnum(right).casefold():
        return "case"
    if any(c.isdigit() for c in wrong) and sum(c.isdigit() for c in right) < sum(
        c.isdigit() for c in wrong
    ):
        return "digit-for-letter"
    core = right.strip("".join(PUNCTUATION))
    if core[:1].isupper() and not core.isupper() and not sentence_start:
        return "name"
    core_wrong = wrong.strip("".join(PUNCTUATION))
    if core_wrong.isalpha() and _zipf(core_wrong.casefold()) >= 3.0:
        return "real-word"
    if core_wrong.isalpha() and _zipf(core_wrong.casefold()) > 0:
        return "rare-word"
    return "misspelling"


# kinds left out of a set's headline recall: nothing a spelling or extraction check can judge
UNSCORED = frozenset({"punctuation", "case"})


# ---------------------------------------------------------------------------------------------
# ACL


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _space_map(corrupt: str, correct: str) -> tuple[list[int], list[Defect]]:
    """Offsets of ``correct``'s characters in ``corrupt`` and the whitespace defects of
    ``corrupt`` (their other characters are the same, in order)."""
    where: list[int] = [0] * (len(correct) + 1)
    defects: list[Defect] = []
    i = j = 0
    while i < len(corrupt) or j < len(correct):
        a = corrupt[i] if i < len(corrupt) else ""
        b = correct[j] if j < len(correct) else ""
        if a == b:
            where[j] = i
            i, j = i + 1, j + 1
        elif a == " ":
            s, e = _token(corrupt, i)
            defects.append(Defect(s, e, "split", corrupt[s:i] + corrupt[i + 1 : e]))
            i += 1
        elif b == " ":
            where[j] = i
            s, e = _token(corrupt, i)
            defects.append(Defect(s, e, "run-together", corrupt[s:i] + " " + corrupt[i:e]))
            j += 1
        else:  # not the same characters: give up on this line's whitespace truth
            return [min(k, len(corrupt)) for k in range(len(correct) + 1)], []
    where[len(correct)] = len(corrupt)
    return where, _merge_splits(corrupt, defects)


def _merge_splits(text: str, defects: list[Defect]) -> list[Defect]:
    """One defect for a word cut in several places ("t o o t h e r s", "transfor ma tion")."""
    merged: list[Defect] = []
    for d in defects:
        last = merged[-1] if merged else None
        if last is not None and d.kind == last.kind == "split" and d.start < last.end:
            merged[-1] = Defect(last.start, max(last.end, d.end), "split")
        else:
            merged.append(d)
    # the right form: the word without the spaces that split it
    return [
        Defect(d.start, d.end, d.kind, text[d.start : d.end].replace(" ", ""))
        if d.kind == "split"
        else d
        for d in merged
    ]


def _token(text: str, at: int) -> tuple[int, int]:
    """The run of non-space characters around ``at`` (both sides of a space at ``at``)."""
    s = at
    while s > 0 and text[s - 1] != " ":
        s -= 1
    e = at + 1 if at < len(text) and text[at] == " " else at
    while e < len(text) and text[e] != " ":
        e += 1
    return s, e


def _token_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, c in enumerate(text + " "):
        if c.isspace():
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    return spans


def word_diff(wrong: str, right: str) -> Iterator[Defect]:
    """The words of ``wrong`` that ``right`` writes otherwise, aligned word by word."""
    ws, rs = _token_spans(wrong), _token_spans(right)
    wt = [wrong[s:e] for s, e in ws]
    rt = [right[s:e] for s, e in rs]
    matcher = difflib.SequenceMatcher(None, wt, rt, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or i1 == i2:
            continue  # a word missing from ``wrong`` has no place to point at
        yield from _pair(wrong, ws[i1:i2], rt[j1:j2], rt[:j1])


def _pair(
    wrong: str, spans: list[tuple[int, int]], rights: list[str], before: list[str]
) -> Iterator[Defect]:
    def starts_sentence(k: int) -> bool:
        prev = (before + rights)[len(before) + k - 1] if len(before) + k else ""
        return not prev or prev[-1] in ".!?:\"'”’"

    words = [wrong[s:e] for s, e in spans]
    if len(spans) == len(rights):
        for k, ((s, e), w, r) in enumerate(zip(spans, words, rights, strict=True)):
            yield Defect(s, e, classify(w, r, sentence_start=starts_sentence(k)), r)
        return
    # unequal counts: find joins and splits word by word, the rest as one defect
    i = j = 0
    while i < len(words) and j < len(rights):
        for a, b in ((2, 1), (1, 2), (3, 1), (1, 3)):
            w = " ".join(words[i : i + a])
            r = " ".join(rights[j : j + b])
            if (
                i + a <= len(words)
                and j + b <= len(rights)
                and w.replace(" ", "") == r.replace(" ", "")
            ):
                s, e = spans[i][0], spans[i + a - 1][1]
                yield Defect(s, e, classify(wrong[s:e], r), r)
                i, j = i + a, j + b
                break
        else:
            if len(words) - i == len(rights) - j:
                s, e = spans[i]
                yield Defect(s, e, classify(words[i], rights[j], sentence_start=starts_sentence(j)))
                i, j = i + 1, j + 1
            else:
                s, e = spans[i][0], spans[-1][1]
                r = " ".join(rights[j:])
                yield Defect(s, e, classify(wrong[s:e], r), r)
                return
    if i < len(words):
        s, e = spans[i][0], spans[-1][1]
        yield Defect(s, e, "noise", "")


def _blocks(parts: list[str]) -> tuple[str, list[int]]:
    """Blocks joined by blank lines, with each block's offset."""
    offsets, pos = [], 0
    for p in parts:
        offsets.append(pos)
        pos += len(p) + 2
    return "\n\n".join(parts) + "\n", offsets


def acl(folder: Path, limit: int | None = None) -> tuple[DevSet, DevSet]:
    """Two sets: whitespace (``corrupt.txt``) and spelling (``correct.txt``)."""
    corrupt, correct, spelling = (
        _lines(folder / n) for n in ("corrupt.txt", "correct.txt", "spelling.txt")
    )
    sources_file = folder / "source_files.txt"
    sources = (
        _lines(sources_file) if sources_file.exists() else [str(i) for i in range(len(correct))]
    )
    rows = [
        (src, a, b, c)
        for src, a, b, c in zip(sources, corrupt, correct, spelling, strict=False)
        if b.strip()
    ]
    ws_cases: list[Case] = []
    sp_cases: list[Case] = []
    for n, (src, group) in enumerate(itertools.groupby(rows, key=lambda r: r[0])):
        if limit is not None and n >= limit:
            break
        paras = list(group)
        ws_text, ws_off = _blocks([p[1] for p in paras])
        sp_text, sp_off = _blocks([p[2] for p in paras])
        clean, _ = _blocks([p[3] for p in paras])
        ws = Case(f"acl-{n:03}", ws_text, clean=clean)
        sp = Case(f"acl-{n:03}", sp_text, clean=clean)
        for (_, bad, good, right), wo, so in zip(paras, ws_off, sp_off, strict=True):
            where, spaces = _space_map(bad, good)
            ws.defects.extend(Defect(d.start + wo, d.end + wo, d.kind, d.right) for d in spaces)
            for d in word_diff(good, right):
                sp.defects.append(Defect(d.start + so, d.end + so, d.kind, d.right))
                # the same misspelling in the whitespace set: found there, it is no false alarm
                ws.defects.append(
                    Defect(where[d.start] + wo, where[d.end] + wo, "spelling:" + d.kind, None)
                )
        ws_cases.append(ws)
        sp_cases.append(sp)
        del src
    return (
        DevSet("acl-ws", ws_cases, "ACL extraction, spaces lost and added (corrupt.txt)"),
        DevSet("acl-spell", sp_cases, "ACL extraction, misspellings (correct.txt)"),
    )


# ---------------------------------------------------------------------------------------------
# BLN600


def bln(folder: Path, limit: int | None = None) -> DevSet:
    csv.field_size_limit(sys.maxsize)
    with (folder / "train.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cases: list[Case] = []
    for n, (sample, group) in enumerate(itertools.groupby(rows, key=lambda r: r["Sample ID"])):
        if limit is not None and n >= limit:
            break
        parts = list(group)
        ocr = [p["OCR Text"].strip() for p in parts]
        truth = [p["Ground Truth"].strip() for p in parts]
        text, offsets = _blocks(ocr)
        clean, _ = _blocks(truth)
        case = Case(f"bln-{sample}", text, clean=clean)
        for o, t, off in zip(ocr, truth, offsets, strict=True):
            case.defects.extend(
                Defect(d.start + off, d.end + off, d.kind, d.right) for d in word_diff(o, t)
            )
        cases.append(case)
    return DevSet("bln", cases, "BLN600 newspaper OCR (train.csv), one file per article")


# ---------------------------------------------------------------------------------------------
# the injected corpus of the test suite


def corpus(repo: Path, limit: int | None = None) -> DevSet:
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from tests import test_ocr_corpus as injected

    cases: list[Case] = []
    for rule in sorted(injected.THRESHOLDS):
        for seed in range(injected.TRIALS if limit is None else min(limit, injected.TRIALS)):
            text, spans = injected.trial_case(rule, seed)
            defects = [Defect(s, e, rule) for s, e in spans]
            cases.append(Case(f"{rule}-{seed}", text, defects, injected.clean_text()))
    return DevSet("corpus", cases, "the test suite's injected artefacts (tests/test_ocr_corpus.py)")
