"""Services a rule may use besides the document: vocabularies, language, style variables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from brieflint.config import Config

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon


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


@dataclass
class Context:
    """Shared, read-only per run (or per process when linting in parallel)."""

    language: str = "en-GB"
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    variables: dict[str, str] = field(default_factory=dict)
    config: Config = field(default_factory=Config)  # the user's config, CLI options applied
    root: Path = field(default_factory=Path.cwd)  # folder of the config file (or cwd)
    cache_dir: Path | None = None  # None: caching off (--no-cache)

    def __getstate__(self) -> dict[str, object]:
        # worker processes load their own lexicon rather than receive a pickled copy
        return {k: v for k, v in self.__dict__.items() if k != "lexicon"}

    @cached_property
    def lexicon(self) -> Lexicon:
        from brieflint.text.lexicon import Lexicon

        return Lexicon.load(self.language, self.vocabulary)
