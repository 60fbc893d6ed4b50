"""substitution: a wrong word or phrase, with the right one as suggestion and fix.

Besides the rule's own ``swap`` table, ``lists`` names shipped word lists read as data:
``common-misspellings`` is a maintained list of common English misspellings (see
``brieflint/spelling/misspellings.py``). A listed word is matched in lower case, or capitalised
at the start of a sentence, so that a name ("Chanel") is never taken for a misspelling; an entry
with one correction is fixed, one with several gets them as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex
from pydantic import Field

from brieflint import patterns
from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.spelling import analysis, misspellings
from brieflint.text import varieties

REPLACE = safe(
    "replace the wrong form with the right one",
    "The rule's own table lists forms that are wrong in any context, each with its one correction "
    '("goverment" → "government"); the case of the first letter is kept.',
)
LISTED = unsafe(
    "replace a listed misspelling with its one correction",
    "A shipped list of common misspellings is large and made for typed text: in extracted text a "
    'listed form can be a piece of a split word ("docu ment") or a name: a person decides.',
)


class SubstitutionOptions(Options):
    swap: dict[str, str] = Field(
        default_factory=dict, description="wrong → right (literal phrases, whole words)"
    )
    lists: list[Literal["common-misspellings"]] = Field(
        default_factory=list, description="Shipped lists of wrong words read as data."
    )
    ignorecase: bool = Field(
        True, description="Match regardless of case (the fix carries the case found over)."
    )
    respell: bool = Field(
        False,
        description="Write each correction in the configured variety of English (favourite in "
        "en-GB, favorite in en-US); off where the list's own spelling is the house's choice.",
    )


def match_case(found: str, replacement: str) -> str:
    """Carry the case of ``found`` over to ``replacement`` (Upper, UPPER, lower)."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def check(doc: Document, options: SubstitutionOptions, ctx: Context) -> Iterator[Hit]:
    taken: set[int] = set()
    for hit in _swaps(doc, options, ctx):
        taken.add(hit.start)
        yield hit
    if options.lists:
        yield from (h for h in _listed(doc, options, ctx) if h.start not in taken)


def _listed(doc: Document, options: SubstitutionOptions, ctx: Context) -> Iterator[Hit]:
    """The words of the shipped lists: each distinct form looked up once."""
    table = misspellings.common(ctx.lexicon)
    words = analysis.words_of(doc)
    found: dict[str, tuple[str, ...]] = {}
    for form in words.counts:
        key = form.lower()
        if key in table and (form == key or form == key.capitalize()):
            found[form] = table[key]
    for token in words.tokens_of(found):
        if token.text != token.text.lower() and not token.sentence_start:
            continue  # a capitalised word inside a sentence is a name
        corrections = found[token.text]
        if options.respell:
            corrections = tuple(
                varieties.respell(r, ctx.language, ctx.lexicon) for r in corrections
            )
        rights = tuple(dict.fromkeys(match_case(token.text, r) for r in corrections))
        if token.text in rights:
            continue  # the variety's own spelling, which the list has for another's
        fix = (Edit(token.start, token.end, rights[0]),) if len(rights) == 1 else None
        params = {"right": "' or '".join(rights)}
        yield Hit(token.start, token.end, params, rights, fix, fix_as=LISTED.name)


def _swaps(doc: Document, options: SubstitutionOptions, ctx: Context) -> Iterator[Hit]:
    if not options.swap:
        return
    flags = regex.IGNORECASE if options.ignorecase else 0
    lookup = {k.casefold() if options.ignorecase else k: v for k, v in options.swap.items()}
    for m in patterns.find_words(list(options.swap), doc, flags=flags):
        found = m.group()
        key = regex.sub(r"\s+", " ", found)
        right = lookup.get(key.casefold() if options.ignorecase else key)
        if right is None:
            continue
        if options.respell:
            right = varieties.respell(right, ctx.language, ctx.lexicon)
        suggestion = match_case(found, right) if options.ignorecase else right
        if suggestion == found:
            continue
        fix = (Edit(m.start(), m.end(), suggestion),)
        yield Hit(m.start(), m.end(), {"right": suggestion}, (suggestion,), fix)


KIND = Kind(
    "substitution",
    SubstitutionOptions,
    check,
    "A wrong form, with the right one.",
    fixes=(REPLACE, LISTED),
)
