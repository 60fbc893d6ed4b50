"""substitution: a wrong word or phrase, with the right one as suggestion and fix."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint import patterns
from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe
from brieflint.text import varieties

REPLACE = safe(
    "replace the wrong form with the right one",
    "The rule lists forms that are wrong in any context, each with its one correction "
    '("goverment" → "government"); the case of the first letter is kept.',
)


class SubstitutionOptions(Options):
    swap: dict[str, str] = Field(description="wrong → right (literal phrases, whole words)")
    ignorecase: bool = True
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
            right = varieties.respell(right, ctx.language)
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
    fixes=(REPLACE,),
)
