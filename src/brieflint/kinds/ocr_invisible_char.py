"""ocr-invisible-char: soft hyphens, zero-width and bidi controls, stray BOMs, control and
private-use characters, and U+FFFD (a character lost in conversion). A form feed at the start of
a line is a page break, as plain text marks one, and is not reported."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe

FORMATTING = safe(
    "remove invisible formatting characters",
    "Soft hyphens, zero-width spaces and joiners, direction marks and stray byte-order marks "
    "carry nothing in English prose (they are kept beside scripts that use them).",
)
CONTROL = unsafe(
    "remove control characters",
    "A control character in extracted text often stands where a symbol was lost (a formula's "
    "operator): removing it may hide that something is missing. A person decides.",
)
# Invisible formatting characters that carry nothing in English prose: removing them is safe.
_FORMATTING = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c"
)
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_REMOVABLE = _FORMATTING + _CONTROL
# Characters that stand for something lost: reported, never removed.
_LOST = r"\x80-\x9f\ufffd\p{Co}"
_PATTERN = regex.compile(f"[{_REMOVABLE}]+|[{_LOST}]+")
_REMOVABLE_RUN = regex.compile(f"[{_REMOVABLE}]+")
_SOFT_HYPHEN_BREAK = regex.compile(r"\u00ad[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\p{L})")
# Zero-width joiners and direction marks matter in Arabic, Persian, Indic scripts and emoji.
_COMPLEX_SCRIPT = regex.compile(
    r"[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Devanagari}"
    r"\p{Script=Bengali}\p{Script=Tamil}\p{Script=Sinhala}\p{Script=Khmer}\p{So}\p{Sk}]"
)


_FORMATTING_RUN = regex.compile(f"[{_FORMATTING}]+")


class InvisibleCharOptions(Options):
    pass


_WORD_AROUND = 40  # at most this many characters of the word on each side are quoted


def _shown(text: str) -> str:
    """``text`` with every invisible, control or lost character written as ``<U+00AD>``."""
    return _PATTERN.sub(lambda m: "".join(f"<U+{ord(c):04X}>" for c in m.group()), text)


def _word(prose: str, start: int, end: int) -> tuple[int, int]:
    """The span of the word (a run of non-space characters) around ``start``–``end``."""
    left = start
    while left > max(0, start - _WORD_AROUND) and not prose[left - 1].isspace():
        left -= 1
    right = end
    while right < min(len(prose), end + _WORD_AROUND) and not prose[right].isspace():
        right += 1
    return left, right


def _where(
    prose: str, start: int, end: int, fix: tuple[Edit, ...] | None
) -> tuple[str, tuple[str, ...]]:
    """(" inside 'schedul<U+00AD>es'", ("schedules",)): the word quoted, and as fixed."""
    left, right = _word(prose, start, end)
    if (left, right) == (start, end):
        return "", ()  # alone between spaces: no word to quote
    quoted = f" inside '{_shown(prose[left:right])}'"
    if fix is None:
        return quoted, ()
    resume = fix[0].end  # past a soft hyphen's line break, the word goes on on the next line
    tail = max(right, resume)
    while resume > right and tail < len(prose) and not prose[tail].isspace():
        tail += 1
    fixed = prose[left:start] + prose[resume:tail]
    return quoted, (fixed,) if fixed.strip() else ()


def _names(chars: str) -> str:
    seen: list[str] = []
    for ch in chars:
        name = unicodedata.name(ch, "") or f"U+{ord(ch):04X}"
        if unicodedata.category(ch) == "Co":
            name = "PRIVATE USE CHARACTER"
        if name not in seen:
            seen.append(name.lower())
    return ", ".join(dict.fromkeys(seen))


def _page_break(prose: str, start: int, end: int) -> bool:
    """The form feed at ``start`` opens its line (alone on it, or before the next page's text),
    which is how plain text and ``pdftotext`` mark a new page."""
    return start == 0 or prose[start - 1] in "\r\n"


def check(doc: Document, options: InvisibleCharOptions, ctx: Context) -> Iterator[Hit]:
    if not any(map(_PATTERN.match, doc.unusual_chars)):
        return  # every match starts at (and is made of) such characters: none in this draft
    prose = doc.prose
    for m in _PATTERN.finditer(prose):
        start, end = m.span()
        if m.group() == "\f" and _page_break(prose, start, end):
            continue  # a form feed at the start of a line: a page break, as plain text marks it
        fix: tuple[Edit, ...] | None = None
        if _REMOVABLE_RUN.fullmatch(m.group()):
            before = prose[max(0, start - 1) : start]
            after = prose[end : end + 1]
            if not _COMPLEX_SCRIPT.search(before + after):
                brk = _SOFT_HYPHEN_BREAK.match(prose, end - 1) if m.group()[-1] == "\xad" else None
                fix = (Edit(start, brk.end() if brk else end, ""),)
        formatting = _FORMATTING_RUN.fullmatch(m.group()) is not None
        declared = FORMATTING if formatting else CONTROL
        where, suggestions = _where(prose, start, end, fix)
        params = {"chars": _names(m.group()), "where": where}
        yield Hit(start, end, params, suggestions, fix, fix_as=declared.name)


KIND = Kind(
    "ocr-invisible-char",
    InvisibleCharOptions,
    check,
    "Invisible, control, private-use and replacement characters left by conversion.",
    fixes=(FORMATTING, CONTROL),
)
