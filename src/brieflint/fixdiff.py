"""What ``brieflint fix --diff`` prints: the words each fix changes, with the rules that changed
them, instead of whole lines (a paragraph of extracted text is one line of 1,000 characters).

Plain text follows ``git diff --word-diff``: ``[-removed-]{+inserted+}`` inside a little context;
on a terminal the removed text is red and the inserted text green, without the brackets. Line
breaks inside a change show as ⏎.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from brieflint.findings import Edit, Finding
from brieflint.fixer import FixResult

CONTEXT = 30  # characters of unchanged text shown on each side of a change, at most
JOIN_GAP = 12  # changes closer than this are shown together
_TOKEN = regex.compile(r"\r\n|[\r\n]|[\p{L}\p{M}\p{N}_]+|[^\S\r\n]+|.", regex.DOTALL)
_RED, _GREEN, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m"


@dataclass(frozen=True, slots=True)
class Change:
    """``before[a0:a1]`` became ``after[b0:b1]``."""

    a0: int
    a1: int
    b0: int
    b1: int


@dataclass(frozen=True, slots=True)
class Hunk:
    """Changes near each other, shown on one line, with the rules that made them."""

    changes: tuple[Change, ...]
    rules: tuple[str, ...]


def changes(before: str, after: str) -> list[Change]:
    """The word-level differences between ``before`` and ``after``, in order."""
    old_lines = before.splitlines(keepends=True)
    new_lines = after.splitlines(keepends=True)
    old_starts = _starts(old_lines)
    new_starts = _starts(new_lines)
    found: list[Change] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old_starts[i1], new_starts[j1]
        found.extend(_word_changes("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2]), a, b))
    return found


def _starts(lines: Sequence[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _word_changes(old: str, new: str, a: int, b: int) -> Iterator[Change]:
    old_tokens = _TOKEN.findall(old)
    new_tokens = _TOKEN.findall(new)
    old_at = _starts(old_tokens)
    new_at = _starts(new_tokens)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield Change(a + old_at[i1], a + old_at[i2], b + new_at[j1], b + new_at[j2])


def _shift(pos: int, edits: Sequence[Edit]) -> int:
    """Where offset ``pos`` of a round's text is after that round's ``edits``."""
    delta = 0
    for e in edits:
        if e.start >= pos and not (e.start == e.end == pos):
            break
        if e.end <= pos:
            delta += len(e.replacement) - (e.end - e.start)
        else:  # inside the edit: its start, moved
            return e.start + delta + min(pos - e.start, len(e.replacement))
    return pos + delta


def _unshift(pos: int, edits: Sequence[Edit]) -> int:
    """Where offset ``pos`` of the text after a round's ``edits`` was before them."""
    return _shift(pos, _inverse(edits))


def _inverse(edits: Sequence[Edit]) -> list[Edit]:
    """The edits that undo ``edits`` (sorted, non-overlapping), in the edited text's offsets."""
    out, delta = [], 0
    for e in edits:
        start = e.start + delta
        out.append(Edit(start, start + len(e.replacement), "x" * (e.end - e.start)))
        delta += len(e.replacement) - (e.end - e.start)
    return out


@dataclass(frozen=True, slots=True)
class _Span:
    """Where an applied fix's edit lies in the original text (a0, a1) and the fixed one."""

    a0: int
    a1: int
    b0: int
    b1: int
    rule: str


def applied_spans(result: FixResult) -> list[_Span]:
    """Each applied fix's edits, placed in the original and in the fixed text."""
    spans: list[_Span] = []
    rounds = [_edits_of(r.applied) for r in result.history]
    for k, done in enumerate(result.history):
        for finding in done.applied:
            for edit in finding.fix.edits if finding.fix else ():
                a0, a1 = edit.start, edit.end
                for earlier in reversed(rounds[:k]):
                    a0, a1 = _unshift(a0, earlier), _unshift(a1, earlier)
                b0 = _shift(edit.start, [e for e in rounds[k] if e.end <= edit.start])
                b1 = b0 + len(edit.replacement)
                for later in rounds[k + 1 :]:
                    b0, b1 = _shift(b0, later), _shift(b1, later)
                spans.append(_Span(a0, a1, b0, b1, finding.rule))
    return spans


def _edits_of(findings: Sequence[Finding]) -> list[Edit]:
    return sorted((e for f in findings if f.fix for e in f.fix.edits), key=lambda e: e.start)


def hunks(before: str, result: FixResult) -> list[Hunk]:
    """The changes from ``before`` to ``result.text``, grouped, each with its rules."""
    found = changes(before, result.text)
    spans = applied_spans(result)
    groups: list[list[Change]] = []
    for change in found:
        if (
            groups
            and change.a0 - groups[-1][-1].a1 < JOIN_GAP
            and not _line_between(before, groups[-1][-1].a1, change.a0)
        ):
            groups[-1].append(change)
        else:
            groups.append([change])
    out = []
    for group in groups:
        a0, a1, b0, b1 = group[0].a0, group[-1].a1, group[0].b0, group[-1].b1
        rules = {
            s.rule for s in spans if (s.a1 >= a0 and s.a0 <= a1) or (s.b1 >= b0 and s.b0 <= b1)
        }
        out.append(Hunk(tuple(group), tuple(sorted(rules))))
    return out


def _line_between(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end] or "\r" in text[start:end]


_INVISIBLE = regex.compile(r"[^\S \t\r\n]|[\p{Cf}\p{Cc}\p{Co}](?<![\t\r\n])")


def _visible(text: str) -> str:
    """``text`` on one line, with what cannot be seen named: line breaks as ⏎, a soft hyphen
    or other invisible character as ⟨U+00AD⟩."""
    text = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def _context_before(text: str, end: int) -> str:
    line_start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
    start = max(line_start, end - CONTEXT)
    if start > line_start:
        space = text.find(" ", start, end)
        start = space + 1 if space != -1 else start
        return "…" + text[start:end]
    return text[start:end]


def _context_after(text: str, start: int) -> str:
    ends = [p for p in (text.find("\n", start), text.find("\r", start)) if p != -1]
    line_end = min(ends) if ends else len(text)
    end = min(line_end, start + CONTEXT)
    if end < line_end:
        space = text.rfind(" ", start, end)
        end = space if space > start else end
        return text[start:end] + "…"
    return text[start:end]


def render(name: str, before: str, result: FixResult, color: bool) -> str:
    """The word diff of one file: a header, then a line per hunk with its position and rules."""
    if not result.changed:
        return ""
    after = result.text
    lines = [f"--- a/{name}", f"+++ b/{name}"]
    line_starts = [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", before)]
    for hunk in hunks(before, result):
        first = hunk.changes[0]
        line = bisect.bisect_right(line_starts, first.a0)
        column = first.a0 - line_starts[line - 1] + 1
        rules = ", ".join(hunk.rules) or "?"
        head = f"@@ {name}:{line}:{column} @@ {rules}"
        parts = [_visible(_context_before(before, first.a0))]
        for k, change in enumerate(hunk.changes):
            if k:
                parts.append(_visible(before[hunk.changes[k - 1].a1 : change.a0]))
            parts.append(_mark(before[change.a0 : change.a1], after[change.b0 : change.b1], color))
        parts.append(_visible(_context_after(before, hunk.changes[-1].a1)))
        lines.append(f"{_DIM}{head}{_RESET}" if color else head)
        lines.append("".join(parts))
    return "\n".join(lines) + "\n"


def _mark(old: str, new: str, color: bool) -> str:
    old, new = _visible(old), _visible(new)
    if color:
        return (f"{_RED}{old}{_RESET}" if old else "") + (f"{_GREEN}{new}{_RESET}" if new else "")
    return (f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else "")
