"""occurrence: a word or pattern must occur at least ``min`` / at most ``max`` times per scope."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

import regex
from pydantic import Field, model_validator

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.patterns import Pattern, finditer


class OccurrenceOptions(Options):
    pattern: Pattern = Field(description="The regular expression counted.")
    min: int | None = Field(None, description="Fewest occurrences per scope (none: no minimum).")
    max: int | None = Field(None, description="Most occurrences per scope (none: no maximum).")
    scope: Literal["document", "paragraph", "sentence"] = Field(
        "document",
        description='Where occurrences are counted: "document", "paragraph" or "sentence".',
    )
    ignorecase: bool = Field(True, description="Match regardless of case.")

    @model_validator(mode="after")
    def _bounds(self) -> OccurrenceOptions:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is larger than max")
        return self


def check(doc: Document, options: OccurrenceOptions, ctx: Context) -> Iterator[Hit]:
    flags = regex.IGNORECASE if options.ignorecase else 0
    if options.scope == "document":
        scopes = [(0, len(doc.text))]
    elif options.scope == "paragraph":
        scopes = [(p.start, p.end) for p in doc.paragraphs if not p.heading]
    else:
        scopes = [(s.start, s.end) for s in doc.sentences]
    # one scan of the whole text, matches bucketed into their scope (scopes are sorted)
    buckets: list[list[tuple[int, int]]] = [[] for _ in scopes]
    starts = [s for s, _ in scopes]
    for m in finditer(options.pattern, doc.prose, flags=flags):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= scopes[i][1]:
            buckets[i].append(m.span())
    for (start, end), found in zip(scopes, buckets, strict=True):
        count = len(found)
        if options.max is not None and count > options.max:
            extra = found[options.max]
            yield Hit(extra[0], extra[1], {"count": count, "limit": options.max})
        if options.min is not None and count < options.min:
            anchor_end = start
            while anchor_end < end and doc.text[anchor_end] not in "\r\n":
                anchor_end += 1
            yield Hit(start, anchor_end, {"count": count, "limit": options.min})


KIND = Kind(
    "occurrence",
    OccurrenceOptions,
    check,
    "Too few or too many occurrences in a scope.",
    whole_document=True,
)
