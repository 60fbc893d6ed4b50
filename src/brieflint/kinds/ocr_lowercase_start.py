"""ocr-lowercase-start: a sentence starting in lower case after a full stop ("process. following").

Usually a full stop that should be a comma, or a capital lost in extraction; which one, only the
author knows, so there is no automatic fix.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options

_FIRST_WORD = regex.compile(r"\p{Ll}[\p{L}\p{M}'’-]*")
_LAST_WORD = regex.compile(r"([\p{L}\p{N}.]*)\.[\"'”’)\]]*$")
# Abbreviations that end in a full stop and may be followed by a lower-case word.
_ABBREVIATIONS = frozenset(
    (
        "abbr approx art arts av ave c ca cent cf ch chap cit col cols comp dept eds ed eg esp est "
        "et al etc excl fig figs fn ibid ie incl min max n nn no nos op p para paras pp pt resp "
        "sec sect vol vols viz vs"
    ).split()
)


# a number with a short unit or money abbreviation after it
_MEASURE = regex.compile(r"\d{1,3}(?:,\d{3})*\p{Ll}{1,3}")


class LowercaseStartOptions(Options):
    pass


def check(doc: Document, options: LowercaseStartOptions, ctx: Context) -> Iterator[Hit]:
    para_starts = {p.start for p in doc.paragraphs}
    sentences = doc.sentences
    for prev, cur in itertools.pairwise(sentences):
        if "A" <= cur.text[0] <= "Z":
            continue  # most sentences: a capital, which no lower-case word starts with
        if cur.start in para_starts or not doc.is_prose(prev.end, cur.start):
            continue  # a new block, or code/markup between: "approved. `publish` is refused"
        first = _FIRST_WORD.match(cur.text)
        if first is None or any(ch.isupper() for ch in first.group()):
            continue  # "eBay", "iPhone": brand names keep their lower-case start
        last = _LAST_WORD.search(prev.text)
        if last is None or prev.text.rstrip("\"'”’)]").endswith(".."):
            continue  # not a full stop, or an ellipsis
        word = last.group(1)
        if "." in word or len(word) <= 1 or word.casefold() in _ABBREVIATIONS:
            continue  # "a.m.", initials, "approx."
        if _MEASURE.fullmatch(word):
            continue  # "5s. a week", "4lb. loaf", "10km. on": a number and its unit's abbreviation
        yield Hit(
            cur.start,
            cur.start + first.end(),
            {"word": first.group()},
            (first.group()[0].upper() + first.group()[1:],),
        )


KIND = Kind(
    "ocr-lowercase-start",
    LowercaseStartOptions,
    check,
    "A sentence that starts in lower case after a full stop.",
)
