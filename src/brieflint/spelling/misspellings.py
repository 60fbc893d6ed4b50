"""A maintained list of common English misspellings, read as data.

``data/misspellings.txt`` is a selection of codespell's dictionary (derived from English
Wikipedia's "Lists of common misspellings", CC BY-SA 3.0: see ``data/NOTICE``), made by
``tools/misspellings/build.py``: the misspellings common enough on the web that wordfreq lists
them (``teh``, ``thier``, ``becuase``), which a frequency-based spelling check cannot see.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

DATA = Path(__file__).resolve().parent / "data" / "misspellings.txt"
LISTS = ("common-misspellings",)


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """``wrong->right[, right ...]`` lines (``#`` starts a comment line) as wrong → rights."""
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        wrong, sep, rights = line.partition("->")
        if not sep or line.startswith("#"):
            continue
        fixes = tuple(r.strip() for r in rights.split(",") if r.strip())
        if fixes:
            found[wrong.strip()] = fixes
    return found


def common(lexicon: Lexicon) -> Mapping[str, tuple[str, ...]]:
    """The shipped list (read once per lexicon, that is once a run)."""
    return lexicon.derived("misspellings.common", lambda: parse(DATA.read_text(encoding="utf-8")))
