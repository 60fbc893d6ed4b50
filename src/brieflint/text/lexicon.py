"""English word frequencies (wordfreq) plus the house vocabulary.

wordfreq's ``large`` English list (about 320,000 words, Zipf scale, both British and American
spellings) installs from PyPI with brieflint: membership tells "is this a word", and the Zipf
frequency tells "how likely is it here", which rules need to tell a real two-word phrase ("a part")
from a split word ("transfor mation"), or a rare misspelling that made it into the list
that made it into the list from the common word it stands for.

Start-up cost matters (a pre-commit run lints one file): importing wordfreq and building its
dictionary takes about 0.25 s. The first load therefore writes a compact table (sorted words,
offsets, Zipf values) to the user cache folder, keyed by wordfreq's data file; later loads read it
in a few milliseconds and look words up by binary search. Written by hand: no library keeps a
frequency list in this form. If the cache folder cannot be written, the table stays in memory.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import math
import os
import struct
import unicodedata
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from brieflint.context import Vocabulary

_MAGIC = b"BLLEX2\n"
_WORDLIST = "large"


def normalize(word: str) -> str:
    """The lookup key of a word: case folded, typographic apostrophe, Turkish dotted I."""
    if word.isascii():
        return word.lower()  # casefold is lower for ASCII; the replacements are not ASCII
    return _normalize_unicode(word)


@lru_cache(maxsize=65536)
def _normalize_unicode(word: str) -> str:
    folded = word.replace("’", "'").replace("İ", "I").casefold()
    # casefold turns "İ" into "i" + U+0307; wordfreq stores plain "i"
    return folded.replace("i\u0307", "i")


def strip_accents(word: str) -> str:
    """``Türkiye`` → ``Turkiye``: the word without combining marks (and dotless ı as i)."""
    if word.isascii():
        return word  # nothing to decompose
    return _strip_accents_unicode(word)


@lru_cache(maxsize=65536)
def _strip_accents_unicode(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("ı", "i").replace("İ", "I"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class WordTable(Mapping[str, float]):
    """A read-only word → frequency mapping over sorted UTF-8 words (binary search)."""

    def __init__(self, blob: bytes, offsets: array[int], zipf100: array[int]) -> None:
        self._blob = blob
        self._offsets = offsets  # start of word i; one extra entry at the end
        self._zipf = zipf100  # Zipf value x 100 of word i

    @cached_property
    def _words(self) -> list[str]:
        """The sorted words (UTF-8 byte order is code-point order, so ``bisect`` on str works).

        Decoding and splitting the blob once costs a few tens of milliseconds; after that a
        lookup is a C-level binary search of about a microsecond.
        """
        return self._blob.decode("utf-8").split("\n")[: len(self._zipf)]

    @classmethod
    def from_frequencies(cls, frequencies: Mapping[str, float]) -> WordTable:
        encoded = sorted(w.encode("utf-8") for w in frequencies if "\n" not in w)
        offsets = array("I")
        zipf = array("H")
        pos = 0
        for word in encoded:
            offsets.append(pos)
            pos += len(word) + 1
            freq = frequencies[word.decode("utf-8")]
            zipf.append(max(0, round((math.log10(freq) + 9.0) * 100)) if freq > 0 else 0)
        offsets.append(pos)
        return cls(b"\n".join(encoded) + b"\n", offsets, zipf)

    def to_bytes(self) -> bytes:
        head = struct.pack("<QQQ", len(self._blob), len(self._offsets), len(self._zipf))
        return _MAGIC + head + self._blob + self._offsets.tobytes() + self._zipf.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> WordTable:
        if not data.startswith(_MAGIC):
            raise ValueError("not a brieflint lexicon table")
        pos = len(_MAGIC)
        n_blob, n_off, n_zipf = struct.unpack_from("<QQQ", data, pos)
        pos += 24
        blob = data[pos : pos + n_blob]
        pos += n_blob
        offsets = array("I")
        offsets.frombytes(data[pos : pos + n_off * offsets.itemsize])
        pos += n_off * offsets.itemsize
        zipf = array("H")
        zipf.frombytes(data[pos : pos + n_zipf * zipf.itemsize])
        if len(offsets) != n_off or len(zipf) != n_zipf or n_off != n_zipf + 1:
            raise ValueError("truncated lexicon table")
        return cls(blob, offsets, zipf)

    def _index(self, key: str) -> int:
        words = self._words
        i = bisect.bisect_left(words, key)
        if i < len(words) and words[i] == key:
            return i
        return -1

    def zipf(self, key: str) -> float:
        i = self._index(key)
        return self._zipf[i] / 100.0 if i >= 0 else 0.0

    def __getitem__(self, key: str) -> float:
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        return float(10.0 ** (self._zipf[i] / 100.0 - 9.0))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._index(key) >= 0

    def __len__(self) -> int:
        return len(self._zipf)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def items_with_zipf(self, min_zipf: float = 0.0) -> Iterator[tuple[str, float]]:
        floor = round(min_zipf * 100)
        for word, z in zip(self._words, self._zipf, strict=True):
            if z >= floor:
                yield word, z / 100.0


def cache_home() -> Path:
    """brieflint's per-user cache folder (``BRIEFLINT_CACHE_HOME`` overrides it)."""
    env = os.environ.get("BRIEFLINT_CACHE_HOME")
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # not installed: the XDG location, right on Linux
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "brieflint"
    return Path(user_cache_dir("brieflint", appauthor=False))


def _wordfreq_data_file(lang: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")  # locates the package without importing it
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / f"{_WORDLIST}_{lang}.msgpack.gz"
    return path if path.is_file() else None


def _cache_file(lang: str) -> Path | None:
    data = _wordfreq_data_file(lang)
    if data is None:
        return None
    try:
        st = data.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{data}|{st.st_size}|{st.st_mtime_ns}|{_MAGIC!r}".encode()).hexdigest()
    return cache_home() / "lexicon" / f"wordfreq-{_WORDLIST}-{lang}-{key[:16]}.bin"


def load_table(lang: str) -> WordTable:
    """The word table of ``lang`` from the user cache, building (and caching) it when needed."""
    cached = _cache_file(lang)
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, struct.error):
            return WordTable.from_bytes(cached.read_bytes())
    from wordfreq import get_frequency_dict

    table = WordTable.from_frequencies(get_frequency_dict(lang, wordlist=_WORDLIST))
    if cached is not None:
        from brieflint.atomic import write_bytes

        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cached, table.to_bytes())
    return table


@dataclass
class Lexicon:
    frequencies: Mapping[str, float]
    vocabulary: Vocabulary
    language: str = "en-GB"

    @classmethod
    def load(cls, language: str, vocabulary: Vocabulary) -> Lexicon:
        lang = language.split("-", 1)[0].lower() or "en"
        return cls(load_table(lang), vocabulary, language)

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for an unknown word."""
        key = normalize(word)
        if isinstance(self.frequencies, WordTable):
            return self.frequencies.zipf(key)
        freq = self.frequencies.get(key, 0.0)
        return math.log10(freq) + 9.0 if freq > 0 else 0.0

    def known(self, word: str, min_zipf: float = 1.0) -> bool:
        """A word of the language (at least ``min_zipf`` frequent) or of the house vocabulary."""
        if self.vocabulary.accepts(word):
            return True
        if self.rejected(word):
            return False
        return self.zipf(word) >= min_zipf

    def rejected(self, word: str) -> bool:
        """The house vocabulary never accepts ``word``."""
        return word in self.vocabulary.reject or word.casefold() in self._reject_folded

    @cached_property
    def _reject_folded(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.vocabulary.reject)
