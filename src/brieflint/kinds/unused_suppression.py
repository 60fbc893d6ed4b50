"""unused-suppression: a brieflint-disable comment that suppressed nothing.

The engine computes it (it needs every other rule's findings); this module gives it a kind and docs.
"""

from __future__ import annotations

from collections.abc import Iterator

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options


class UnusedSuppressionOptions(Options):
    pass


def check(doc: Document, options: UnusedSuppressionOptions, ctx: Context) -> Iterator[Hit]:
    return iter(())


KIND = Kind(
    "unused-suppression",
    UnusedSuppressionOptions,
    check,
    "Suppression comments that suppress nothing.",
)
