"""Per-document memo for analyses several rules share (word counts, page furniture).

The values live on the document itself (``Document.memos``), so they go when it goes and a new
document never sees another's results; nothing is kept in this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from brieflint.document import Document

T = TypeVar("T")


def memo(doc: Document, key: str, compute: Callable[[Document], T]) -> T:
    """``compute(doc)``, computed once per document and key."""
    store = doc.memos
    if key in store:
        return store[key]  # type: ignore[return-value]
    value = store[key] = compute(doc)
    return value
