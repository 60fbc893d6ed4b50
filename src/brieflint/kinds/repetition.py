"""repetition: the same word twice in a row ("the the"), except where grammatical."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options


class RepetitionOptions(Options):
    allow: list[str] = Field(
        default_factory=lambda: ["had", "that", "is", "do", "bye", "knock", "very", "so", "no"],
        description="Words that may legitimately repeat (had had, that that).",
    )
    ignorecase: bool = True
    fix: bool = False


def check(doc: Document, options: RepetitionOptions, ctx: Context) -> Iterator[Hit]:
    allow = {w.casefold() for w in options.allow}
    prose, text = doc.prose, doc.text
    for para in doc.paragraphs:  # never across paragraphs, list items or table cells
        for prev, cur in itertools.pairwise(doc.words_in(para.start, para.end)):
            a, b = (
                (prev.text.casefold(), cur.text.casefold())
                if options.ignorecase
                else (prev.text, cur.text)
            )
            if a != b or a.casefold() in allow:
                continue
            between = prose[prev.end : cur.start]
            if between.strip() or between != text[prev.end : cur.start]:
                continue  # punctuation ("no, no") or code/markup between the two
            fix = (Edit(prev.end, cur.end, ""),) if options.fix else None
            yield Hit(prev.start, cur.end, {"word": cur.text}, (prev.text,), fix)


KIND = Kind("repetition", RepetitionOptions, check, "A word repeated by mistake.", fixable=True)
