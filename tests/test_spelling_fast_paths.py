"""The fast paths of the spelling analyses give the answers of the straightforward computation:
the metric pair by pair instead of in ocr-stringdist's threaded batch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint.spelling import distance

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
