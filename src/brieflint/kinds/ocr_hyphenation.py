"""ocr-hyphenation: words broken at a line end ("mul-\\ntidimensional"), or whose break went
while the hyphen stayed ("mul- tidimensional", "di-rectly")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.text import segment

_WORD = r"[\p{L}\p{M}]++"
# a hyphen then a line break, or a hyphen then spaces, or a hyphen inside a word
_BREAK = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}-])({_WORD})(-)(?:([ \t]*(?:\r\n|\r|\n)[ \t]*)|([ \t]+)|)({_WORD})"
    rf"(?![\p{{L}}\p{{M}}]|-[\p{{L}}\p{{M}}])"
)
_RUN_BEFORE = regex.compile(rf"(?r){_WORD}")  # matched backwards: the letters ending at endpos


LINE_END = safe(
    "join a word broken at a line end",
    "A hyphen at a line end inside a known word that the draft also writes whole, or whose "
    "pieces are no words, is the typesetter's: the word is the same whatever the context.",
)
LOST_BREAK = unsafe(
    "join a word whose line break was lost",
    'A hyphen before a space may be a suspended compound ("pre- and post-war") that the checks '
    "did not recognise: a person decides.",
)
IN_WORD = unsafe(
    "remove a hyphen inside a word",
    'A hyphen inside a word may be meant ("over-whelming" in old prose, labels such as "T-t"): '
    "a person decides.",
)


class HyphenationOptions(Options):
    pass


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
            declared = LINE_END
        elif spaces:
            if not fragments or second.casefold() in ("and", "or", "to", "nor"):
                continue  # "pre- and post-war": a suspended hyphen
            what = "a broken word whose line break was lost"
            declared = LOST_BREAK
        else:
            if not segment.is_fragment(second, lexicon) or first.casefold() in segment.PREFIXES:
                continue  # "e-mail", "co-operation", "pre-empt": hyphenated on purpose
            what = "a hyphen left inside a word"
            declared = IN_WORD
        fix = (Edit(m.start(2), m.start(5), ""),)
        params = {"joined": joined, "what": what}
        yield Hit(m.start(1), m.end(5), params, (joined,), fix, fix_as=declared.name)


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
    fixes=(LINE_END, LOST_BREAK, IN_WORD),
)
