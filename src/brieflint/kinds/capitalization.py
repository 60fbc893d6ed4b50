"""capitalization: terms with a fixed capitalization, and the case style of headings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex
from pydantic import Field

from brieflint import patterns
from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe

_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or per the to via vs with".split()
)


TERM_CASE = unsafe(
    "write the term as the style spells it",
    'A term\'s letters can spell an ordinary word used as that word ("Who" at a sentence start '
    'where WHO is a term, "aids" for AIDS): a person decides.',
)

HEADING_CASE = unsafe(
    "recase the heading's first word out of style",
    "A capital in a heading may belong to a name the style does not list "
    '("Relations with Georgia" in sentence case): a person decides.',
)


class CapitalizationOptions(Options):
    terms: list[str] = Field(
        default_factory=list, description="Terms spelt exactly so (NATO, OSCE)."
    )
    headings: Literal["any", "sentence", "title"] = Field(
        "any", description='Case style of headings: "sentence", "title", or "any" (not checked).'
    )
    exceptions: list[str] = Field(default_factory=list, description="Words kept as written.")


def check(doc: Document, options: CapitalizationOptions, ctx: Context) -> Iterator[Hit]:
    if options.terms:
        canonical = {t.casefold(): t for t in options.terms}
        for m in patterns.find_words(options.terms, doc, flags=regex.IGNORECASE):
            right = canonical.get(regex.sub(r"\s+", " ", m.group()).casefold())
            if right is not None and m.group() != right and "\n" not in m.group():
                yield Hit(
                    m.start(),
                    m.end(),
                    {"expected": right},
                    (right,),
                    (Edit(m.start(), m.end(), right),),
                )
    if options.headings != "any":
        keep = {w.casefold() for w in (*options.exceptions, *options.terms)}
        for para in doc.paragraphs:
            if para.heading:
                yield from _heading(para.start, para.text, options.headings, keep)


def _heading(start: int, text: str, style: str, keep: set[str]) -> Iterator[Hit]:
    words = list(regex.finditer(r"[\p{L}][\p{L}'’-]*", text))
    for i, m in enumerate(words):
        w = m.group()
        if w.casefold() in keep or (w.isupper() and len(w) > 1) or i == 0:
            continue
        if style == "sentence" and w[0].isupper() and w[1:].islower():
            right, expected = w.lower(), "sentence case"
        elif style == "title" and w[0].islower() and w.casefold() not in _SMALL:
            right, expected = w.capitalize(), "title case"
        else:
            continue
        s, e = start + m.start(), start + m.end()
        fix = (Edit(s, e, right),)
        yield Hit(s, e, {"expected": expected}, (right,), fix, fix_as=HEADING_CASE.name)
        return


KIND = Kind(
    "capitalization",
    CapitalizationOptions,
    check,
    "Fixed capitalization of terms; heading case.",
    fixes=(TERM_CASE, HEADING_CASE),
)
