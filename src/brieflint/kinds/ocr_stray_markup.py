"""ocr-stray-markup: markup debris (``_{…}``, ``\\textit``), isolated symbols (^ | ~ ¬ \\ { }),
symbols glued to a word's edge (``^been``, ``|rather``, ``}depend``, ``•exceptional``),
characters lost in conversion ("user?s") and unbalanced brackets or quotes.

A glued symbol is one that no writing system puts against a letter: a caret, bar, tilde, brace,
backslash or bullet at the start or end of a word. Braces around a whole word (``{country}``, a
template field) and a bar between two words of a table row are left to other rules."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.patterns import matches_at
from brieflint.text import layout, segment, tokens

_SCRIPT_WRAP = regex.compile(r"[_^]\{([^{}\r\n]{0,80})\}")
_COMMAND = regex.compile(r"\\[A-Za-z]{2,}(?:\{[^{}\r\n]{0,80}\})?")
_LONE_SYMBOL = regex.compile(r"(?<!\S)[\^~¬\\{}_|]+(?!\S)")
_IN_WORD = regex.compile(r"(?<=\p{L})[\^~¬\\{}|]+(?=\p{L})|¬")
_GLUED = regex.compile(r"(?<![\S])(?:[\^~¬\\{}|•]+|_\{)(?=\p{L})|(?<=\p{L})[\^~¬\\{}|•]+(?![\S])")
# a rule drawn with one symbol: four or more underscores or tildes ("____", "~~~~")
_RULE_LINE = regex.compile(r"(_|~)\1{3,}")
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
NOTATION_REPEATS = 2  # a symbol in a term written this often is notation
QUOTE_SPAN = 6  # paragraphs a quotation may run over (an opening mark each, one closing mark)


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
            if pattern is _LONE_SYMBOL and _RULE_LINE.fullmatch(m.group()):
                continue  # "______": a line drawn across the text, a separator
            if pattern is _IN_WORD and _notation(prose, m.start()):
                continue
            if pattern is _LONE_SYMBOL and _formula(prose, m.start()):
                continue  # "<S> ~ <T>": an operator of a formula or a grammar
            taken.append(m.span())
            yield Hit(*m.span(), {"what": what})
    for m in matches_at(_GLUED, prose, tokens.char_offsets(prose, _GLUED_START)):
        if _inside(m.start(), taken) or _inside(m.end() - 1, taken) or _braced(prose, m.start()):
            continue
        if "|" in m.group() and _separator(doc, m.start()):
            continue
        if _brace_pair(prose, m.start(), m.group()) or _notation(prose, m.start()):
            continue
        taken.append(m.span())
        yield Hit(*m.span(), {"what": "a stray symbol glued to a word"})
    for m in _LOST.finditer(prose):
        yield Hit(m.start(), m.end(), {"what": "a character lost in conversion"}, ("'",))
    yield from _glued_hyphens(prose, ctx)
    yield from _glued_marks(prose)
    yield from _lone_letters(prose, ctx)
    if options.brackets:
        yield from _unbalanced(doc)


# a hyphen glued to the start of a common word in the middle of a sentence: "they -agreed at once"
_HYPHEN_BEFORE = regex.compile(r"(?<=[\p{Ll},] )-(\p{Ll}{2,})(?=[\s,.;:!?])")
HYPHEN_WORD_ZIPF = 4.0  # the word after it is this common: a speck, not a suffix cited ("-ness")


def _glued_hyphens(prose: str, ctx: Context) -> Iterator[Hit]:
    """A hyphen glued to the start of a common word after a word of the sentence: a speck read
    as one. Suffixes cited ("the ending -ness") and dashes (spaced on both sides) are left."""
    for at in tokens.char_offsets(prose, "-"):
        m = _HYPHEN_BEFORE.match(prose, at)
        if m is None:
            continue
        word = m.group(1)
        if word in segment.SUFFIXES or ctx.lexicon.zipf(word) < HYPHEN_WORD_ZIPF:
            continue
        if _cited_forms(prose, at):
            continue  # "the forms -em, -im and -in", "lists -users and -devel": cited, not specks
        yield Hit(at, m.end(), {"what": "a stray symbol glued to a word"}, (word,))


# two forms with a hyphen glued to their start, joined as items of a list: "-em, -im", "-in and -un"
_CITED = regex.compile(
    r"(?<!\S)-\p{L}+(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)-\p{L}"
)
CITED_REACH = 30  # characters before the hyphen where such a list may start


def _cited_forms(prose: str, at: int) -> bool:
    """The hyphen at ``at`` is in a list of cited endings or options ("-em, -im and -in",
    "lists -users and -devel"), which specks do not make."""
    lo, hi = max(0, at - CITED_REACH), min(len(prose), at + CITED_REACH)
    return any(m.start() <= at < m.end() for m in _CITED.finditer(prose, lo, hi))


# a lower-case letter alone between two lower-case words: "resisting e the constable"
# (a Latin letter: one of another script is a homoglyph, ocr.homoglyph's, or a word, "à")
_LONE_LETTER = regex.compile(r"(?<=(?:^|\s)(\p{Ll}{2,}) )([a-z])(?= (\p{Ll}{2,})(?:[\s,.;:!?]|$))")
_ALONE = regex.compile(r"(?<![\p{L}\p{N}_])\p{Ll}(?![\p{L}\p{N}_])")
LETTER_WORDS = frozenset("a")  # the one lower-case word of one letter


# marks of code and footnotes that OCR also makes of specks, glued where no text puts them: at
# the start of a word in a sentence ("the *annual report", "noted >its"), between lower-case
# letters ("fo+r", "i&n"), or after a short function word ("into a* box")
_GLUED_MARK = regex.compile(
    r"(?<=[ \t])[*>+&](?=\p{L}\p{Ll}+(?![\p{L}\p{N}*]))"
    r"|(?<=\p{Ll})[*&+](?=\p{Ll})"
    r"|(?<=(?<!\p{L})(\p{L}{1,3}))[*&](?!\S)"
)
_GLUED_MARK_START = "*>+&"


def _glued_marks(prose: str) -> Iterator[Hit]:
    """An asterisk, angle bracket, plus or ampersand glued to a word where neither notation,
    emphasis nor a footnote puts one. Asterisks that pair up on their line are emphasis
    ("*very* late"); after a content word an asterisk is a footnote mark ("growth*")."""
    for at in tokens.char_offsets(prose, _GLUED_MARK_START):
        m = _GLUED_MARK.match(prose, at)
        if m is None:
            continue
        tail = m.group(1)
        if tail is not None and tail.casefold() not in segment.FUNCTION_WORDS:
            continue
        if prose[at] == "*":
            lo = prose.rfind("\n", 0, at) + 1
            hi = prose.find("\n", at)
            if prose.count("*", lo, hi if hi >= 0 else len(prose)) % 2 == 0:
                continue  # "*very* late": emphasis, each asterisk paired on its line
        yield Hit(at, at + 1, {"what": "a stray symbol glued to a word"})


def _lone_letters(prose: str, ctx: Context) -> Iterator[Hit]:
    """A lower-case letter that is no word, alone between two words of a sentence: a speck or a
    margin's letter read into the line. Not a piece of a split word (it joins a neighbour into
    a word: ocr.split-word's), nor a letter the draft writes alone elsewhere (a variable, "m",
    "e", or a label)."""
    lexicon = ctx.lexicon
    alone: set[str] | None = None
    for m in _LONE_LETTER.finditer(prose):
        letter, before, after = m.group(2), m.group(1), m.group(3)
        if letter in LETTER_WORDS:
            continue
        if lexicon.known(before + letter, segment.KNOWN_ZIPF) or lexicon.known(
            letter + after, segment.KNOWN_ZIPF
        ):
            continue  # "abou t", "t he": a word cut in two
        if alone is None:
            alone = _notation_letters(prose)
        if letter in alone:
            continue  # "where m is the number of m items": a variable of the draft
        yield Hit(m.start(2), m.end(2), {"what": "a stray letter"})


# two one-character tokens side by side ("N f", "f L"): symbols of a formula
_SYMBOL_BESIDE = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}] [\p{L}\p{N}](?![\p{L}\p{N}])")
_NOTATION_MARKS = frozenset("=<>()[]{}+*/^_|$\\")


def _notation_letters(prose: str) -> set[str]:
    """The lower-case letters the draft writes alone more than once, once at least beside the
    marks of notation, a digit or another one-letter symbol ("m = 3", "f(x)", "(b)", "N f L"):
    its variables and labels."""
    seen: Counter[str] = Counter()
    marked: set[str] = set()
    for a in _ALONE.finditer(prose):
        seen[a.group()] += 1
        near = prose[max(0, a.start() - 2) : a.end() + 2]
        if not _NOTATION_MARKS.isdisjoint(near) or any(ch.isdigit() for ch in near):
            marked.add(a.group())
        elif _SYMBOL_BESIDE.search(prose, max(0, a.start() - 3), a.end() + 3):
            marked.add(a.group())  # "N f L f": among other one-letter symbols
    return {letter for letter in marked if seen[letter] > 1}


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans[-8:])


def _braced(prose: str, pos: int) -> bool:
    """``pos`` is a brace of a braced word (``{country}``)."""
    lo = prose.rfind("{", max(0, pos - 80), pos + 1)
    m = _BRACED_WORD.match(prose, lo) if lo >= 0 else None
    return m is not None and m.end() > pos


_TERM = regex.compile(r"[\p{L}\p{N}]*[\^~¬\\{}|•_]+[\p{L}\p{N}]*")


def _term(prose: str, pos: int) -> str:
    """The symbol at ``pos`` with the letters and digits glued to it on either side."""
    lo = pos
    while lo > 0 and prose[lo - 1].isalnum() and pos - lo < 40:
        lo -= 1
    m = _TERM.match(prose, lo)
    return m.group() if m else ""


def _notation(prose: str, pos: int) -> bool:
    """The symbol at ``pos`` belongs to a term the document writes more than once ("T^m" in a
    formula): damage does not repeat itself letter for letter, notation does."""
    term = _term(prose, pos)
    return len(term) >= 3 and prose.count(term) >= NOTATION_REPEATS


def _brace_pair(prose: str, pos: int, symbol: str) -> bool:
    """A brace glued to a word that its partner closes or opens on the same line ("{a, b}", a
    set): notation, not debris."""
    if symbol == "{":
        end = prose.find("}", pos, pos + 80)
        return end > pos and "\n" not in prose[pos:end] and "{" not in prose[pos + 1 : end]
    if symbol == "}":
        start = prose.rfind("{", max(0, pos - 80), pos)
        return start >= 0 and "\n" not in prose[start:pos] and "}" not in prose[start + 1 : pos]
    return False


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
    blocks: list[tuple[int, int, list[Hit]]] = []  # paragraphs (whole across page breaks)
    k = 0
    while k < len(paras):
        start, end = paras[k].start, paras[k].end
        while paras[k].start in continued:  # a paragraph cut by a page break: check it whole
            k = index[continued[paras[k].start]]
            end = paras[k].end
        inside = marks[bisect_left(marks, start) : bisect_left(marks, end)]
        blocks.append((start, end, list(_check_span(prose, start, end, inside)) if inside else []))
        k += 1
    quoted = _quotations(prose, blocks, marks)
    for n, (start, end, hits) in enumerate(blocks):
        cut = None  # judged when needed: most blocks are balanced
        for h in hits:
            if n in quoted and prose[h.start] == '"':
                continue
            if _inside_word(prose, h.start):
                pass  # "STRA(TEGY": a letter misread, whatever the layout
            elif _formula(prose, h.start):
                continue  # "(== (?x ?y) ?z)))": brackets of code or a formula
            elif _opener(prose, h.start):
                if cut is None:
                    cut = _unfinished(prose, start, end)
                if cut:
                    continue  # "a table (e.g.⏎", "(published in⏎": the rest is elsewhere
            yield h


# characters of code and formulas: brackets near them pair by rules of their own
# (not "*", "|" or "^", which OCR makes of specks)
_OPERATORS = frozenset("=<>∧∨→⇒←↔∀∃∈⊂⊆≤≥≠")
FORMULA_REACH = 30  # characters either side of a bracket looked at for an operator
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*$")
_LAST_TOKEN = regex.compile(r"(\S+)$")


def _formula(prose: str, pos: int) -> bool:
    """The bracket at ``pos`` stands among the operators of code or a formula."""
    near = prose[max(0, pos - FORMULA_REACH) : pos + FORMULA_REACH + 1]
    return "\n" not in near.strip() and not _OPERATORS.isdisjoint(near)


def _inside_word(prose: str, pos: int) -> bool:
    """The mark at ``pos`` has letters on both sides: no bracket or quote of the text."""
    return 0 < pos < len(prose) - 1 and prose[pos - 1].isalpha() and prose[pos + 1].isalpha()


def _opener(prose: str, pos: int) -> bool:
    ch = prose[pos]
    return ch in _OPEN or (ch == '"' and _opens(prose, pos))


def _unfinished(prose: str, start: int, end: int) -> bool:
    """The block ends without ending a sentence ("... (published in", "a dialogue (e.g."): it
    was cut, by extraction or a page break, and what closes a bracket left open is elsewhere."""
    tail = prose[start:end].rstrip()
    if not _SENTENCE_END.search(tail):
        return True
    last = _LAST_TOKEN.search(tail)
    word = last.group(1).lstrip("(\"'“‘[").rstrip(".").casefold() if last else ""
    return word in tokens.ABBREVIATIONS


def _quotations(prose: str, blocks: list[tuple[int, int, list[Hit]]], marks: list[int]) -> set[int]:
    """The blocks whose odd straight quote belongs to a quotation over several paragraphs: one
    left open, then (within :data:`QUOTE_SPAN` blocks) blocks that reopen it or hold no quote,
    then one whose last quote closes it."""

    def quotes(n: int) -> list[int]:
        lo, hi = blocks[n][0], blocks[n][1]
        return [
            p for p in marks[bisect_left(marks, lo) : bisect_left(marks, hi)] if prose[p] == '"'
        ]

    found: set[int] = set()
    n = 0
    while n < len(blocks):
        first = quotes(n)
        if len(first) % 2 == 0 or not _opens(prose, first[-1]):
            n += 1
            continue
        chain = [n]
        for m in range(n + 1, min(len(blocks), n + 1 + QUOTE_SPAN)):
            q = quotes(m)
            if not q:
                continue
            reopens = q[0] == blocks[m][0] or _opens(prose, q[0])
            if len(q) % 2 and _opens(prose, q[-1]) and reopens:
                chain.append(m)  # reopened and left open again: the quotation goes on
                continue
            if not _opens(prose, q[-1]) and (len(q) % 2 or reopens):
                found.update([*chain, m])
            break
        n = chain[-1] + 1
    return found


def _opens(prose: str, pos: int) -> bool:
    """The straight quote at ``pos`` opens a quotation: a word follows it, none precedes it."""
    before = prose[pos - 1] if pos > 0 else " "
    after = prose[pos + 1] if pos + 1 < len(prose) else " "
    return not after.isspace() and (before.isspace() or before in "-–—:(")


def _check_span(prose: str, start: int, end: int, marks: list[int]) -> Iterator[Hit]:
    """Unbalanced brackets and quotes in ``[start, end)``; ``marks`` are the offsets of the
    brackets and quotes there (the other characters play no part)."""
    stack: list[tuple[str, int]] = []
    enumerators: set[int] | None = None  # "a)", "2)": closers without openers, found if needed
    straight: list[int] = []
    for pos in marks:
        ch = prose[pos]
        if pos > start and prose[pos - 1] == "\\":
            continue  # an escaped bracket ("\[") is a character, not one of a pair
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
        elif ch == '"' and not _inch_mark(prose, start, pos):
            straight.append(pos)
    for ch, pos in stack:
        if ch == "“" and pos == start:
            continue  # a quotation running over several paragraphs opens each one
        yield Hit(pos, pos + 1, {"what": f"an unmatched '{ch}'"})
    if len(straight) % 2 and not (
        len(straight) == 1 and _paragraph_edge(prose, start, end, straight[0])
    ):
        pos = straight[-1]
        yield Hit(pos, pos + 1, {"what": "an unmatched '\"'"})


def _inch_mark(prose: str, start: int, pos: int) -> bool:
    """The straight quote at ``pos`` follows a number ('a 5" screen'), unless the number is
    itself quoted ('the word "69" alone')."""
    if pos == start or not prose[pos - 1].isdigit():
        return False
    lo = pos - 1
    while lo > start and (prose[lo - 1].isdigit() or prose[lo - 1] in ".,"):
        lo -= 1
    return not (lo > start and prose[lo - 1] == '"' and _opens(prose, lo - 1))


def _paragraph_edge(prose: str, start: int, end: int, quote: int) -> bool:
    """The block's one straight quote (at ``quote``) opens it, or closes it after the end of a
    sentence: a quotation over several paragraphs, opened in each and closed in the last, whose
    other paragraphs may be far away."""
    if quote == start:
        return True
    tail = prose[start:end].rstrip()
    return quote == start + len(tail) - 1 and tail[-2:-1] in (".", "!", "?")


KIND = Kind(
    "ocr-stray-markup",
    StrayMarkupOptions,
    check,
    "Markup debris, stray symbols, lost characters and unbalanced brackets or quotes.",
    fixes=(UNWRAP,),
)
