"""name-variant: a rare form that is an OCR misreading of a name or word the document uses often.

"Kasvmov" once in a brief that writes "Kasymov" three times, "Tbilisl" beside "Tbilisi": one
OCR-weighted edit (y/v, j/i, rn/m, a diacritic ...) from a form used ``min_count`` times or more
in the same document, or listed in the house vocabulary. Inflections and possessives are not
variants. The fix replaces the rare form with the frequent one.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.spelling import analysis

REPLACE = unsafe(
    "replace the rare form with the frequent one",
    "A rare form one OCR confusion from a frequent name is usually a misreading, but can be "
    'another name or word ("Ivanova" beside "Ivanovo"): a person decides.',
)


class NameVariantOptions(Options):
    max_count: int = Field(2, ge=1, description="A variant occurs at most this often.")
    min_count: int = Field(2, ge=1, description="The form it varies occurs at least this often.")
    max_cost: float = Field(
        1.0, gt=0, le=1.0, description="Largest OCR-weighted edit distance (a plain edit is 1)."
    )
    min_length: int = Field(4, ge=2, description="Shorter words are not compared.")


def check(doc: Document, options: NameVariantOptions, ctx: Context) -> Iterator[Hit]:
    found = analysis.variants(
        doc,
        ctx,
        max_count=options.max_count,
        min_count=options.min_count,
        max_cost=options.max_cost,
        min_length=options.min_length,
    )
    if not found:
        return
    for token in analysis.words_of(doc).tokens_of(found):
        variant = found[token.text]
        where = f"{variant.count} times" if variant.count else "in the house vocabulary"
        params = {"word": token.text, "target": variant.target, "count": variant.count}
        params["where"] = where
        fix = (Edit(token.start, token.end, variant.target),)
        yield Hit(token.start, token.end, params, (variant.target,), fix)


KIND = Kind(
    "name-variant",
    NameVariantOptions,
    check,
    "A rare form one OCR confusion from a name or word the document uses often.",
    fixes=(REPLACE,),
    backend="spelling",
    whole_document=True,
)
