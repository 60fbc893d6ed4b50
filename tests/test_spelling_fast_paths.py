"""The fast paths of the spelling analyses give the answers of the straightforward computation:
the metric pair by pair instead of in ocr-stringdist's threaded batch, the edits of a word looked
up only where the word list has words that begin the same way, and the spellings of a
consistency group searched for only when their first chunk stands in the text."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint import patterns
from brieflint.context import Vocabulary
from brieflint.kinds import consistency
from brieflint.spelling import distance, suggest
from brieflint.spelling.suggest import Candidate
from brieflint.text.lexicon import (
    Lexicon,
    WordTable,
    normalize,
    normalize_all,
    strip_accents,
    strip_accents_all,
)
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


# ASCII letters in both cases, what ``regex`` pairs with some of them case-insensitively
# (dotted capital I, long s, the kelvin sign), other letters with case pairings, and separators
_TEXT = st.text(
    alphabet="aeEiIsSkKlLmM-' \n\t\u0130\u017f\u212a\u00ef\u00cf\u03c3\u03a3\u03c2", max_size=40
)
_VARIANT = st.text(alphabet="aeEiIsSkKlLmM-' \u00ef\u03c3", min_size=1, max_size=8)


@settings(max_examples=1000, deadline=None)
@given(_TEXT, _VARIANT, st.booleans())
def test_a_spelling_ruled_out_never_occurs(text: str, variant: str, ignorecase: bool) -> None:
    flags = regex.IGNORECASE if ignorecase else 0
    occurs = regex.search(patterns.words_pattern([variant]), text, flags) is not None
    if occurs:
        assert consistency.may_occur(variant, patterns.lead_key(text))


def test_a_spelling_ruled_out_never_occurs_on_examples() -> None:
    text = "Send an E-MAIL to the poLIcy\n makers; e-\u017fervice \u212aey."
    for variant in ["e-mail", "policy makers", "e-service", "key"]:
        assert regex.search(patterns.words_pattern([variant]), text, regex.IGNORECASE)
        assert consistency.may_occur(variant, patterns.lead_key(text))
    assert not consistency.may_occur("online", patterns.lead_key(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZ'’İıüé -", max_size=6), max_size=8))
def test_keys_of_a_list_are_those_of_each_word(words: list[str]) -> None:
    assert normalize_all(words) == [normalize(w) for w in words]
    assert strip_accents_all(words) == [strip_accents(w) for w in words]


def _candidates_one_by_one(names: suggest.Names, word: str, lexicon: Lexicon) -> list[Candidate]:
    """``Names.candidates`` the straightforward way: the metric for every word of the document
    and the vocabulary (no prefilter, no distance taken over from the lexicon candidates)."""
    key = normalize(word)
    found = {
        c.word: Candidate(suggest.match_case(word, c.word), c.cost, c.zipf, 0, False)
        for c in suggest._lexicon_candidates(key, lexicon, 1.0, 2.0)
    }
    for name, count, vocab, nkey in names.entries:
        if nkey == key or abs(len(nkey) - len(key)) > 2:
            continue
        cost = distance.distance(key, nkey)
        if cost > 1.0 or suggest.is_inflection(nkey, key):
            continue
        prev = found.get(nkey)
        count = max(count, names.document.get(name, 0), prev.in_document if prev else 0)
        vocab = vocab or (prev.in_vocabulary if prev else False)
        surface = name if not name.islower() else suggest.match_case(word, name)
        found[nkey] = Candidate(surface, cost, lexicon.zipf(name), count, vocab)
    return sorted(found.values(), key=lambda c: (c.score, c.word))


def test_candidates_with_a_document_are_those_measured_one_by_one() -> None:
    lexicon = Lexicon.load("en-GB", Vocabulary())
    bases = ["government", "terminals", "modern", "district", "policy", "Tbilisi", "Kasymov"]
    document = {w: 1 + i % 4 for i, w in enumerate([*WORDS[::3], *bases])}
    names = suggest.Names(document, ["Türkiye", "Kasymov", "rnodern"])
    queries = [*WORDS[1::5], "termianls", "goverment", "Tbilsi", "Kasvmov", "modren"]
    for word in queries:
        assert names.candidates(word, lexicon) == _candidates_one_by_one(names, word, lexicon)
