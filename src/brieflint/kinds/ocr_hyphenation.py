"""ocr-hyphenation: words broken at a line end ("mul-\\ntidimensional"), or whose break went
while the hyphen stayed ("mul- tidimensional", "di-rectly")."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import segment

_WORD = r"[\p{L}\p{M}]++"
# a hyphen then a line break, or a hyphen then spaces, or a hyphen inside a word
_BREAK = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}-])({_WORD})(-)(?:([ \t]*(?:\r\n|\r|\n)[ \t]*)|([ \t]+)|)({_WORD})"
    rf"(?![\p{{L}}\p{{M}}]|-[\p{{L}}\p{{M}}])"
)
_RUN_BEFORE = regex.compile(rf"(?r){_WORD}")  # matched backwards: the letters ending at endpos


class HyphenationOptions(Options):
    fix: bool = Field(True, description="Offer the joined word as a fix.")


def check(doc: Document, options: HyphenationOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    for m in _breaks(prose):
        first, second = m.group(1), m.group(5)
        line_break, spaces = m.group(3) is not None, m.group(4) is not None
        if not second[0].islower() and not (first.isupper() and second.isupper()):
            continue  # "Nagorno-Karabakh", "anti-Russian": a compound with a name
        joined = first + second
        if not segment.is_known(joined, lexicon, counts):
            continue
        in_doc = counts.get(joined.casefold(), 0) > 0
        fragments = segment.is_fragment(first, lexicon) or segment.is_fragment(second, lexicon)
        if line_break:
            prefix = first.casefold() in segment.PREFIXES
            # "infra-\nstructure": a long prefix whose joined word is far likelier than the pair
            likely = len(first) >= 4 and segment.likely_split(first, second, lexicon)
            if not (in_doc or (fragments and not prefix) or likely):
                continue  # "state-\nowned", "pre-\nempt": the hyphen may belong there
            what = "a word broken across lines"
        elif spaces:
            if not fragments or second.casefold() in ("and", "or", "to", "nor"):
                continue  # "pre- and post-war": a suspended hyphen
            what = "a broken word whose line break was lost"
        else:
            if not segment.is_fragment(second, lexicon) or first.casefold() in segment.PREFIXES:
                continue  # "e-mail", "co-operation", "pre-empt": hyphenated on purpose
            what = "a hyphen left inside a word"
        hyphen = m.start(2)
        fix = (Edit(hyphen, m.start(5), ""),) if options.fix else None
        yield Hit(m.start(1), m.end(5), {"joined": joined, "what": what}, (joined,), fix)


def _breaks(prose: str) -> Iterator[regex.Match[str]]:
    """``_BREAK.finditer(prose)``, tried only at the words before a hyphen.

    Scanning every position with the pattern costs a hundred times more than finding the few
    hyphens: a match starts where the run of letters before one of them starts, and matches do
    not overlap, so a run reaching back into the previous match is passed over.
    """
    done = 0
    hyphen = prose.find("-")
    while hyphen != -1:
        run = _RUN_BEFORE.match(prose, done, hyphen)
        if run is not None:
            m = _BREAK.match(prose, run.start())
            if m is not None:
                yield m
                done = m.end()
        hyphen = prose.find("-", max(hyphen + 1, done))


KIND = Kind(
    "ocr-hyphenation",
    HyphenationOptions,
    check,
    "Hyphenation breaks left by extraction, where the joined form is a known word.",
    fixable=True,
)
