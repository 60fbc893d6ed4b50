"""ocr-hyphenation: words broken at a line end ("mul-\\ntidimensional"), or whose break went
while the hyphen stayed ("mul- tidimensional", "di-rectly")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.text import segment

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

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
        if not line_break and not spaces and _between_words(first, second, lexicon):
            # "the-house": a hyphen read for the space after an article
            spaced = f"{first} {second}"
            what = "a hyphen for the space between two words"
            yield Hit(m.start(1), m.end(5), {"joined": spaced, "what": what}, (spaced,))
            continue
        if (
            spaces
            and second.casefold() not in _SUSPENDED
            and not segment.is_known(joined, lexicon, counts)
        ):
            # "semi- continuous", "error- correction": the space after the hyphen is the damage
            # (a suspended hyphen is followed by "and", "or"...); the compound keeps its hyphen
            if (
                len(first) > 1
                and second[0].islower()
                and lexicon.known(first, segment.KNOWN_ZIPF)
                and lexicon.known(second, segment.KNOWN_ZIPF)
            ):
                compound = f"{first}-{second}"
                what = "a space after a hyphen inside a compound"
                yield Hit(m.start(1), m.end(5), {"joined": compound, "what": what}, (compound,))
            continue
        if not segment.is_known(joined, lexicon, counts):
            continue
        in_doc = counts.get(joined.casefold(), 0) > 0
        sure = True
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
            if second.casefold() in _SUSPENDED:
                continue  # "pre- and post-war": a suspended hyphen
            if not fragments:
                if len(first) < 2 or not second[0].islower():
                    continue  # "I- INTRODUCTION": a numbered heading
                compound = f"{first}-{second}"
                what = "a space after a hyphen inside a compound"
                yield Hit(m.start(1), m.end(5), {"joined": compound, "what": what}, (compound,))
                continue
            what = "a broken word whose line break was lost"
            declared = LOST_BREAK
        else:
            if not _broken_inside(first, second, lexicon):
                continue  # "e-mail", "co-operation", "pre-empt": hyphenated on purpose
            if (
                first[0].isupper()
                and not lexicon.known(joined)
                and lexicon.known(second, COMPOUND_ZIPF)
            ):
                continue  # "Horsemonger-lane", "Kyiv-based": a name and a word, a compound
            what = "a hyphen left inside a word"
            declared = IN_WORD
            # fixed only when the piece after the hyphen is no word at all ("di-rectly")
            sure = segment.is_fragment(second, lexicon)
        fix = (Edit(m.start(2), m.start(5), ""),) if sure else None
        params = {"joined": joined, "what": what}
        yield Hit(m.start(1), m.end(5), params, (joined,), fix, fix_as=declared.name)


# a word after a hyphen this common makes a compound with a name before it ("Kyiv-based")
COMPOUND_ZIPF = 3.0
# the words after a suspended hyphen: "pre- and post-war", "short- or long-term"
_SUSPENDED = frozenset({"and", "or", "to", "nor", "but", "versus", "vs", "as"})


# articles: no compound begins with one, and no dash follows one (a dash written as a hyphen,
# "the house-the old one", is how older prose sets it, so a hyphen before an article is left)
_ARTICLES = frozenset({"the", "an"})


def _between_words(first: str, second: str, lexicon: Lexicon) -> bool:
    """``first-second`` is an article and the next word joined by a hyphen ("the-house")."""
    return (
        first in _ARTICLES
        and second.islower()
        and len(second) > 1
        and lexicon.known(second, segment.KNOWN_ZIPF)
    )


def _broken_inside(first: str, second: str, lexicon: Lexicon) -> bool:
    """``first-second`` is one word with a hyphen left inside ("di-rectly", "selec-tion",
    "ran-dom"), not a hyphenated compound: no prefix before it, a piece that is no word, or a
    joined word far likelier than the two words ("random" against "ran" + "dom")."""
    if first.casefold() in segment.PREFIXES or len(first) < 2:
        return False  # "co-operation", "e-mail"
    if segment.is_fragment(second, lexicon) or segment.is_fragment(first, lexicon):
        return True
    return segment.likely_split(first, second, lexicon)


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
