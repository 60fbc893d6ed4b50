"""ocr-lowercase-start: a sentence starting in lower case after a full stop ("process. following").

Usually a full stop that should be a comma, or a capital lost in extraction; which one, only the
author knows, so there is no automatic fix.

Most lower-case words after a full stop in correct text follow an abbreviation, and no list holds
them all ("inst.", "Lieut.", "Proc.", "Corp."). So besides a short list, a word before the full
stop counts as an abbreviation when it has the shape of one: no vowel ("lb.", "pp."), a
truncation of a much commoner word of the language ("Univ." of "university"), or a word the
document itself uses as an abbreviation (followed by a full stop and a lower-case word or a digit
more than once, unless it is one of the commonest words). It does not when it joins the next word
into a word of the language ("deter. mined": a line-end hyphen read as a full stop). A full stop
inside closing quotation marks or brackets ends the quotation, not the sentence ('a verdict of
"Found drowned." returned'). The label of a lettered or Roman-numbered list item at the start of
a line ("b. the owner", "ii. moral rights") is not a sentence.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import doccache
from brieflint.text.lexicon import Lexicon, WordTable

_FIRST_WORD = regex.compile(r"\p{Ll}[\p{L}\p{M}'’-]*")
_LAST_WORD = regex.compile(r"([\p{L}\p{N}.]*)\.([\"'”’)\]]*)$")
# Abbreviations that end in a full stop and may be followed by a lower-case word.
_ABBREVIATIONS = frozenset(
    (
        "abbr approx art arts av ave c ca cent cf ch chap cit col cols comp dept eds ed eg esp est "
        "et al etc excl fig figs fn ibid ie incl min max n nn no nos op p para paras pp pt resp "
        "sec sect vol vols viz vs"
    ).split()
)
# a word, a full stop and what follows: a lower-case word or a digit (an abbreviation's use)
_ABBREVIATED = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}+)\.\s*(?=\p{Ll}|\p{N})")
_VOWELS = frozenset("aeiouyáàâäéèêëíìîïóòôöúùûü")
# an abbreviation cuts a word short: the word it stands for is this much commoner (Zipf units)
TRUNCATION_MARGIN = 1.0
TRUNCATION_MIN_LETTERS = 3  # shorter words begin too many others to tell
TRUNCATION_SCAN = 5000  # words of the lexicon looked at per stem, at most
# the words the language uses too often to be abbreviated ("and. be" is damage, however often)
COMMON_ZIPF = 5.0
JOINED_ZIPF = 2.0  # "deter. mined": the two pieces make a word this common, cut in two


# a list item's label: a letter or a Roman numeral and a full stop or bracket ("b. ", "iv) ")
_LABEL = regex.compile(r"(?:[a-z]|[ivx]{1,5})[.)](?:\s|$)")
_ROMAN = regex.compile(r"[ivx]{1,5}")


def _line_start(prose: str, at: int) -> bool:
    """Only white space before ``at`` on its line."""
    start = prose.rfind("\n", 0, at) + 1
    return not prose[start:at].strip()


# a number with a short unit or money abbreviation after it
_MEASURE = regex.compile(r"\d{1,3}(?:,\d{3})*\p{Ll}{1,3}")


class LowercaseStartOptions(Options):
    pass


def check(doc: Document, options: LowercaseStartOptions, ctx: Context) -> Iterator[Hit]:
    para_starts = {p.start for p in doc.paragraphs}
    sentences = doc.sentences
    used: Counter[str] | None = None
    for prev, cur in itertools.pairwise(sentences):
        if "A" <= cur.text[0] <= "Z":
            continue  # most sentences: a capital, which no lower-case word starts with
        if cur.start in para_starts or not doc.is_prose(prev.end, cur.start):
            continue  # a new block, or code/markup between: "approved. `publish` is refused"
        first = _FIRST_WORD.match(cur.text)
        if first is None or any(ch.isupper() for ch in first.group()):
            continue  # "eBay", "iPhone": brand names keep their lower-case start
        if _LABEL.match(cur.text) and _line_start(doc.prose, cur.start):
            continue  # "b. Affirmer offers": the next item's label in a lettered list
        last = _LAST_WORD.search(prev.text)
        if last is None or prev.text.rstrip("\"'”’)]").endswith(".."):
            continue  # not a full stop, or an ellipsis
        if last.group(2):
            continue  # 'was "Found drowned." returned', "(Mon.) on": a quotation or aside ends
        word = last.group(1)
        if "." in word or len(word) <= 1 or word.casefold() in _ABBREVIATIONS:
            continue  # "a.m.", initials, "approx."
        if _ROMAN.fullmatch(word) and _line_start(doc.prose, prev.end - len(last.group())):
            continue  # "ii. moral rights": a list item's label, not the end of a sentence
        if _MEASURE.fullmatch(word):
            continue  # "5s. a week", "4lb. loaf", "10km. on": a number and its unit's abbreviation
        joined = False
        if word.isalpha():
            if used is None:
                used = doccache.memo(doc, "ocr-lowercase-start.abbreviated", _abbreviated)
            # (a one-letter second piece, "inst. a", joins too many words to say so)
            joined = len(first.group()) > 1 and ctx.lexicon.known(word + first.group(), JOINED_ZIPF)
            if not joined and (
                (used[word.casefold()] >= 2 and ctx.lexicon.zipf(word) < COMMON_ZIPF)
                or _abbreviation_shape(word, ctx.lexicon)
            ):
                continue  # "inst. the", "Univ. of"; but "deter. mined" is a word cut in two
        # the finding covers the defect: the word before, its full stop and the lower-case word
        start = prev.end - 1 - len(word)
        end = cur.start + first.end()
        readings = _readings(doc.text[start:end], word)
        if joined:  # "deter. mined": a word cut in two, the likeliest reading
            readings = (word + first.group(), *readings)
        yield Hit(start, end, {"word": first.group()}, readings)


def _readings(passage: str, word: str) -> tuple[str, ...]:
    """What ``passage`` ("process. following") may have said: without the full stop (a speck
    read as one, the commonest in OCR), with a comma, or with the capital that was lost."""
    gap = passage[len(word) + 1 :]  # the spaces and the lower-case word
    lead = len(gap) - len(gap.lstrip())
    after = gap[lead:]
    return (
        f"{word}{gap}",
        f"{word},{gap}",
        f"{word}.{gap[:lead]}{after[0].upper()}{after[1:]}",
    )


def _abbreviated(doc: Document) -> Counter[str]:
    """How often the document follows each word with a full stop and a lower-case word or digit."""
    return Counter(m.group(1).casefold() for m in _ABBREVIATED.finditer(doc.prose))


def _abbreviation_shape(word: str, lexicon: Lexicon) -> bool:
    """``word`` looks like an abbreviation: no vowel ("lb", "Mr"), or it begins a word of the
    language that is much commoner than itself ("Univ", "Lieut", "inst")."""
    folded = word.casefold()
    if not _VOWELS.intersection(folded):
        return True
    if len(folded) < TRUNCATION_MIN_LETTERS:
        return False
    verdicts = lexicon.derived("ocr-lowercase-start.truncations", dict[str, bool])
    found = verdicts.get(folded)
    if found is None:
        found = verdicts[folded] = _truncates(folded, lexicon)
    return found


def _truncates(stem: str, lexicon: Lexicon) -> bool:
    """Some word of the lexicon, two letters or more longer, begins with ``stem`` and is
    :data:`TRUNCATION_MARGIN` commoner."""
    table = lexicon.frequencies
    bar = lexicon.zipf(stem) + TRUNCATION_MARGIN
    if isinstance(table, WordTable):
        candidates: Iterator[str] = table.beginning(stem)
    else:
        candidates = (w for w in table if w.startswith(stem))
    return any(
        len(word) >= len(stem) + 2 and lexicon.zipf(word) >= bar
        for word in itertools.islice(candidates, TRUNCATION_SCAN)
    )


KIND = Kind(
    "ocr-lowercase-start",
    LowercaseStartOptions,
    check,
    "A sentence that starts in lower case after a full stop.",
)
