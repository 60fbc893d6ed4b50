"""British and American spelling: write a word a fix brings in in the configured variety.

A fix that puts words of its own into a draft (a listed correction, not letters the author
typed) must not bring American spellings into an en-GB brief, or British ones into an en-US one:
``favring`` is fixed to "favouring" in en-GB and "favoring" in en-US. breame's maintained
tables give the pairs. British English keeps -ize (Oxford spelling): "organize" stays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

BRITISH = frozenset({"en-gb", "en-au", "en-nz", "en-ie", "en-za"})
AMERICAN = frozenset({"en-us", "en-ca"})
_WORD = regex.compile(r"[A-Za-z]+")


# A pair whose British form is this much rarer (Zipf) than an American word common in its own
# right is two words or senses, not two spellings ("draft"/"draught", "filter"/"philtre",
# "practice"/"practise", "ton"/"tonne", "connection"/"connexion"): British English writes both.
OTHER_WORD_GAP = 1.0
COMMON_AMERICAN_ZIPF = 3.5


def table(
    british: bool, zipf: Callable[[str], float] | None = None, oxford: bool = True
) -> dict[str, str]:
    """Spellings of the other variety, lower case, to this variety's; with ``zipf`` (a word's
    frequency), without the pairs that are two words rather than two spellings; ``oxford``:
    British English keeps -ize, so organize/organise is no pair."""
    return _pairs(british, zipf, oxford)


def _pairs(british: bool, zipf: Callable[[str], float] | None, oxford: bool) -> dict[str, str]:
    from breame.data.spelling_constants import (  # type: ignore[import-untyped]
        AMERICAN_ENGLISH_SPELLINGS,
        BRITISH_ENGLISH_SPELLINGS,
    )

    pairs: dict[str, str] = AMERICAN_ENGLISH_SPELLINGS if british else BRITISH_ENGLISH_SPELLINGS
    if british and oxford:
        pairs = {us: gb for us, gb in pairs.items() if not _oxford_pair(us, gb)}
    if zipf is None:
        return dict(pairs)
    return {a: b for a, b in pairs.items() if not _other_word(a, b, zipf, british)}


def _other_word(word: str, respelt: str, zipf: Callable[[str], float], british: bool) -> bool:
    american, gb = (word, respelt) if british else (respelt, word)
    common = zipf(american)
    return common > COMMON_AMERICAN_ZIPF and zipf(gb) < common - OTHER_WORD_GAP


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


def respell(text: str, language: str, lexicon: Lexicon | None = None) -> str:
    """``text`` with each word of the other variety than ``language``'s written in its own
    (unchanged for a language with no variety, such as plain "en"); with ``lexicon``, words
    that are other words in the variety ("draft", "filter") are left as they are."""
    lang = language.lower()
    if lang not in BRITISH and lang not in AMERICAN:
        return text
    found = for_language(lang, lexicon)

    def one(m: regex.Match[str]) -> str:
        other = found.get(m.group().lower())
        return m.group() if other is None else _case_like(m.group(), other)

    return _WORD.sub(one, text)


def for_language(
    language: str, lexicon: Lexicon | None = None, oxford: bool = True
) -> Mapping[str, str]:
    """The other variety's words → ``language``'s (empty for a language with no variety),
    judged by ``lexicon``'s frequencies when given and kept beside it for the run."""
    lang = language.lower()
    if lang not in BRITISH and lang not in AMERICAN:
        return {}
    british = lang in BRITISH
    if lexicon is None:
        return _plain(british)
    key = f"varieties.{british}.{oxford}"
    return lexicon.derived(key, lambda: table(british, lexicon.zipf, oxford))


@lru_cache(maxsize=2)
def _plain(british: bool) -> dict[str, str]:
    return table(british)
