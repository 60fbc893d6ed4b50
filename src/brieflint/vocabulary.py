"""The house vocabulary: words always accepted, and words always rejected."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Vocabulary:
    """House vocabulary: words always accepted, and words always rejected."""

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()

    @cached_property
    def accept_folded(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.accept)

    def accepts(self, word: str) -> bool:
        return word in self.accept or (word.casefold() in self.accept_folded and word[:1].isupper())
