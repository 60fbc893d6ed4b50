"""ocr-stray-markup: markup debris (``_{…}``, ``\\textit``), isolated symbols (^ | ~ ¬ \\ { }),
symbols glued to a word's edge (``^been``, ``|rather``, ``}depend``, ``•exceptional``),
characters lost in conversion ("user?s") and unbalanced brackets or quotes.

A glued symbol is one that no writing system puts against a letter: a caret, bar, tilde, brace,
backslash or bullet at the start or end of a word. Braces around a whole word (``{country}``, a
template field) and a bar between two words of a table row are left to other rules."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.patterns import matches_at
from brieflint.text import layout, tokens

_SCRIPT_WRAP = regex.compile(r"[_^]\{([^{}\r\n]{0,80})\}")
_COMMAND = regex.compile(r"\\[A-Za-z]{2,}(?:\{[^{}\r\n]{0,80}\})?")
_LONE_SYMBOL = regex.compile(r"(?<!\S)[\^~¬\\{}_|]+(?!\S)")
_IN_WORD = regex.compile(r"(?<=\p{L})[\^~¬\\{}|]+(?=\p{L})|¬")
_GLUED = regex.compile(r"(?<![\S])(?:[\^~¬\\{}|•]+|_\{)(?=\p{L})|(?<=\p{L})[\^~¬\\{}|•]+(?![\S])")
_BRACED_WORD = regex.compile(r"\{[\p{L}\p{N}_]+\}")
_LOST = regex.compile(r"(?<=\p{L})\?(?=\p{Ll})")
_ENUMERATOR = regex.compile(r"(?:^|(?<=\s))[\p{L}\p{N}]{1,4}\)")
_PAIRS = {")": "(", "]": "[", "”": "“"}
_OPEN = frozenset(_PAIRS.values())
# The characters each check looks at, found by ``str.find`` (a fast memchr-like search per
# character) far faster than any pattern scans every character for a class of them:
_MARKS = '()[]“”"'  # what _check_span balances
_LONE_START = "^~¬\\{}_|"  # where a _LONE_SYMBOL match starts
_IN_WORD_START = "^~¬\\{}|"  # where an _IN_WORD match starts
_GLUED_START = "^~¬\\{}|•_"  # where a _GLUED match starts


UNWRAP = unsafe(
    "unwrap a word from sub- or superscript markup",
    'Markup around a word ("_{Kowalska}") is usually debris, but can be a real subscript in a '
    "formula, which unwrapping would change: a person decides.",
)


class StrayMarkupOptions(Options):
    brackets: bool = Field(True, description="Report unbalanced brackets and quotes.")


def check(doc: Document, options: StrayMarkupOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    taken: list[tuple[int, int]] = []
    for m in _SCRIPT_WRAP.finditer(prose):
        inner = m.group(1)
        wrapped_word = (m.start() == 0 or prose[m.start() - 1].isspace()) and inner.strip() != ""
        wrapped_word = wrapped_word and any(ch.isalpha() for ch in inner)
        fix = (Edit(*m.span(), inner),) if wrapped_word else None
        taken.append(m.span())
        yield Hit(*m.span(), {"what": "markup debris"}, (inner,) if wrapped_word else (), fix)
    for m in _COMMAND.finditer(prose):
        taken.append(m.span())
        yield Hit(*m.span(), {"what": "a markup command"})
    for pattern, starts in ((_LONE_SYMBOL, _LONE_START), (_IN_WORD, _IN_WORD_START)):
        what = "a stray symbol"
        for m in matches_at(pattern, prose, tokens.char_offsets(prose, starts)):
            if _inside(m.start(), taken) or (m.group() == "|" and _separator(doc, m.start())):
                continue
            taken.append(m.span())
            yield Hit(*m.span(), {"what": what})
    for m in matches_at(_GLUED, prose, tokens.char_offsets(prose, _GLUED_START)):
        if _inside(m.start(), taken) or _inside(m.end() - 1, taken) or _braced(prose, m.start()):
            continue
        if "|" in m.group() and _separator(doc, m.start()):
            continue
        taken.append(m.span())
        yield Hit(*m.span(), {"what": "a stray symbol glued to a word"})
    for m in _LOST.finditer(prose):
        yield Hit(m.start(), m.end(), {"what": "a character lost in conversion"}, ("'",))
    if options.brackets:
        yield from _unbalanced(doc)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans[-8:])


def _braced(prose: str, pos: int) -> bool:
    """``pos`` is a brace of a braced word (``{country}``)."""
    lo = prose.rfind("{", max(0, pos - 80), pos + 1)
    m = _BRACED_WORD.match(prose, lo) if lo >= 0 else None
    return m is not None and m.end() > pos


def _separator(doc: Document, pos: int) -> bool:
    """A '|' separating items of a header line ("Policy Brief | No. 7") is layout, not debris."""
    line = doc.lines.position(pos)[0]
    s, e = doc.lines.line_span(line)
    text = doc.prose[s:e]
    return len(text.strip()) <= 100 and not text.rstrip().endswith((".", ","))


def _unbalanced(doc: Document) -> Iterator[Hit]:
    prose = doc.prose
    paras = doc.paragraphs
    index = {p.start: k for k, p in enumerate(paras)}
    continued = {b.before.start: b.after.start for b in layout.breaks(doc)}
    marks = tokens.char_offsets(prose, _MARKS)
    k = 0
    while k < len(paras):
        start, end = paras[k].start, paras[k].end
        while paras[k].start in continued:  # a paragraph cut by a page break: check it whole
            k = index[continued[paras[k].start]]
            end = paras[k].end
        inside = marks[bisect_left(marks, start) : bisect_left(marks, end)]
        if inside:
            yield from _check_span(prose, start, end, inside)
        k += 1


def _check_span(prose: str, start: int, end: int, marks: list[int]) -> Iterator[Hit]:
    """Unbalanced brackets and quotes in ``[start, end)``; ``marks`` are the offsets of the
    brackets and quotes there (the other characters play no part)."""
    stack: list[tuple[str, int]] = []
    enumerators: set[int] | None = None  # "a)", "2)": closers without openers, found if needed
    straight: list[int] = []
    for pos in marks:
        ch = prose[pos]
        if ch in _OPEN:
            stack.append((ch, pos))
        elif ch in _PAIRS:
            if stack and stack[-1][0] == _PAIRS[ch]:
                stack.pop()
                continue
            if enumerators is None:
                enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(prose, start, end)}
            if pos not in enumerators:
                yield Hit(pos, pos + 1, {"what": f"an unmatched '{ch}'"})
        elif ch == '"' and not (pos > start and prose[pos - 1].isdigit()):
            straight.append(pos)
    for ch, pos in stack:
        if ch == "“" and pos == start:
            continue  # a quotation running over several paragraphs opens each one
        yield Hit(pos, pos + 1, {"what": f"an unmatched '{ch}'"})
    if len(straight) % 2 and not (straight[0] == start and len(straight) == 1):
        pos = straight[-1]
        yield Hit(pos, pos + 1, {"what": "an unmatched '\"'"})


KIND = Kind(
    "ocr-stray-markup",
    StrayMarkupOptions,
    check,
    "Markup debris, stray symbols, lost characters and unbalanced brackets or quotes.",
    fixes=(UNWRAP,),
)
