"""consistency: two spellings of one thing in one document (the style names the pairs)."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from pydantic import Field, field_validator

from brieflint import patterns
from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import doccache

MAJORITY = unsafe(
    "use the form the document uses most",
    "The majority form is a vote, not the house's choice, and the variants can differ in meaning "
    '("on-line" in a formula\'s description): a person decides. On a tie nothing is offered.',
)


class ConsistencyOptions(Options):
    groups: list[list[str]] = Field(
        description="Each group lists interchangeable spellings; a document should use one."
    )
    ignorecase: bool = Field(
        True, description="Spellings differing only in case count as the same spelling."
    )

    @field_validator("groups")
    @classmethod
    def _at_least_two(cls, value: list[list[str]]) -> list[list[str]]:
        for group in value:
            if len(group) < 2:
                raise ValueError("each group needs at least two spellings")
        return value


def check(doc: Document, options: ConsistencyOptions, ctx: Context) -> Iterator[Hit]:
    flags = regex.IGNORECASE if options.ignorecase else 0
    folded = doccache.memo(doc, "consistency.folded", _folded)
    for group in options.groups:
        found: dict[str, list[tuple[int, int, str]]] = {}
        for variant in group:
            if not may_occur(variant, folded):
                continue  # most spellings of most groups are absent: one search, not a scan
            pattern = patterns.words_pattern([variant])
            for m in patterns.finditer(pattern, doc.prose, flags=flags):
                found.setdefault(variant, []).append((m.start(), m.end(), m.group()))
        if len(found) < 2:
            continue
        # the most frequent form is suggested (on a tie, the one the group lists first); a fix
        # is offered only when one form is used more than every other
        ranked = sorted(found, key=lambda v: (-len(found[v]), group.index(v)))
        winner = ranked[0]
        tie = len(found[ranked[1]]) == len(found[winner])
        for variant, places in found.items():
            if variant == winner:
                continue
            for start, end, text in places:
                yield Hit(
                    start,
                    end,
                    {"preferred": winner, "count": len(found[winner]), "variant": text},
                    (winner,),
                    None if tie else (Edit(start, end, winner),),
                )


def _folded(doc: Document) -> str:
    return patterns.lead_key(doc.prose)


def may_occur(variant: str, folded: str) -> bool:
    """False when ``variant`` certainly does not occur in the text whose ``lead_key`` is
    ``folded``, with or without case-insensitive matching.

    The variant's first chunk (up to a space, which the pattern lets match any white space) must
    stand in the text as written, but for case. For ASCII characters, what ``regex`` matches
    case-insensitively maps to the same character under ``lead_key``; other characters have
    other case pairings, so a chunk with one is never ruled out.
    """
    chunk = variant.split(" ", 1)[0]
    return not chunk.isascii() or patterns.lead_key(chunk) in folded


KIND = Kind(
    "consistency",
    ConsistencyOptions,
    check,
    "One thing spelt two ways in one document.",
    fixes=(MAJORITY,),
    whole_document=True,
)
