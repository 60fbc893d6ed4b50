"""existence: report words, phrases or patterns that should not appear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.patterns import Pattern, find_words, finditer, words_pattern


class ExistenceOptions(Options):
    tokens: list[str] = Field(default_factory=list, description="Words or phrases (whole words).")
    patterns: list[Pattern] = Field(default_factory=list, description="Regular expressions.")
    ignorecase: bool = Field(True, description="Match regardless of case.")
    scope: Literal["prose", "text"] = Field(
        "prose",
        description='"prose": only prose (Markdown code, URLs and comments left out); "text": '
        "the whole file.",
    )


def check(doc: Document, options: ExistenceOptions, ctx: Context) -> Iterator[Hit]:
    flags = regex.IGNORECASE if options.ignorecase else 0
    text = doc.prose if options.scope == "prose" else doc.text
    for source in options.patterns:
        for m in finditer(source, text, flags=flags):
            if m.end() > m.start():
                yield Hit(m.start(), m.end())
    if options.tokens:
        if options.scope == "prose":
            found = find_words(options.tokens, doc, flags=flags)
        else:
            found = finditer(words_pattern(options.tokens), text, flags=flags)
        for m in found:
            if m.end() > m.start():
                yield Hit(m.start(), m.end())


KIND = Kind(
    "existence", ExistenceOptions, check, "Words, phrases or patterns that must not appear."
)
