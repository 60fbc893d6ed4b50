"""British and American spelling: write a word a fix brings in in the configured variety.

A fix that puts words of its own into a draft (a listed correction, not letters the author
typed) must not bring American spellings into an en-GB brief, or British ones into an en-US one:
``favring`` is fixed to "favouring" in en-GB and "favoring" in en-US. breame's maintained
tables give the pairs. British English keeps -ize (Oxford spelling): "organize" stays.
"""

from __future__ import annotations

from functools import lru_cache

import regex

BRITISH = frozenset({"en-gb", "en-au", "en-nz", "en-ie", "en-za"})
AMERICAN = frozenset({"en-us", "en-ca"})
_WORD = regex.compile(r"[A-Za-z]+")


@lru_cache(maxsize=2)
def _table(british: bool) -> dict[str, str]:
    """Spellings of the other variety, lower case, to this variety's."""
    from breame.data.spelling_constants import (  # type: ignore[import-untyped]
        AMERICAN_ENGLISH_SPELLINGS,
        BRITISH_ENGLISH_SPELLINGS,
    )

    table: dict[str, str] = AMERICAN_ENGLISH_SPELLINGS if british else BRITISH_ENGLISH_SPELLINGS
    if not british:
        return dict(table)
    return {us: gb for us, gb in table.items() if not _oxford_pair(us, gb)}


def _oxford_pair(american: str, british: str) -> bool:
    """``organize``/``organise``: the two differ only in z for s (Oxford spelling keeps -ize)."""
    return len(american) == len(british) and all(
        a == b or (a, b) == ("z", "s") for a, b in zip(american, british, strict=True)
    )


def _case_like(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def respell(text: str, language: str) -> str:
    """``text`` with each word of the other variety than ``language``'s written in its own
    (unchanged for a language with no variety, such as plain "en")."""
    lang = language.lower()
    if lang not in BRITISH and lang not in AMERICAN:
        return text
    table = _table(lang in BRITISH)

    def one(m: regex.Match[str]) -> str:
        found = table.get(m.group().lower())
        return m.group() if found is None else _case_like(m.group(), found)

    return _WORD.sub(one, text)
