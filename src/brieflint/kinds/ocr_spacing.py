"""ocr-spacing: a space before punctuation, no space after a sentence end, runs of spaces."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.patterns import matches_at
from brieflint.text import tokens

_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}\p{M})\]\"”’])[ \t]+(?=[,;:!?](?=[\s\"”’)\]]|$)|\.(?! \.)(?=[\s\"”’)\]]|$))"
)
_NO_SPACE_AFTER = regex.compile(r"(?<![\p{L}\p{M}.])\p{Ll}{2,}([.!?])(?=\p{Lu}\p{Ll})")
# "monitoring ,but": the space went to the wrong side of a comma or semicolon
_SPACE_MOVED = regex.compile(r"(?<=[\p{L}\p{N}\p{M}]) ([,;])(?=\p{L})")
_SPACE_RUN = regex.compile(r"(?<=[^\s])  +(?=[^\s])")
_COLUMNS = regex.compile(r"\S {3,}\S.* {3,}\S")
_GAP = regex.compile(r"\S {3,}\S")
# Where the patterns above can match is found from the punctuation marks, which ``str.find``
# finds far faster than the patterns scan:
_MARKS = ",;:!?."
_NOT_SPACE = re.compile(r"[^ ]")
_END_BEFORE_CAPITAL = regex.compile(r"[.!?](?=\p{Lu}\p{Ll})")  # ends a _NO_SPACE_AFTER match
_SPACES_BEFORE = regex.compile(r"(?r)[ \t]+")  # matched backwards from an offset
_LOWER_BEFORE = regex.compile(r"(?r)\p{Ll}+")
# Two words glued at a mark that a space should follow: "in,with", "friends(Linguistic",
# "4.Means", "Fig.2". The words on both sides must be words of the language (judged below),
# so lists of symbols ("a,b"), numbers ("1,000") and code-like names are left alone.
_GLUED_COMMA = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’@./_-])(\p{L}\p{Ll}{1,30})([,;:])(\p{Ll}{2,30}|a)"
    r"(?![\p{L}\p{M}\p{N}'’@/_(-]|[.,;:]\p{L})"
)
# a reference glued together: "(Smith,2003)", "Smith,J."
_GLUED_CITATION = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’@./_-])(\p{Lu}\p{Ll}{2,30})(,)(\d{4}(?!\d)|\p{Lu}(?=\.))"
)
# (not a function's notation, "Owns(house)": one word in brackets that close at once)
_GLUED_BRACKET = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’@./_-])(\p{L}\p{Ll}{2,30})(\()(\p{L}\p{Ll}{2,30})(?![\p{L}\p{M}\p{N}()])"
)
_GLUED_NUMBER_STOP = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.,])(\d{1,3})(\.)(\p{Lu}\p{Ll}{2,30})(?![\p{L}\p{M}\p{N}.])"
)
# (not a page range, "pp.12-19", which reference lists write unspaced)
_GLUED_ABBREVIATION = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.@/_-])(\p{Lu}?\p{Ll}{1,3})(\.)(\d{1,4})(?![\p{L}\p{N}]|[.,:]\d|[-–]\d)"
)
_GLUED = (
    _GLUED_COMMA,
    _GLUED_CITATION,
    _GLUED_BRACKET,
    _GLUED_NUMBER_STOP,
    _GLUED_ABBREVIATION,
)
_RUN_BEFORE_MARK = regex.compile(r"(?r)[\p{L}\p{M}\p{N}]+")
GLUED_WORD_ZIPF = 3.0
# "?" with a phrase, a formula or another mark running on: "over ? from", "K ? K", "for ? ."
# or closed in brackets at once, "(shown as ?)"
_LOST_MARK = regex.compile(
    r"\?(?:[ \t]+(?:[\p{Ll}\p{N}=+*<>(?.,;'’]|(?![AI]\s)\p{Lu}(?!\p{Ll}))|[)\]])"
)


BETWEEN_WORDS = safe(
    "remove a space before a comma or full stop between words",
    "English prose never puts a space between a word and the comma after it when a word "
    'follows ("approach , with" → "approach, with"), nor before a full stop that a capital '
    "follows; older typesetting spaced semicolons and colons, and a full stop before a "
    "lower-case word may be a speck read as one, so those are not safe.",
)
BEFORE_MARK = unsafe(
    "remove another space before punctuation",
    'Before other marks, or away from words, the space may be meant: a formula ("x1) :", '
    '"k ? 0"), a French quotation, a lost symbol: a person decides.',
)
MOVED = unsafe(
    "move a space to after a comma",
    'A comma between letters may be a list in a formula or code ("f(x ,y)"): a person decides.',
)
AFTER_END = unsafe(
    "add a space after a sentence end",
    'A full stop between words may belong to a name, a file or a domain ("Node.Js"): a person '
    "decides.",
)
INSIDE_QUOTES = unsafe(
    "remove a space inside quotation marks",
    "Straight quotes have no direction: one read as opening may close a quotation that began "
    "in another paragraph, and some house styles space them: a person decides.",
)
SPACE_RUN = safe(
    "collapse a run of spaces",
    "Between two words in running text (tables and double spaces after a full stop are left "
    "alone) several spaces mean the same as one.",
)
_WORD_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}]{2,}")
# a comma and any word, or a full stop and a sentence's capital: a full stop before a lower-case
# word may itself be the defect (a speck read as one), which removing the space would not mend
_WORD_AFTER = regex.compile(r",[ \t]+\p{L}|\.[ \t]+\p{Lu}")


def _between_words(prose: str, start: int, end: int) -> bool:
    """The space ``prose[start:end]`` stands after a word of two letters or more and before a
    comma, which a space and a word follow, or a full stop, which a space and a capital follow."""
    return (
        _WORD_BEFORE.match(prose, 0, start) is not None
        and _WORD_AFTER.match(prose, end) is not None
    )


class SpacingOptions(Options):
    double_after_sentence: bool = Field(
        True, description="Allow two spaces after a full stop (a typing habit)."
    )


def check(doc: Document, options: SpacingOptions, ctx: Context) -> Iterator[Hit]:
    prose, text = doc.prose, doc.text
    marks = tokens.char_offsets(prose, _MARKS)
    records = _record_lines(doc)
    for m in matches_at(_SPACE_BEFORE, prose, _space_before_starts(prose, marks)):
        if not _prose(doc, m.start() - 1, m.end() + 1):
            continue
        mark = prose[m.end()]
        if mark == ":" and _in_record(doc, records, m.start()):
            continue  # "Moderated   : yes": a label and its value, colons aligned
        if mark == "?" and _LOST_MARK.match(prose, m.end()):
            continue  # "over ? from": a lost symbol between words, not a question mark
        declared = BETWEEN_WORDS if _between_words(prose, *m.span()) else BEFORE_MARK
        fix = (Edit(*m.span(), ""),)
        params = {"what": f"a space before '{mark}'"}
        # the finding covers the space and the mark: the mark itself may be the defect (a
        # speck read as a full stop), and the two make one defect
        yield Hit(m.start(), m.end() + 1, params, (), fix, fix_as=declared.name)
    for m in matches_at(_SPACE_MOVED, prose, _space_moved_starts(prose, marks)):
        if not _prose(doc, m.start() - 1, m.end() + 1):
            continue
        mark = m.group(1)
        what = f"a space before '{mark}' instead of after it"
        fix = (Edit(*m.span(), mark + " "),)
        yield Hit(*m.span(), {"what": what}, (), fix, fix_as=MOVED.name)
    for m in matches_at(_NO_SPACE_AFTER, prose, _no_space_after_starts(prose, marks)):
        pos = m.end(1)
        if not _prose(doc, m.start(), pos + 2):
            continue
        yield Hit(
            m.start(1),
            pos + 1,
            {"what": "no space after a sentence end"},
            (),
            (Edit(pos, pos, " "),),
            fix_as=AFTER_END.name,
        )
    yield from _glued(doc, ctx)
    yield from _quote_spaces(doc)
    tables: dict[int, bool] = {}  # line → part of a table; judged once per line
    for m in matches_at(_SPACE_RUN, prose, _double_spaces(prose)):
        if not _prose(doc, m.start() - 1, m.end() + 1):
            continue
        pair = len(m.group()) == 2
        if options.double_after_sentence and pair and _after_sentence(prose, m.start()):
            continue
        if _in_record(doc, records, m.start()):
            continue
        line_start = prose.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start < 20 and _LIST_LABEL.fullmatch(prose, line_start, m.start()):
            continue  # "(a)  under", "2)    the": a list label set off as on a typewriter
        line = doc.lines.position(m.start())[0]
        if line not in tables:
            columns = _COLUMNS.search(text, *doc.lines.line_span(line)) is not None
            tables[line] = columns or _in_two_columns(doc, line)
        if tables[line]:
            continue  # aligned columns of a table
        fix = (Edit(*m.span(), " "),)
        yield Hit(*m.span(), {"what": "a run of spaces"}, (), fix, fix_as=SPACE_RUN.name)


# a list item's label at the start of its line, right before a run of spaces
_LIST_LABEL = regex.compile(r"[ \t]*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)")
_CLOSERS = "\"')]’”»"


# a line that is a label and its value, the colon set apart: "Description : the news"
_RECORD = regex.compile(r"(?m)^[ \t]*\p{L}[\p{L}\p{N} ./-]{0,30}?[ \t]+:[ \t]")
MIN_RECORDS = 3  # such lines with their colons in one column: fields laid out on purpose


def _record_lines(doc: Document) -> frozenset[int]:
    """The lines (1-based) of a layout of labelled fields: lines of a label, spaces and a colon
    whose colons stand in one column on several lines (a colon typed after a space by mistake
    lands wherever the label ends)."""
    if " :" not in doc.prose and "\t:" not in doc.prose:
        return frozenset()
    by_column: dict[int, list[int]] = {}
    for m in _RECORD.finditer(doc.prose):
        line, column = doc.lines.position(m.end() - 2)
        by_column.setdefault(column, []).append(line)
    return frozenset(
        line for lines in by_column.values() if len(lines) >= MIN_RECORDS for line in lines
    )


def _in_record(doc: Document, records: frozenset[int], pos: int) -> bool:
    """``pos`` is in the label part of a line of labelled fields."""
    if not records:
        return False
    line = doc.lines.position(pos)[0]
    return line in records and ":" in doc.prose[pos : doc.lines.line_span(line)[1]]


def _after_sentence(prose: str, pos: int) -> bool:
    """A sentence ends just before ``pos``, perhaps inside a quotation or brackets ("end.)")."""
    i = pos - 1
    while i > 0 and prose[i] in _CLOSERS:
        i -= 1
    return i >= 0 and prose[i] in ".!?:"


def _glued(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Words glued at a comma, semicolon, bracket or full stop ("in,with", "4.Means").

    No fix: text like this is sometimes data (a list of values, a file name), which only a
    reader can tell; the suggestion shows the spaced form.
    """
    prose = doc.prose
    marks = tokens.char_offsets(prose, ",;:(.")
    lexicon = ctx.lexicon
    done = 0
    for at in marks:
        if at < done or at == 0 or at + 1 >= len(prose) or prose[at + 1].isspace():
            continue
        run = _RUN_BEFORE_MARK.match(prose, 0, at)
        if run is None:
            continue
        for pattern in _GLUED:
            m = pattern.match(prose, run.start())
            if m is None or m.start(2) != at:
                continue
            first, mark, second = m.group(1), m.group(2), m.group(3)
            if pattern is _GLUED_COMMA or pattern is _GLUED_BRACKET:
                if min(lexicon.zipf(first), lexicon.zipf(second)) < GLUED_WORD_ZIPF:
                    continue
            elif pattern is _GLUED_NUMBER_STOP and lexicon.zipf(second) < GLUED_WORD_ZIPF:
                continue
            if not _prose(doc, m.start(), m.end()):
                continue
            spaced = f"{first} {mark}{second}" if mark == "(" else f"{first}{mark} {second}"
            what = f"no space {'before' if mark == '(' else 'after'} '{mark}'"
            yield Hit(m.start(), m.end(), {"what": what}, (spaced,))
            done = m.end()
            break


_OPENS_AFTER = frozenset(" \t\n([–—-:")  # what may stand before an opening quote
_CLOSES_BEFORE = frozenset(" \t\n),.;:!?–—-")  # what may stand after a closing quote


def _quote_spaces(doc: Document) -> Iterator[Hit]:
    """A space inside quotation marks ('" Later," she said', 'a "motion "', '“ Later,”').
    Curly quotes say which way they face; straight ones are judged only in a paragraph whose
    straight quotes pair up, so that the first of each pair opens and the second closes. A
    quote after a digit is an inch or ditto mark, not one of a pair."""
    prose = doc.prose
    quotes = tokens.char_offsets(prose, '"“”')
    if not quotes:
        return
    for para in doc.paragraphs:
        inside = quotes[bisect_left(quotes, para.start) : bisect_left(quotes, para.end)]
        straight = [
            q for q in inside if prose[q] == '"' and not (q > para.start and prose[q - 1].isdigit())
        ]
        paired = set(straight) if len(straight) % 2 == 0 else set()
        opening = set(straight[::2])
        for q in inside:
            mark = prose[q]
            if mark == '"' and q not in paired:
                continue  # straight quotes that do not pair up, or an inch mark
            opens = mark == "“" or q in opening
            before = prose[q - 1] if q > para.start else " "
            after = prose[q + 1] if q + 1 < para.end else " "
            if opens:
                if (
                    before in _OPENS_AFTER
                    and after == " "
                    and q + 2 < para.end
                    and prose[q + 2].isalnum()
                    and _prose(doc, q, q + 3)
                ):
                    what = "a space after an opening quote"
                    fix = (Edit(q + 1, q + 2, ""),)
                    yield Hit(q, q + 2, {"what": what}, (mark,), fix, INSIDE_QUOTES.name)
            elif (
                before == " "
                and after in _CLOSES_BEFORE
                and q - 2 >= para.start
                and (prose[q - 2].isalnum() or prose[q - 2] in ",.!?")
                and _prose(doc, q - 2, q + 1)
            ):
                what = "a space before a closing quote"
                fix = (Edit(q - 1, q, ""),)
                yield Hit(q - 1, q + 1, {"what": what}, (mark,), fix, INSIDE_QUOTES.name)


def _space_before_starts(prose: str, marks: list[int]) -> Iterator[int]:
    """Where a _SPACE_BEFORE match can start: the run of spaces before a mark (of ``marks``,
    the offsets of ``_MARKS``) that follows a space or tab."""
    ends = [at for at in marks if at > 0 and prose[at - 1] in " \t"]
    return _run_starts(prose, ends, _SPACES_BEFORE)


def _space_moved_starts(prose: str, marks: list[int]) -> list[int]:
    """Where a _SPACE_MOVED match can start: at a space before a comma or semicolon."""
    return [at - 1 for at in marks if prose[at] in ",;" and at > 0 and prose[at - 1] == " "]


def _no_space_after_starts(prose: str, marks: list[int]) -> Iterator[int]:
    """Where a _NO_SPACE_AFTER match can start: the lower-case run before a sentence end that
    a capital follows."""
    ends = [at for at in marks if prose[at] in ".!?" and _END_BEFORE_CAPITAL.match(prose, at)]
    return _run_starts(prose, ends, _LOWER_BEFORE)


def _run_starts(prose: str, ends: Iterable[int], run: regex.Pattern[str]) -> Iterator[int]:
    """Where the ``run`` (a backwards pattern) ending at each of ``ends`` starts.

    A match of the space and sentence-end patterns is such a run followed by one of those
    characters, and starts where the run does (its look-behind rules out any later start).
    """
    for end in ends:
        found = run.match(prose, 0, end)
        if found is not None:
            yield found.start()


def _double_spaces(prose: str) -> Iterable[int]:
    """The first offset of each run of two or more spaces: where a _SPACE_RUN match starts."""
    pos = prose.find("  ")
    while pos != -1:
        if pos == 0 or prose[pos - 1] != " ":
            yield pos
        after = _NOT_SPACE.search(prose, pos)  # no match starts inside the run: skip it
        if after is None:
            return
        pos = prose.find("  ", after.start())


def _in_two_columns(doc: Document, line: int) -> bool:
    """The line and a neighbour both have a gap of three or more spaces: a two-column table."""
    if not _GAP.search(doc.text, *doc.lines.line_span(line)):
        return False
    neighbours = (n for n in (line - 1, line + 1) if 1 <= n <= doc.lines.line_count)
    return any(_GAP.search(doc.text, *doc.lines.line_span(n)) for n in neighbours)


def _prose(doc: Document, start: int, end: int) -> bool:
    start, end = max(0, start), min(len(doc.text), end)
    return doc.prose[start:end] == doc.text[start:end]


KIND = Kind(
    "ocr-spacing",
    SpacingOptions,
    check,
    "A space before punctuation, a missing space after a sentence end, or a run of spaces.",
    fixes=(BETWEEN_WORDS, BEFORE_MARK, MOVED, AFTER_END, INSIDE_QUOTES, SPACE_RUN),
)
