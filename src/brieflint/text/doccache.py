"""Per-document memo for analyses several rules share (word counts, page furniture).

Hand-written: ``Document`` is an unhashable dataclass, so ``functools`` caches do not apply; the
memo holds a weak reference and checks identity, so a new document never sees stale results.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from brieflint.document import Document

T = TypeVar("T")

_MEMO: dict[tuple[int, str], tuple[weakref.ref[Document], object]] = {}
_LIMIT = 256


def memo(doc: Document, key: str, compute: Callable[[Document], T]) -> T:
    """``compute(doc)``, computed once per document and key."""
    slot = (id(doc), key)
    found = _MEMO.get(slot)
    if found is not None and found[0]() is doc:
        return found[1]  # type: ignore[return-value]
    value = compute(doc)
    if len(_MEMO) >= _LIMIT:
        _MEMO.clear()
    _MEMO[slot] = (weakref.ref(doc), value)
    return value
