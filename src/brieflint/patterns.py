"""User-written regular expressions: compiled once, validated in config, run with a time limit."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import regex
from pydantic import AfterValidator

from brieflint.errors import BrieflintError
from brieflint.text import segment

if TYPE_CHECKING:
    from brieflint.document import Document

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
    return _whole_words(_alternatives(words))


def _alternatives(words: Iterable[str]) -> list[str]:
    """The phrases as pattern pieces, longest first (the order the alternation tries them)."""
    return sorted({_escape(w) for w in words}, key=len, reverse=True)


def _escape(word: str) -> str:
    return regex.escape(word).replace(r"\ ", r"\s+")


def _whole_words(alternatives: list[str]) -> str:
    return r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"


def find_words(words: list[str], doc: Document, *, flags: int = 0) -> Iterator[Any]:
    """``finditer(words_pattern(words), doc.prose, flags=flags)``, without scanning every position.

    The pattern is a long alternation behind a look-behind: the ``regex`` module tries it at each
    of the twenty thousand positions of a draft. Where every phrase is ASCII and starts with a
    letter, a match can only start at a run of letters of one of the document's words (spelt, up
    to case, as the letters a phrase starts with), so the same pattern is tried there alone:
    same matches, in the same order, a few dozen tries instead of a scan.
    """
    finder = _word_finder(tuple(words), flags)
    if finder is None:
        yield from finditer(words_pattern(words), doc.prose, flags=flags)
    else:
        yield from finder.finditer(doc)


class _WordFinder:
    """The matches of one ``words_pattern``, tried only where a phrase's first letters stand.

    At such a place only the phrases with those first letters can match, so each is tried with
    the alternation of just those phrases (in the full pattern's order: the same match),
    compiled when first needed. Compiling the whole list (hundreds of phrases) would cost more
    than a draft's checks, and most drafts contain none of its first letters.
    """

    def __init__(self, words: tuple[str, ...], flags: int) -> None:
        self._flags = flags
        by_piece = {_escape(w): lead_key(_LEAD.match(w).group()) for w in words}  # type: ignore[union-attr]
        self._groups: dict[str, list[str]] = {}
        for piece in _alternatives(words):
            self._groups.setdefault(by_piece[piece], []).append(piece)
        self._patterns: dict[str, regex.Pattern[str]] = {}
        self._offsets = _LeadOffsets(frozenset(self._groups))

    def finditer(self, doc: Document) -> Iterator[Any]:
        prose = doc.prose
        limit = time_limit(len(prose))
        done = 0
        for start, lead in self._starts(doc):
            if start < done:
                continue  # inside the previous match: matches do not overlap
            pattern = self._pattern(lead)
            try:
                m = pattern.match(prose, start, timeout=limit)
            except TimeoutError:
                raise _timeout(pattern, limit) from None
            if m is not None:
                yield m
                done = m.end()

    def _pattern(self, lead: str) -> regex.Pattern[str]:
        pattern = self._patterns.get(lead)
        if pattern is None:
            pattern = self._patterns[lead] = regex.compile(
                _whole_words(self._groups[lead]), self._flags
            )
        return pattern

    def _starts(self, doc: Document) -> list[tuple[int, str]]:
        """Offsets of the letter runs (words, or parts of words between apostrophes) that a
        phrase's first letters match, in order, with those letters' key."""
        offsets = self._offsets
        if len(offsets) > 200_000:
            offsets.clear()  # bounds memory over a huge run
        found = {
            form: offsets[form] for form in filter(offsets.__getitem__, segment.word_forms(doc))
        }
        if not found:
            return []
        return [
            (word.start + offset, lead)
            for word in doc.words
            if word.text in found
            for offset, lead in found[word.text]
        ]


class _LeadOffsets(dict[str, tuple[tuple[int, str], ...]]):
    """word form → where in it a run of letters matches a phrase's first letters, and their key
    (memoised)."""

    def __init__(self, leads: frozenset[str]) -> None:
        super().__init__()
        self._leads = leads

    def __missing__(self, form: str) -> tuple[tuple[int, str], ...]:
        runs = _APOSTROPHE.split(form)
        starts = itertools.accumulate((len(r) + 1 for r in runs[:-1]), initial=0)
        keys = ((start, lead_key(run)) for start, run in zip(starts, runs, strict=True))
        found = tuple((start, key) for start, key in keys if key in self._leads)
        self[form] = found
        return found


_LEAD = regex.compile(r"[A-Za-z]+")
# Case-insensitive matching pairs an ASCII letter with its other case and with these three
# alone (tests/test_scan_shortcuts.py checks it against the regex module's own tables).
_TO_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})  # İ, long s, kelvin
_TO_ASCII_FROM = tuple(map(chr, _TO_ASCII))


def lead_key(run: str) -> str:
    """Lower-case ASCII letters for any text that ASCII letters match case-insensitively, and a
    space for every other character beyond ASCII.

    Texts that no phrase matches may share a key with one that does: the key only picks the
    places where the real pattern is then tried. A key is searched for ASCII text without
    spaces only, which can never match across a character beyond ASCII, so such characters
    may all be spaces: the key of a draft with a curly quote (two bytes a character, as Python
    holds such a text) then takes one byte a character.
    """
    if len(run) <= _KEY_CHUNK:
        return _key(run)
    return "".join(_key_chunks(run))


_BEYOND_ASCII = regex.compile(r"[^\x00-\x7f]")


def _key(text: str) -> str:
    if text.isascii():
        return text.lower()
    if any(map(text.__contains__, _TO_ASCII_FROM)):  # a lookup a character: only when needed
        text = text.translate(_TO_ASCII)
    key = text.lower()
    return key if key.isascii() else _BEYOND_ASCII.sub(" ", key)


# ``str.translate`` builds its result four bytes a character whatever the text: the key of a
# whole long draft is made a piece at a time, cut before spaces (which no case mapping looks
# across), so that it never costs more than the key itself
_KEY_CHUNK = 1 << 16


def _key_chunks(text: str) -> Iterator[str]:
    pos, size = 0, len(text)
    while pos < size:
        cut = text.find(" ", pos + _KEY_CHUNK) if size - pos > 2 * _KEY_CHUNK else -1
        end = size if cut == -1 else cut
        yield _key(text[pos:end])
        pos = end


_APOSTROPHE = regex.compile(r"['’]")  # what joins the letter runs of one word token


@functools.lru_cache(maxsize=64)
def _word_finder(words: tuple[str, ...], flags: int) -> _WordFinder | None:
    """The finder for ``words``, or None where a phrase may start other than with ASCII letters
    (or flags other than case-insensitivity), which the shortcut does not cover."""
    simple = all(w.isascii() and w[:1].isalpha() for w in words)
    if not words or not simple or flags not in (0, regex.IGNORECASE):
        return None
    return _WordFinder(words, flags)


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, tried only at ``starts`` (ascending offsets).

    The same matches when ``starts`` holds every offset where a match can start: the first
    start past the previous match that matches is the leftmost match there. For the built-in
    patterns of the OCR rules, whose matches hang on a character or pair found far faster
    (a hyphen, a double space, a full stop before a capital) than the pattern scans.
    """
    done = 0
    for start in starts:
        if start >= done:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                done = m.end()


def _timeout(compiled: Any, limit: float) -> BrieflintError:
    return BrieflintError(
        f"regular expression {compiled.pattern!r} took longer than {limit:g}s "
        "(catastrophic backtracking?); fix the rule's pattern"
    )


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
        raise _timeout(compiled, limit) from None


def time_limit(length: int) -> float:
    """The time one search may take: 2 s, plus 2 s per million characters searched.

    A sound pattern scans a megabyte in well under a second; a catastrophic one blows any linear
    budget on a long line. The limit grows with the text so that big drafts are never cut short.
    """
    return TIMEOUT_SECONDS + 2.0 * length / 1_000_000
