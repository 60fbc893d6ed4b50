"""Metadata of a draft: front matter (Markdown) or fields found on the cover (plain text).

A cover field is found by a pattern tried on each of the first lines (stripped of surrounding
white space); the group ``value`` (or the whole match) is the value. ``after`` names a field whose
line the search starts after, when that field was found. A line gives at most one field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.patterns import TIMEOUT_SECONDS


@dataclass(frozen=True, slots=True)
class Value:
    """A field's value and where it stands: ``start``/``end`` into the text."""

    value: Any
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class CoverRule:
    field: str
    pattern: str
    after: str | None = None


def front_matter(doc: Document) -> dict[str, Value]:
    """Front matter keys with the span of the key's line."""
    fm = doc.front_matter
    if fm is None:
        return {}
    found: dict[str, Value] = {}
    for key, value in fm.data.items():
        line = fm.line_of(str(key)) or 1
        start, end = doc.lines.line_span(line)
        found[str(key)] = Value(value, start, end, line)
    return found


def item_line(doc: Document, key: str, index: int) -> int | None:
    """Line of the ``index``-th item of a front matter list."""
    if doc.front_matter is None:
        return None
    return doc.front_matter.located.line_of((key, index))


def cover(doc: Document, rules: Sequence[CoverRule], max_lines: int) -> dict[str, Value]:
    """Fields found on the first ``max_lines`` lines of the body."""
    first = doc.position(doc.front_matter.end)[0] if doc.front_matter else 1
    last = min(doc.lines.line_count, first + max_lines - 1)
    claimed: set[int] = set()
    found: dict[str, Value] = {}
    for rule in rules:
        begin = first
        if rule.after is not None and rule.after in found:
            begin = found[rule.after].line + 1
        pattern = regex.compile(rule.pattern)
        for line in range(begin, last + 1):
            if line in claimed:
                continue
            start, end = doc.lines.line_span(line)
            text = doc.text[start:end]
            lead = len(text) - len(text.lstrip())
            m = match(pattern, text.strip(), "search")
            if m is None:
                continue
            group = "value" if "value" in pattern.groupindex else 0
            s, e = m.span(group)
            if s < 0:
                s, e = m.span()
            found[rule.field] = Value(
                m.group(group) or "", start + lead + s, start + lead + e, line
            )
            claimed.add(line)
            break
    return found


def match(pattern: str | regex.Pattern[str], text: str, how: str = "match") -> Any:
    """``regex`` ``match``/``search``/``fullmatch`` of a style's pattern, with a time limit."""
    compiled = regex.compile(pattern) if isinstance(pattern, str) else pattern
    try:
        return getattr(compiled, how)(text, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise BrieflintError(
            f"regular expression {compiled.pattern!r} took longer than {TIMEOUT_SECONDS:g}s "
            "(catastrophic backtracking?); fix the rule's pattern"
        ) from None


def parse_date(value: Any, formats: Sequence[str]) -> dt.date | None:
    """A date from a YAML date or a string in one of ``formats`` (strptime); None if invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


_FORMAT_NAMES: Mapping[str, str] = {
    "%d": "DD",
    "%m": "MM",
    "%Y": "YYYY",
    "%y": "YY",
    "%B": "Month",
    "%b": "Mon",
    "%-d": "D",
}


def describe_format(fmt: str) -> str:
    """``%d.%m.%Y`` → ``DD.MM.YYYY``."""
    for code, name in _FORMAT_NAMES.items():
        fmt = fmt.replace(code, name)
    return fmt
