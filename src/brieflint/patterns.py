"""User-written regular expressions: compiled once, validated in config, run with a time limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import regex
from pydantic import AfterValidator

from brieflint.errors import BrieflintError

TIMEOUT_SECONDS = 2.0


def _compiles(value: str) -> str:
    try:
        regex.compile(value)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {value!r}: {exc}") from None
    return value


Pattern = Annotated[str, AfterValidator(_compiles)]


def words_pattern(words: list[str]) -> str:
    """A pattern matching any of ``words`` (literal phrases) as whole words."""
    alternatives = sorted(
        {regex.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True
    )
    return r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"


def finditer(
    pattern: str | Any, text: str, *, flags: int = 0, pos: int = 0, endpos: int | None = None
) -> Iterator[Any]:
    """Like ``regex.finditer`` but a runaway pattern raises a clear error instead of hanging."""
    compiled = regex.compile(pattern, flags) if isinstance(pattern, str) else pattern
    end = endpos if endpos is not None else len(text)
    limit = time_limit(end - pos)
    try:
        yield from compiled.finditer(text, pos, end, timeout=limit)
    except TimeoutError:
        raise BrieflintError(
            f"regular expression {compiled.pattern!r} took longer than {limit:g}s "
            "(catastrophic backtracking?); fix the rule's pattern"
        ) from None


def time_limit(length: int) -> float:
    """The time one search may take: 2 s, plus 2 s per million characters searched.

    A sound pattern scans a megabyte in well under a second; a catastrophic one blows any linear
    budget on a long line. The limit grows with the text so that big drafts are never cut short.
    """
    return TIMEOUT_SECONDS + 2.0 * length / 1_000_000
