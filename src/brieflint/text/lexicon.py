"""English word frequencies (wordfreq) plus the house vocabulary.

wordfreq's ``large`` English list (about 320,000 words, Zipf scale, both British and American
spellings) installs from PyPI with brieflint: membership tells "is this a word", and the Zipf
frequency tells "how likely is it here", which rules need to tell a real two-word phrase ("a part")
from a split word ("transfor mation"), or a rare misspelling that made it into the list from the
common word it stands for.

Start-up cost matters (a pre-commit run lints one file): importing wordfreq and building its
dictionary takes about 0.25 s, and even a sorted list of its 320,000 words costs 60 ms to decode.
The first load therefore writes a table to the user cache folder, keyed by wordfreq's data file:
a marisa-trie of the words (a compact C++ trie that loads in about a millisecond and looks a word
up in about a microsecond), the Zipf value of each trie entry, and the words in order of
frequency for the few callers that want "every common word". If the cache folder cannot be
written, the table stays in memory. Lookups are remembered per lexicon, since rules ask about the
same words again and again.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import mmap
import os
import struct
import time
import unicodedata
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from brieflint.vocabulary import Vocabulary

if TYPE_CHECKING:
    import marisa_trie

T = TypeVar("T")

_MAGIC = b"BLLEX4\n"
_MEMO_LIMIT = 200_000  # words remembered per lexicon (some 30 MB at most)
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


def normalize_all(words: list[str]) -> list[str]:
    """``[normalize(w) for w in words]``; for a list of ASCII words (the usual case) in one C
    call rather than a Python call per word, since rules prepare whole documents this way."""
    if "".join(words).isascii():
        return list(map(str.lower, words))
    return list(map(normalize, words))


def strip_accents_all(words: list[str]) -> list[str]:
    """``[strip_accents(w) for w in words]``, as a copy, in one C call for ASCII words."""
    if "".join(words).isascii():
        return list(words)
    return list(map(strip_accents, words))


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
    """A read-only word → frequency mapping: a marisa-trie of the words, a Zipf value (x 100) per
    trie entry, and the words by descending frequency (for :meth:`items_with_zipf`)."""

    def __init__(
        self,
        trie: marisa_trie.Trie,
        zipf100: Sequence[int],
        by_frequency: Callable[[], bytes],
        ranked_zipf100: Sequence[int],
    ) -> None:
        self._trie = trie
        self._zipf = zipf100  # Zipf value x 100 of trie key id i
        self._read_by_frequency = by_frequency  # words joined by "\n", commonest first
        self._ranked_zipf = ranked_zipf100  # their Zipf values x 100, in that order

    @cached_property
    def _by_frequency(self) -> bytes:
        return self._read_by_frequency()  # 2.6 MB that only the "every common word" callers read

    @classmethod
    def from_frequencies(cls, frequencies: Mapping[str, float]) -> WordTable:
        import marisa_trie

        words = [w for w in frequencies if "\n" not in w]
        trie = marisa_trie.Trie(words)
        zipf = array("H", bytes(2 * len(trie)))
        for word in words:
            zipf[trie[word]] = _zipf100(frequencies[word])
        ranked = sorted(words, key=lambda w: (-zipf[trie[w]], w))
        ranked_zipf = array("H", (zipf[trie[w]] for w in ranked))
        blob = "\n".join(ranked).encode("utf-8")
        return cls(trie, zipf, lambda: blob, ranked_zipf)

    def to_bytes(self) -> bytes:
        trie = bytes(self._trie.tobytes())
        head = struct.pack("<QQQ", len(self._zipf), len(trie), len(self._by_frequency))
        zipfs = array("H", self._zipf).tobytes() + array("H", self._ranked_zipf).tobytes()
        return _MAGIC + head + zipfs + trie + self._by_frequency

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> WordTable:
        """The table in ``data``; from a memory map, its frequency arrays are read in place and
        its word list only when asked for, so loading copies little more than the trie."""
        import marisa_trie

        if data[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a brieflint lexicon table")
        pos = len(_MAGIC)
        n_zipf, n_trie, n_ranked = struct.unpack_from("<QQQ", data, pos)
        pos += 24
        if len(data) != pos + 4 * n_zipf + n_trie + n_ranked:
            raise ValueError("truncated lexicon table")
        view = memoryview(data)
        zipf = view[pos : pos + 2 * n_zipf].cast("H")
        ranked_zipf = view[pos + 2 * n_zipf : pos + 4 * n_zipf].cast("H")
        pos += 4 * n_zipf
        trie = marisa_trie.Trie()
        try:
            trie.frombytes(bytes(data[pos : pos + n_trie]))
        except Exception as exc:  # marisa raises its own error types for damaged data
            raise ValueError(f"damaged lexicon table: {exc}") from None
        if len(trie) != n_zipf:
            raise ValueError("damaged lexicon table")
        words_at = pos + n_trie
        return cls(trie, zipf, lambda: bytes(data[words_at:]), ranked_zipf)

    def zipf(self, key: str) -> float:
        i = self._trie.get(key)
        return self._zipf[i] / 100.0 if i is not None else 0.0

    def __getitem__(self, key: str) -> float:
        i = self._trie.get(key)
        if i is None:
            raise KeyError(key)
        return float(10.0 ** (self._zipf[i] / 100.0 - 9.0))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return len(self._zipf)

    def probes(self) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
        """Tests "is a word of the table" (the trie's own method: candidate generation calls it
        hundreds of times a word, and a method of this class would add a Python call to each)
        and "begins a word of the table"."""
        return self._trie.__contains__, self.begins

    def begins(self, prefix: str) -> bool:
        """Some word of the table starts with ``prefix``."""
        return next(self._trie.iterkeys(prefix), None) is not None

    def beginning(self, prefix: str) -> Iterator[str]:
        """The words of the table that start with ``prefix`` (in the trie's order)."""
        return iter(self._trie.iterkeys(prefix))

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_frequency.decode("utf-8").split("\n"))

    def items_with_zipf(self, min_zipf: float = 0.0) -> Iterator[tuple[str, float]]:
        """(word, Zipf) of the words at least ``min_zipf`` frequent, commonest first."""
        words = self.words_at_least(min_zipf)
        for word, z in zip(words, self._ranked_zipf[: len(words)], strict=True):
            yield word, z / 100.0

    def words_at_least(self, min_zipf: float) -> list[str]:
        """The words at least ``min_zipf`` frequent, commonest first (decoded and split in C)."""
        count = self._count_at_least(round(min_zipf * 100))
        if count == 0:
            return []
        blob = self._by_frequency
        rest = blob.split(b"\n", count)[-1]  # what follows the first ``count`` words
        end = len(blob) - len(rest) - 1 if count < len(self._zipf) else len(blob)
        return blob[:end].decode("utf-8").split("\n")

    def _count_at_least(self, floor: int) -> int:
        ranked = self._ranked_zipf
        lo, hi = 0, len(ranked)  # ranked is descending: find the first value below floor
        while lo < hi:
            mid = (lo + hi) // 2
            if ranked[mid] >= floor:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _zipf100(freq: float) -> int:
    return max(0, round((math.log10(freq) + 9.0) * 100)) if freq > 0 else 0


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
    # one name per installation (several may share the cache: a project's and pre-commit's), and
    # within it one per version of wordfreq's data and of this format
    where = hashlib.sha256(str(data).encode()).hexdigest()[:12]
    key = hashlib.sha256(f"{data}|{st.st_size}|{st.st_mtime_ns}|{_MAGIC!r}".encode()).hexdigest()
    return cache_home() / "lexicon" / f"wordfreq-{_WORDLIST}-{lang}-{where}-{key[:16]}.bin"


def load_table(lang: str) -> WordTable:
    """The word table of ``lang`` from the user cache, building (and caching) it when needed."""
    cached = _cache_file(lang)
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, struct.error):
            return _map_table(cached)
    from wordfreq import get_frequency_dict

    table = WordTable.from_frequencies(get_frequency_dict(lang, wordlist=_WORDLIST))
    if cached is not None:
        from brieflint.atomic import write_bytes

        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cached, table.to_bytes())
            _remove_stale(cached)
    return table


# A table unused this long belongs, most likely, to an installation that is gone (pre-commit
# makes one per hook version); tables in use are touched at most daily, so they never qualify.
STALE_SECONDS = 30 * 24 * 3600
_TOUCH_SECONDS = 24 * 3600


def _map_table(path: Path) -> WordTable:
    """The table at ``path``, memory-mapped (pages are read as lookups touch them)."""
    with open(path, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        age = time.time() - os.fstat(handle.fileno()).st_mtime
    table = WordTable.from_bytes(mapped)
    if age > _TOUCH_SECONDS:
        with contextlib.suppress(OSError):
            os.utime(path)  # marks the table as in use, for _remove_stale
    return table


def _remove_stale(written: Path) -> None:
    """After writing a table: remove this installation's older tables (other data or format),
    and any table nobody has used for ``STALE_SECONDS``."""
    installation = written.name.rsplit("-", 1)[0]
    now = time.time()
    for other in written.parent.glob("wordfreq-*.bin"):
        if other == written:
            continue
        with contextlib.suppress(OSError):
            ours = other.name.startswith(installation + "-")
            if ours or now - other.stat().st_mtime > STALE_SECONDS:
                other.unlink()


@dataclass
class Lexicon:
    frequencies: Mapping[str, float]
    vocabulary: Vocabulary
    language: str = "en-GB"

    @classmethod
    def load(cls, language: str, vocabulary: Vocabulary) -> Lexicon:
        lang = language.split("-", 1)[0].lower() or "en"
        return cls(load_table(lang), vocabulary, language)

    _memo: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)
    # what rules derive from this lexicon alone (verdicts per word, candidate indexes), by name
    _derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """The value called ``name`` that rules derive from this lexicon, built on first use.

        Rules keep their per-word memos here, so they last as long as the lexicon (a run, or a
        worker process) and a new lexicon (another language or vocabulary) starts afresh.
        """
        if name not in self._derived:
            self._derived[name] = build()
        return self._derived[name]  # type: ignore[return-value]

    def forget(self, name: str) -> None:
        """Drop the derived value ``name`` (a memo grown too large starts afresh)."""
        self._derived.pop(name, None)

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for an unknown word."""
        found = self._memo.get(word)
        if found is not None:
            return found
        key = normalize(word)
        if isinstance(self.frequencies, WordTable):
            value = self.frequencies.zipf(key)
        else:
            freq = self.frequencies.get(key, 0.0)
            value = math.log10(freq) + 9.0 if freq > 0 else 0.0
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[word] = value
        return value

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
