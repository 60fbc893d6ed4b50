"""Apply the fixes findings carry, and re-lint until nothing more changes.

A finding's ``fix`` holds one or more edits that go together, and its applicability: only safe
fixes are applied unless unsafe ones are asked for too (``brieflint fix --unsafe-fixes``).
Fixes are applied right to left in one pass; a fix that overlaps one already taken is skipped for
this round and is looked at again, on the new text, in the next. Text outside the edited spans
is kept exactly (line endings too).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from brieflint.decode import bom_of
from brieflint.findings import Applicability, Edit, Finding, Fix

MAX_ROUNDS = 8


@dataclass(frozen=True)
class Round:
    """One round of fixing: the text it started from and the findings whose fixes it applied
    (their edits are offsets into ``text``)."""

    text: str
    applied: tuple[Finding, ...]


@dataclass
class FixResult:
    text: str
    applied: list[Finding] = field(default_factory=list)  # every finding whose fix was applied
    rounds: int = 0
    # findings of the last round with a fix of a tier that was not asked for
    withheld: list[Finding] = field(default_factory=list)
    history: list[Round] = field(default_factory=list)  # the rounds that changed the text

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        # an insertion conflicts with an edit around the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def split_fixes(
    findings: Iterable[Finding], unsafe: bool
) -> tuple[list[tuple[Finding, Fix]], list[Finding]]:
    """The findings with a fix, split into the fixes to apply (the safe ones, and the unsafe
    ones too when ``unsafe``) and the findings whose fixes are withheld."""
    offered: list[tuple[Finding, Fix]] = []
    withheld: list[Finding] = []
    for f in findings:
        if f.fix is None or not f.fix.edits:
            continue
        if unsafe or f.fix.applicability is Applicability.SAFE:
            offered.append((f, f.fix))
        else:
            withheld.append(f)
    return offered, withheld


def choose(fixes: Iterable[tuple[Finding, Fix]]) -> list[tuple[Finding, Fix]]:
    """Non-overlapping fixes, the earliest in the text first; the others wait for a later round."""
    taken: list[tuple[Finding, Fix]] = []
    spans: list[tuple[int, int]] = []  # taken edits, sorted by start
    ordered = sorted(fixes, key=lambda item: (item[1].edits[0].start, item[1].edits[-1].end))
    for finding, fix in ordered:
        if not fix.edits or any(_conflicts(spans, e) for e in fix.edits):
            continue
        taken.append((finding, fix))
        for e in fix.edits:
            bisect.insort(spans, (e.start, e.end))
    return taken


def _conflicts(spans: list[tuple[int, int]], edit: Edit) -> bool:
    i = bisect.bisect_left(spans, (edit.start, edit.end))
    return any(0 <= j < len(spans) and _overlaps(Edit(*spans[j], ""), edit) for j in (i - 1, i))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (right to left, so offsets stay valid)."""
    out: list[str] = []
    end = len(text)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if edit.end > end or edit.start > edit.end or edit.start < 0:
            raise ValueError(f"overlapping or invalid edit {edit}")
        out.append(text[edit.end : end])
        out.append(edit.replacement)
        end = edit.start
    out.append(text[:end])
    return "".join(reversed(out))


def fix_text(
    text: str,
    lint: Callable[[str], list[Finding]],
    max_rounds: int = MAX_ROUNDS,
    unsafe: bool = False,
) -> FixResult:
    """Fix ``text`` with the safe fixes ``lint`` offers (and the unsafe ones when ``unsafe``),
    round after round until stable."""
    result = FixResult(text)
    for _ in range(max_rounds):
        offered, result.withheld = split_fixes(lint(result.text), unsafe)
        chosen = choose(offered)
        if not chosen:
            break
        new_text = apply_edits(result.text, [e for _, fix in chosen for e in fix.edits])
        result.rounds += 1
        if new_text == result.text:
            break
        result.applied.extend(f for f, _ in chosen)
        result.history.append(Round(result.text, tuple(f for f, _ in chosen)))
        result.text = new_text
    return result


def encode_like(original: bytes, text: str) -> bytes:
    """Encode ``text`` as ``original`` was: UTF-8, UTF-16 or UTF-32, with its BOM if it had one."""
    found = bom_of(original)
    if found is None:
        return text.encode("utf-8")
    bom, codec = found
    return bom + text.encode(codec)
