"""The fast paths of the spelling analyses give the answers of the straightforward computation:
the metric pair by pair instead of in ocr-stringdist's threaded batch, the edits of a word looked
up only where the word list has words that begin the same way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint.context import Vocabulary
from brieflint.spelling import distance, suggest
from brieflint.text.lexicon import Lexicon, WordTable
from tests.test_spelling_shortcuts import WORDS

# letters of the OCR confusions (and a diacritic, a digit), so that cheap edits turn up often
_LETTERS = "abcdeghijlmnortuvwyz10üıé'"
_WORD = st.text(alphabet=_LETTERS, min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_WORD, st.lists(_WORD, max_size=6))
def test_distances_pair_by_pair_are_those_of_the_batch(word: str, others: list[str]) -> None:
    metric = distance._metric()
    x = distance.strip_accents(distance.normalize(word))
    stripped = [distance.strip_accents(distance.normalize(o)) for o in others]
    batch = [float(c) for c in metric.batch_distance(x, stripped)] if stripped else []
    assert [float(metric.distance(x, o)) for o in stripped] == batch
    assert distance.distances(word, others) == [distance.distance(word, o) for o in others]


_SHORT = st.text(alphabet="abcdemnorluvw", min_size=0, max_size=7)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SHORT, max_size=40), _SHORT)
def test_known_edits_are_the_listed_edits(listed: list[str], word: str) -> None:
    words = set(listed)
    starts = {w[:i] for w in words for i in range(len(w) + 1)}
    found, _ = suggest.known_edits1(word, words.__contains__, starts.__contains__)
    assert found == {e for e in suggest.edits1(word) if e in words}


def test_known_edits_in_the_lexicon_are_those_of_every_edit() -> None:
    table = Lexicon.load("en-GB", Vocabulary()).frequencies
    assert isinstance(table, WordTable)
    contains, begins = table.probes()
    words = [w.lower() for w in WORDS if w.isascii()]
    words += ["goverment", "termianls", "a", "zzzzq", "thc", "rnodern", "qovernment", "x" * 20]
    for word in words:
        found, _ = suggest.known_edits1(word, contains, begins)
        assert found == {e for e in suggest.edits1(word) if e in table}, word
