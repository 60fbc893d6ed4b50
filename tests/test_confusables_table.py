"""The table of lookalike letters kept in the user cache agrees with the confusables library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from brieflint.text import confusables


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path))
    confusables._lookalike_table.cache_clear()
    confusables.latin_letter.cache_clear()
    yield tmp_path
    confusables._lookalike_table.cache_clear()
    confusables.latin_letter.cache_clear()


def test_the_table_gives_what_the_library_gives(fresh_cache: Path) -> None:
    table = confusables._lookalike_table()
    assert len(table) > 500  # every letter of Cyrillic, Greek and Armenian
    assert table["е"] == "e" and table["Т"] == "T" and table["ж"] == ""
    for char, latin in table.items():
        assert (latin or None) == confusables._library_latin_letter(char), char


def test_the_table_is_built_once_and_read_back(fresh_cache: Path) -> None:
    built = confusables._lookalike_table()
    [kept] = list((fresh_cache / "confusables").glob("latin-*.json"))
    kept.write_text('{"е": "q"}', "utf-8")  # what is read back is the file, not a rebuild
    confusables._lookalike_table.cache_clear()
    assert confusables._lookalike_table() == {"е": "q"}
    kept.write_text("not json", "utf-8")  # a damaged file is rebuilt
    confusables._lookalike_table.cache_clear()
    assert confusables._lookalike_table() == built
    assert confusables.latin_form("Sеa") == "Sea"
