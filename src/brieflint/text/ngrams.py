"""English word and word-pair counts, for judging how likely a local word sequence is.

The counts are the ones symspellpy (MIT) ships: 82,765 words and 242,342 adjacent word pairs with
their frequencies in Google Books (the pair list keeps only pairs seen at least 6.4 million times,
so an absent pair is "rarer than that", not "never seen"). The grammar.* sequence rules compare
the likelihood of what a draft says with a nearby alternative (the two words swapped, "to"
inserted) and need nothing else.

Parsing the two text files costs about half a second, so, as with the lexicon, the first load
writes one table to the user cache folder: a marisa-trie holding every word and every pair
("a b"), and per trie entry the natural logarithm of its count (x 1000, 16 bits) and, for a word,
of the summed counts of the listed pairs it starts. Loading maps it in a few milliseconds. When the
cache folder cannot be written, the table stays in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import mmap
import struct
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import marisa_trie

_MAGIC = b"BLNGR1\n"
_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
_PAIRS_FILE = "frequency_bigramdictionary_en_243_342.txt"
_SCALE = 1000.0  # log counts are stored x 1000 as unsigned 16-bit integers
_MEMO_LIMIT = 500_000  # lookups remembered per table (some 60 MB at most)


class NgramTable:
    """Word and pair counts: ``count(word)``, ``pair(a, b)`` (0 when not listed), totals."""

    def __init__(
        self,
        trie: marisa_trie.Trie,
        logs: Sequence[int],
        starts: Sequence[int],
        totals: tuple[float, float, float],
    ) -> None:
        self._trie = trie
        self._logs = logs  # log count x 1000 of trie key id i
        self._starts = starts  # for a word: log of the summed counts of the pairs it starts
        self.word_total, self.pair_total, self.pair_floor = totals
        self._memo: dict[str, float] = {}  # counts looked up, for the rest of the run

    @classmethod
    def from_counts(
        cls, words: Iterable[tuple[str, int]], pairs: Iterable[tuple[str, str, int]]
    ) -> NgramTable:
        import marisa_trie

        counts: dict[str, int] = {}
        started: dict[str, int] = {}
        for word, n in words:
            if n > 0 and " " not in word:
                counts[word] = n
        word_total = float(sum(counts.values()))
        pair_total = 0.0
        floor = 0
        for a, b, n in pairs:
            if n <= 0:
                continue
            counts[f"{a} {b}"] = n
            started[a] = started.get(a, 0) + n
            pair_total += n
            floor = n if floor == 0 else min(floor, n)
        trie = marisa_trie.Trie(counts)
        logs = array("H", bytes(2 * len(trie)))
        starts = array("H", bytes(2 * len(trie)))
        for key, n in counts.items():
            i = trie[key]
            logs[i] = _log1000(n)
            if key in started:
                starts[i] = _log1000(started[key])
        return cls(trie, logs, starts, (word_total, pair_total, float(floor)))

    def to_bytes(self) -> bytes:
        trie = bytes(self._trie.tobytes())
        head = struct.pack("<QQddd", len(self._logs), len(trie), *self._totals())
        body = array("H", self._logs).tobytes() + array("H", self._starts).tobytes()
        return _MAGIC + head + body + trie

    def _totals(self) -> tuple[float, float, float]:
        return self.word_total, self.pair_total, self.pair_floor

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> NgramTable:
        import marisa_trie

        if data[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a brieflint n-gram table")
        pos = len(_MAGIC)
        n_keys, n_trie, *totals = struct.unpack_from("<QQddd", data, pos)
        pos += struct.calcsize("<QQddd")
        if len(data) != pos + 4 * n_keys + n_trie:
            raise ValueError("truncated n-gram table")
        view = memoryview(data)
        logs = view[pos : pos + 2 * n_keys].cast("H")
        starts = view[pos + 2 * n_keys : pos + 4 * n_keys].cast("H")
        trie = marisa_trie.Trie()
        try:
            trie.frombytes(bytes(data[pos + 4 * n_keys :]))
        except Exception as exc:  # marisa raises its own error types for damaged data
            raise ValueError(f"damaged n-gram table: {exc}") from None
        if len(trie) != n_keys:
            raise ValueError("damaged n-gram table")
        return cls(trie, logs, starts, (totals[0], totals[1], totals[2]))

    def _get(self, key: str) -> float:
        found = self._memo.get(key)
        if found is not None:
            return found
        i = self._trie.get(key)
        value = math.exp(self._logs[i] / _SCALE) if i is not None else 0.0
        if len(self._memo) < _MEMO_LIMIT:
            self._memo[key] = value
        return value

    def count(self, word: str) -> float:
        """How often ``word`` (lower case) occurs; 0 when it is not among the listed words."""
        return self._get(word) if " " not in word else 0.0

    def pair(self, a: str, b: str) -> float:
        """How often ``a b`` occurs; 0 when the pair is not listed (rarer than ``pair_floor``)."""
        return self._get(f"{a} {b}")

    def starting(self, word: str) -> float:
        """The summed counts of the listed pairs that start with ``word``."""
        i = self._trie.get(word)
        return math.exp(self._starts[i] / _SCALE) if i is not None and self._starts[i] else 0.0


def _log1000(n: float) -> int:
    return min(65535, max(0, round(math.log(n) * _SCALE)))


def data_folder() -> Path | None:
    spec = importlib.util.find_spec("symspellpy")  # locates the package without importing it
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    ok = (folder / _WORDS_FILE).is_file() and (folder / _PAIRS_FILE).is_file()
    return folder if ok else None


def _read_words(path: Path) -> Iterable[tuple[str, int]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                yield parts[0], int(parts[1])


def _read_pairs(path: Path) -> Iterable[tuple[str, str, int]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2].isdigit():
                yield parts[0], parts[1], int(parts[2])


def _cache_file(folder: Path) -> Path | None:
    from brieflint.text.lexicon import cache_home

    try:
        st = (folder / _PAIRS_FILE).stat()
    except OSError:
        return None
    where = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    key = hashlib.sha256(f"{folder}|{st.st_size}|{st.st_mtime_ns}|{_MAGIC!r}".encode())
    return cache_home() / "ngrams" / f"symspell-en-{where}-{key.hexdigest()[:16]}.bin"


def load_table() -> NgramTable | None:
    """The English n-gram table, from the user cache when it is there; None when symspellpy (which
    ships the counts) is not installed."""
    folder = data_folder()
    if folder is None:
        return None
    cached = _cache_file(folder)
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, struct.error), open(cached, "rb") as f:
            return NgramTable.from_bytes(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    table = NgramTable.from_counts(
        _read_words(folder / _WORDS_FILE), _read_pairs(folder / _PAIRS_FILE)
    )
    if cached is not None:
        from brieflint.atomic import write_bytes

        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cached, table.to_bytes())
            for other in cached.parent.glob(cached.name.rsplit("-", 1)[0] + "-*.bin"):
                if other != cached:
                    with contextlib.suppress(OSError):
                        other.unlink()
    return table
