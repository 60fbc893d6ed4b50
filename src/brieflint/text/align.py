"""Fuzzy word alignment of a required passage against a draft (rapidfuzz).

Words are compared after Unicode NFC normalisation with typographic quotes made straight, so white
space, line breaks and quote style never count as deviations. The result names the passage's span
in the text and every run of differing words, with the edit that would restore the wording.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

_WORD = regex.compile(r"\S+")
_STRAIGHT = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)


def normalise(word: str) -> str:
    """A word as compared: NFC, with straight quotes."""
    return unicodedata.normalize("NFC", word).translate(_STRAIGHT)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    norm: str


def words(text: str) -> list[Word]:
    """White-space separated words (punctuation attached) with their offsets."""
    return [Word(m.start(), m.end(), normalise(m.group())) for m in _WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class Deviation:
    """A run of words that differs from the required wording.

    ``start``/``end`` is what to point at; ``edit`` is ``(start, end, replacement)`` restoring the
    required words (it may reach over the white space around deleted words).
    """

    start: int
    end: int
    found: str
    expected: str
    edit: tuple[int, int, str]
    missing: str = ""  # the required words absent between two present ones


@dataclass(frozen=True, slots=True)
class Alignment:
    start: int
    end: int
    score: float
    deviations: tuple[Deviation, ...]


def align(
    expected: str, text: str, *, min_score: float, within: tuple[int, int] | None = None
) -> Alignment | None:
    """Where ``expected`` (or its nearest near-miss) stands in ``text``; None when absent.

    The score is the share (0-100) of the required words found, in order, in the passage.
    ``within`` limits the search to a span of ``text`` (offsets stay those of ``text``).
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    want = expected.split()
    want_norm = [normalise(w) for w in want]
    found = words(text)
    if within is not None:
        found = [w for w in found if within[0] <= w.start and w.end <= within[1]]
    if not want or not found:
        return None
    joined, owners = _joined(found)
    hit = fuzz.partial_ratio_alignment(" ".join(want_norm), joined)
    if hit is None:  # only with a score cutoff; kept for the type checker
        return None
    first = owners[min(hit.dest_start, len(owners) - 1)]
    last = owners[max(min(hit.dest_end, len(owners)) - 1, 0)]
    pad = max(3, len(want) // 4)
    lo, hi = max(0, first - pad), min(len(found), last + 1 + pad)
    window = found[lo:hi]
    ops = list(Levenshtein.opcodes([w.norm for w in window], want_norm))
    equal = _anchors([op for op in ops if op.tag == "equal"])
    score = 100 * sum(op.dest_end - op.dest_start for op in equal) / len(want)
    if not equal or score < min_score:
        return None
    deviations = _deviations(equal, window, want, text)
    return Alignment(
        window[equal[0].src_start].start, window[equal[-1].src_end - 1].end, score, deviations
    )


def _joined(found: list[Word]) -> tuple[str, list[int]]:
    """The words joined by single spaces, and for each character the index of its word."""
    parts: list[str] = []
    owners: list[int] = []
    for i, w in enumerate(found):
        if i:
            parts.append(" ")
            owners.append(i)
        parts.append(w.norm)
        owners.extend([i] * len(w.norm))
    return "".join(parts), owners


def _anchors(equal: list[Any]) -> list[Any]:
    """Equal blocks, without lone one-word matches stranded at either edge of the window."""
    while len(equal) > 1 and _stranded(equal[0], equal[1]):
        equal = equal[1:]
    while len(equal) > 1 and _stranded(equal[-1], equal[-2]):
        equal = equal[:-1]
    return equal


def _stranded(edge: Any, neighbour: Any) -> bool:
    gap = max(neighbour.src_start - edge.src_end, edge.src_start - neighbour.src_end)
    return bool(edge.src_end - edge.src_start == 1 and gap >= 3)


def _deviations(
    equal: list[Any], window: list[Word], want: list[str], text: str
) -> tuple[Deviation, ...]:
    out: list[Deviation] = []
    # missing words before the first anchor, between anchors, after the last anchor; at the
    # edges, the draft's neighbouring words that are missing words with other punctuation
    # ("NATO." for "NATO SPS Programme.") belong to the passage and are replaced, not kept
    first, last = equal[0], equal[-1]
    lead = _edge_words(window[: first.src_start][::-1], want[: first.dest_start])
    trail = _edge_words(window[last.src_end :], want[last.dest_end :])
    gaps = [(first.src_start - lead, first.src_start, 0, first.dest_start)]
    gaps.extend(
        (a.src_end, b.src_start, a.dest_end, b.dest_start) for a, b in itertools.pairwise(equal)
    )
    gaps.append((last.src_end, last.src_end + trail, last.dest_end, len(want)))
    for s0, s1, d0, d1 in gaps:
        if s0 == s1 and d0 == d1:
            continue
        out.append(_deviation(window, s0, s1, want[d0:d1], text))
    return tuple(out)


def _edge_words(outward: list[Word], missing: list[str]) -> int:
    """How many of the draft's words next to an edge anchor (``outward``: nearest first) are
    missing required words but for punctuation and case."""
    bare = {_bare(normalise(w)) for w in missing}
    count = 0
    while count < min(len(outward), len(missing)) and _bare(outward[count].norm) in bare:
        count += 1
    return count


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION).casefold()


_PUNCTUATION = ".,;:!?\"'()[]"


def _deviation(window: list[Word], s0: int, s1: int, missing: list[str], text: str) -> Deviation:
    wanted = " ".join(missing)
    if s0 < s1:  # words present that differ or are extra
        start, end = window[s0].start, window[s1 - 1].end
        found = text[start:end]
        if wanted:
            return Deviation(start, end, found, wanted, (start, end, wanted))
        # extra words: delete them with the white space before (or after, at the start)
        if s0 > 0:
            return Deviation(start, end, found, "", (window[s0 - 1].end, end, ""))
        after = window[s1].start if s1 < len(window) else end
        return Deviation(start, end, found, "", (start, after, ""))
    # words missing: point at the word before the gap (or after it, at the start)
    if s0 > 0:
        anchor = window[s0 - 1]
        word = text[anchor.start : anchor.end]
        edit = (anchor.end, anchor.end, " " + wanted)
        return Deviation(anchor.start, anchor.end, word, f"{word} {wanted}", edit, wanted)
    anchor = window[s0]
    word = text[anchor.start : anchor.end]
    edit = (anchor.start, anchor.start, wanted + " ")
    return Deviation(anchor.start, anchor.end, word, f"{wanted} {word}", edit, wanted)
