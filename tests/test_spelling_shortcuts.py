"""The shortcuts that make spelling fast must not change an answer: the plain-Levenshtein
prefilter before the OCR-weighted metric, the set of frequent words that replaces lookups one by
one, and the per-document memo of lines written in capitals."""

from __future__ import annotations

import itertools

import pytest

from brieflint.context import Vocabulary
from brieflint.document import Document
from brieflint.spelling import distance, suggest
from brieflint.text import names
from brieflint.text.lexicon import Lexicon

BASES = ["government", "modern", "district", "while", "village", "policy", "Tbilisi", "Kasymov"]
# one or two OCR confusions, a diacritic, a digit for a letter, a plain edit, a transposition
CHANGES = [("m", "rn"), ("d", "cl"), ("w", "vv"), ("h", "li"), ("l", "1"), ("o", "0"), ("e", "c")]
CHANGES += [("i", "ı"), ("o", "ö"), ("y", "v"), ("a", ""), ("ol", "lo"), ("e", "é")]


def _variants(word: str) -> list[str]:
    """``word`` with each change, and with each pair of changes, applied once."""
    found = {word}
    for (a, b), (c, d) in itertools.product(CHANGES, repeat=2):
        once = word.replace(a, b, 1)
        found.update((once, once.replace(c, d, 1)))
    return sorted(found)


WORDS = sorted({v for base in BASES for v in _variants(base)})


@pytest.mark.parametrize("max_cost", [0.5, 0.75, 1.0])
def test_the_prefilter_drops_only_words_further_than_the_cost(max_cost: float) -> None:
    for query in WORDS[::7]:
        others = [w for w in WORDS if abs(len(w) - len(query)) <= 2]
        full = distance.distances(query, others)
        within = distance.distances_within(query, others, max_cost)
        for other, exact, quick in zip(others, full, within, strict=True):
            if exact <= max_cost:
                assert quick == exact, (query, other)
            else:
                assert quick > max_cost, (query, other)


def test_candidates_are_the_same_with_the_set_of_frequent_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = ["goverment", "rnodern", "clistrict", "vvhile", "vilage", "minıstry", "polícy"]
    monkeypatch.setattr(suggest._TableIndex, "SET_AFTER", 10**12)
    lexicon = Lexicon.load("en-GB", Vocabulary())  # a new lexicon starts a new index
    one_by_one = [suggest.candidates(w, lexicon) for w in words]
    monkeypatch.setattr(suggest._TableIndex, "SET_AFTER", 0)
    lexicon = Lexicon.load("en-GB", Vocabulary())
    assert [suggest.candidates(w, lexicon) for w in words] == one_by_one
    assert any(one_by_one)


def test_lines_in_capitals_are_the_same_for_a_new_text() -> None:
    text = "REPORT ON THE REGION\nThe region.\nÇELİK AND ÜNAL\nÇelik ıs here\nAB\n"
    doc = Document.parse("draft.txt", text)
    first = names.shouting_lines(doc)
    assert first == [(0, 21), (33, 48)]
    first.append((99, 100))  # a caller's change does not reach the memo
    assert names.shouting_lines(doc) == [(0, 21), (33, 48)]
    assert names.shouting_lines(Document.parse("draft.txt", text.lower())) == []
