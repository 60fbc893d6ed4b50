"""English word frequencies (wordfreq) plus the house vocabulary.

wordfreq's ``large`` English list (about 320,000 words, Zipf scale, both British and American
spellings) installs from PyPI with brieflint: membership tells "is this a word", and the Zipf
frequency tells "how likely is it here", which rules need to tell a real two-word phrase ("a part")
from a split word ("transfor mation").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from brieflint.context import Vocabulary


@dataclass
class Lexicon:
    frequencies: dict[str, float]
    vocabulary: Vocabulary

    @classmethod
    def load(cls, language: str, vocabulary: Vocabulary) -> Lexicon:
        from wordfreq import get_frequency_dict

        lang = language.split("-", 1)[0].lower() or "en"
        return cls(get_frequency_dict(lang, wordlist="large"), vocabulary)

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for an unknown word."""
        freq = self.frequencies.get(word.casefold().replace("’", "'"), 0.0)
        return math.log10(freq) + 9.0 if freq > 0 else 0.0

    def known(self, word: str, min_zipf: float = 1.0) -> bool:
        """A word of the language (at least ``min_zipf`` frequent) or of the house vocabulary."""
        if self.vocabulary.accepts(word):
            return True
        if word.casefold() in self.vocabulary.reject or word in self.vocabulary.reject:
            return False
        return self.zipf(word) >= min_zipf
