"""The lexicon's word table: a marisa-trie with Zipf values, written to and read from bytes."""

from __future__ import annotations

import os
import shutil
import time
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


def test_a_mapped_table_reads_like_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "table.bin"
    path.write_bytes(WordTable.from_frequencies(FREQUENCIES).to_bytes())
    mapped = lexicon._map_table(path)
    assert [mapped.zipf(w) for w in FREQUENCIES] == [
        WordTable.from_frequencies(FREQUENCIES).zipf(w) for w in FREQUENCIES
    ]
    assert mapped.words_at_least(4.0) == ["the", "policy", "brief"]
    assert sorted(mapped) == sorted(FREQUENCIES)
    assert WordTable.from_bytes(mapped.to_bytes()).words_at_least(0.0) == list(FREQUENCIES)


def test_tables_nobody_used_for_a_month_go_when_a_table_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit makes an environment per hook version; the tables of environments long gone
    must not pile up (4.7 MB each), while a table in use is never removed."""
    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "lexicon"
    folder.mkdir(parents=True)
    old_gone = folder / "wordfreq-large-en-000000000000-0000000000000000.bin"
    old_gone.write_bytes(b"x")
    month = lexicon.STALE_SECONDS + 3600
    os.utime(old_gone, (time.time() - month, time.time() - month))
    in_use = folder / "wordfreq-large-en-111111111111-1111111111111111.bin"
    in_use.write_bytes(WordTable.from_frequencies(FREQUENCIES).to_bytes())
    two_days = time.time() - 2 * 24 * 3600
    os.utime(in_use, (two_days, two_days))
    lexicon._map_table(in_use)  # a run using it marks it
    assert in_use.stat().st_mtime > time.time() - 60
    lexicon.load_table("en")  # builds and writes this installation's table
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".bin") == sorted(
        [in_use.name, lexicon._cache_file("en").name]  # type: ignore[union-attr]
    )
