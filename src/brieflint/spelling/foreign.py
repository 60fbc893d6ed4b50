"""Words of a passage in another language: a quotation, a title or an example sentence.

A lower-case word that English lacks but another language uses often ("und", "nicht") is
misspelt English only when nothing around it is that language too. Beside a word that the same
language uses more than English does, it is a word of that language ('la politique
étrangère', 'die Ostpolitik der Regierung'), and a spelling check of English has no say in it.

wordfreq's small lists of the other languages (their words at least Zipf 3 frequent) are read
only when a document asks: about 0.2 s and some 50 MB the first time, in a run that needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brieflint.document import Document
    from brieflint.text.lexicon import Lexicon

# languages written in Latin letters whose words a brief is likeliest to quote
LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "da", "sv", "pl", "tr", "id")
COMMON = 3.0  # Zipf: a word the language uses often


@cache
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language, wordlist="small"))


def languages_of(word: str, languages: Sequence[str] = LANGUAGES) -> list[str]:
    """The languages that use ``word`` (lower case) often."""
    return [lang for lang in languages if _zipf(word, lang) >= COMMON]


def in_passage(word: str, neighbours: Sequence[str], english: dict[str, float]) -> bool:
    """``word`` is used often by a language that also uses one of ``neighbours`` often, and
    more than English does (``english``: each neighbour's Zipf frequency in English)."""
    found = languages_of(word.lower())
    if not found:
        return False
    for other in neighbours:
        key = other.lower()
        if len(key) < 2 or not key.isalpha():
            continue
        if any(_zipf(key, lang) >= COMMON and _zipf(key, lang) > english[other] for lang in found):
            return True
    return False


RARE_NEIGHBOUR = 2.5  # Zipf: a neighbour rarer than this in English may be another language's


def quoted(doc: Document, start: int, word: str, lexicon: Lexicon) -> bool:
    """The word at ``start`` belongs to a passage in another language: a word that language uses
    often, beside another of its words (:func:`in_passage`). Asked only of words already judged
    misspelt, and only when a lower-case neighbour is rare in English too, so that English
    prose, with its names, seldom loads the other languages' lists."""
    words = doc.words_in(max(0, start - 64), min(len(doc.text), start + len(word) + 64))
    at = next((i for i, w in enumerate(words) if w.start == start), None)
    if at is None:
        return False
    near = [w.text for w in words[max(0, at - 3) : at] + words[at + 1 : at + 4]]
    english = {w: lexicon.zipf(w) for w in near}
    if not any(z < RARE_NEIGHBOUR and w[:1].islower() for w, z in english.items()):
        return False  # no lower-case neighbour rare in English: English prose (or a name)
    return in_passage(word, near, english)
