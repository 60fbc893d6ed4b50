"""Baselines: record the findings an archive already has, then report only new ones.

A finding's fingerprint does not use its line or column, so it survives lines added or removed
elsewhere in the draft. It hashes the rule, the matched text (``Finding.context``), a few
characters either side within its paragraph (whitespace runs collapsed and trimmed, so re-wrapping a
paragraph keeps it; paragraphs added or removed around it do not matter), and the finding's index
among findings in the same file with the same rule, match and surroundings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from brieflint import sources
from brieflint.errors import BrieflintError
from brieflint.findings import Finding

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 200_000_000  # some hundred thousand findings; a device never ends
DEFAULT_FILE = ".brieflint-baseline.json"
AROUND = 24  # characters of surrounding text kept each side, after collapsing whitespace
_RAW = AROUND * 4  # characters read each side before collapsing
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to AROUND characters either side, within the finding's paragraph."""
    before = _PARAGRAPH_BREAK.split(text[max(0, start - _RAW) : start])[-1]
    after = _PARAGRAPH_BREAK.split(text[end : end + _RAW])[0]
    return " ".join(before.split())[-AROUND:], " ".join(after.split())[:AROUND]


def fingerprints(findings: Sequence[Finding], texts: Mapping[str, str]) -> list[str]:
    """One fingerprint per finding (same order); unique within a file.

    Without the file's text in ``texts`` the surroundings are left out (the match and the
    occurrence index still tell findings apart).
    """
    keys: list[tuple[str, str, str, str, str]] = []
    for f in findings:
        text = texts.get(f.path)
        before, after = _around(text, f.start, f.end) if text is not None else ("", "")
        keys.append((f.path, f.rule, f.context, before, after))
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].start, i))
    seen: Counter[tuple[str, str, str, str, str]] = Counter()
    result = [""] * len(findings)
    for i in order:
        key = keys[i]
        occurrence = seen[key]
        seen[key] += 1
        _, rule, match, before, after = key
        payload = "\0".join((rule, match, before, after, str(occurrence)))
        result[i] = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return result


def relative_path(path: str, root: Path) -> str:
    """``path`` (as findings name it) relative to ``root``, in POSIX form; absolute if outside."""
    if path == "-" or path.startswith("<"):
        return path
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    match: str = ""


def entries(findings: Sequence[Finding], texts: Mapping[str, str], root: Path) -> list[Entry]:
    """Baseline entries for ``findings``, paths relative to ``root``, sorted."""
    prints = fingerprints(findings, texts)
    made = {
        Entry(relative_path(f.path, root), f.rule, fp, f.context)
        for f, fp in zip(findings, prints, strict=True)
    }
    return sorted(made, key=lambda e: (e.path, e.rule, e.fingerprint))


def dumps(items: Iterable[Entry]) -> str:
    payload = {
        "version": BASELINE_VERSION,
        "tool": "brieflint",
        "findings": [
            {"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint, "match": e.match}
            for e in items
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def root_of(baseline_file: Path) -> Path:
    """The folder that a baseline's paths are relative to: the baseline file's own."""
    return Path(os.path.abspath(baseline_file)).parent


def load(path: Path) -> set[tuple[str, str]]:
    """The ``(path, fingerprint)`` pairs recorded in the baseline file ``path``."""
    from pydantic import BaseModel, ConfigDict, ValidationError

    class _Entry(BaseModel):
        model_config = ConfigDict(extra="ignore")
        path: str
        rule: str
        fingerprint: str

    class _File(BaseModel):
        model_config = ConfigDict(extra="ignore")
        version: Literal[1]
        findings: list[_Entry]

    shown = str(path)
    if not Path(path).exists():
        raise BrieflintError(
            "baseline file not found (create it with `brieflint baseline create`)", path=shown
        )
    # a regular file of a bounded size: not a device or FIFO, which would never end
    data_bytes = sources.read_file(str(path), shown, MAX_BASELINE_BYTES, what="baseline file")
    try:
        raw = data_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BrieflintError(f"cannot read baseline: {exc}", path=shown) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BrieflintError(
            f"not valid JSON: {exc.msg}", path=shown, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise BrieflintError("not valid JSON: nested too deeply", path=shown) from None
    try:
        parsed = _File.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or None
        if first["loc"] and first["loc"][0] == "version":
            message = f"unsupported baseline version (this brieflint reads {BASELINE_VERSION})"
        else:
            message = first["msg"]
        raise BrieflintError(message, path=shown, key=key) from None
    return {(e.path, e.fingerprint) for e in parsed.findings}


def apply(
    path: Path, findings: Sequence[Finding], texts: Mapping[str, str]
) -> tuple[list[Finding], int]:
    """Findings not recorded in the baseline file ``path``, and how many were recorded."""
    known = load(path)
    root = root_of(path)
    prints = fingerprints(findings, texts)
    kept: list[Finding] = []
    for f, fp in zip(findings, prints, strict=True):
        if (relative_path(f.path, root), fp) not in known:
            kept.append(f)
    return kept, len(findings) - len(kept)
