"""Adding a word to the house vocabulary: the word list the configuration names, written
atomically (the old file or the new one, never half of either)."""

from __future__ import annotations

from pathlib import Path

from brieflint import atomic, ruleset, style
from brieflint.errors import BrieflintError


def target(setup: ruleset.Setup) -> Path | None:
    """The vocabulary file new words go to: the first the configuration's ``vocab`` names (None:
    it names none)."""
    entries = setup.loaded.config.vocab
    if not entries or setup.loaded.path is None:
        return None
    return setup.loaded.root / entries[0]


def add(path: Path, word: str) -> bool:
    """Add ``word`` to the word list at ``path`` on a line of its own (False: it was there)."""
    word = word.strip()
    if not word or "\n" in word or "\r" in word or "#" in word:
        raise BrieflintError(f"not a word for the vocabulary: {word!r}", path=str(path))
    if word in style.read_word_list(path):
        return False
    try:
        old = path.read_bytes().decode("utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise BrieflintError(f"cannot read word list: {exc}", path=str(path)) from None
    if old and not old.endswith(("\n", "\r")):
        old += "\n"
    try:
        atomic.write_text(path, f"{old}{word}\n")
    except OSError as exc:
        raise BrieflintError(atomic.failure(exc), path=str(path)) from None
    return True
