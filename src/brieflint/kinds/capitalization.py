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
from brieflint.kinds import Hit, Kind, Options

_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or per the to via vs with".split()
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
            yield Hit(
                start + m.start(), start + m.end(), {"expected": "sentence case"}, (w.lower(),)
            )
            return
        if style == "title" and w[0].islower() and w.casefold() not in _SMALL:
            yield Hit(
                start + m.start(), start + m.end(), {"expected": "title case"}, (w.capitalize(),)
            )
            return


KIND = Kind(
    "capitalization",
    CapitalizationOptions,
    check,
    "Fixed capitalization of terms; heading case.",
    fixable=True,
)
