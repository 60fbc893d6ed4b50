"""Services a rule may use besides the document: vocabularies, language, style variables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from brieflint.config import HarperConfig, LanguageToolConfig
from brieflint.vocabulary import Vocabulary

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

T = TypeVar("T")


@dataclass
class Context:
    """Shared, read-only per run (or per process when linting in parallel)."""

    language: str = "en-GB"
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    variables: dict[str, str] = field(default_factory=dict)
    # LanguageTool's settings, with the mode the command line chose (--languagetool)
    languagetool: LanguageToolConfig = field(default_factory=LanguageToolConfig)
    # Harper's settings, with the mode the command line chose (--grammar)
    harper: HarperConfig = field(default_factory=HarperConfig)
    root: Path = field(default_factory=Path.cwd)  # folder of the config file (or cwd)
    cache_dir: Path | None = None  # None: caching off (--no-cache)
    # what rules keep for the rest of a run (a LanguageTool client and its remembered failure)
    _services: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, object]:
        # a copy in another process loads its own lexicon and starts its own services
        state = {k: v for k, v in self.__dict__.items() if k != "lexicon"}
        state["_services"] = {}
        return state

    def service(self, name: str, build: Callable[[], T]) -> T:
        """The run's service called ``name``, built on first use (one per run, not per file)."""
        if name not in self._services:
            self._services[name] = build()
        return self._services[name]  # type: ignore[return-value]

    @cached_property
    def lexicon(self) -> Lexicon:
        from brieflint.text.lexicon import Lexicon

        return Lexicon.load(self.language, self.vocabulary)
