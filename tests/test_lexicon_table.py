"""The lexicon's word table: a marisa-trie with Zipf values, written to and read from bytes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from brieflint.text import lexicon
from brieflint.text.lexicon import WordTable

FREQUENCIES = {"the": 5e-2, "policy": 1e-4, "brief": 2e-5, "tbilisi": 1e-7, "çay": 1e-8}


def test_a_table_round_trips_through_bytes() -> None:
    table = WordTable.from_bytes(WordTable.from_frequencies(FREQUENCIES).to_bytes())
    assert len(table) == 5
    assert "policy" in table and "polic" not in table and 3 not in table
    assert table.zipf("the") == pytest.approx(7.70, abs=0.01)
    assert table.zipf("çay") == pytest.approx(1.0, abs=0.01)
    assert table.zipf("nothing") == 0.0
    assert table["brief"] == pytest.approx(2e-5, rel=0.03)
    with pytest.raises(KeyError):
        table["nothing"]
    assert sorted(table) == sorted(FREQUENCIES)


def test_words_at_least_are_the_frequent_ones_commonest_first() -> None:
    table = WordTable.from_frequencies(FREQUENCIES)
    assert table.words_at_least(4.0) == ["the", "policy", "brief"]
    assert table.words_at_least(0.0) == ["the", "policy", "brief", "tbilisi", "çay"]
    assert table.words_at_least(9.0) == []
    assert [w for w, _ in table.items_with_zipf(2.0)] == ["the", "policy", "brief", "tbilisi"]


@pytest.mark.parametrize("cut", [5, 40, -3])
def test_a_damaged_table_is_refused(cut: int) -> None:
    data = WordTable.from_frequencies(FREQUENCIES).to_bytes()
    with pytest.raises(ValueError):
        WordTable.from_bytes(data[:cut])


def test_installations_sharing_the_cache_keep_their_own_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project's environment and pre-commit's share the user cache: neither may delete the
    other's table (each would rebuild it on every run), but a table's older versions go."""
    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path / "cache"))
    real = lexicon._wordfreq_data_file("en")
    assert real is not None
    lexicon.load_table("en")
    other = tmp_path / "other-env" / real.name
    other.parent.mkdir()
    shutil.copyfile(real, other)
    monkeypatch.setattr(lexicon, "_wordfreq_data_file", lambda lang: other)
    lexicon.load_table("en")
    tables = sorted((tmp_path / "cache" / "lexicon").glob("*.bin"))
    assert len(tables) == 2
    os.utime(other, ns=(1, 1))  # the other environment's wordfreq data changed
    lexicon.load_table("en")
    now = sorted((tmp_path / "cache" / "lexicon").glob("*.bin"))
    assert len(now) == 2
    assert len(set(now) & set(tables)) == 1  # the first environment's table is still there
