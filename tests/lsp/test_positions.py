"""LSP positions: lines by \\r\\n, \\r and \\n only; characters in UTF-16 (or UTF-8, UTF-32)."""

from __future__ import annotations

import pytest

from brieflint.lsp.positions import Codec, apply_change, units

TEXT = "a🚢b\r\nç€\rx𝔸y\n\x0cform feed stays on its line\u2028and so does this\n"


def test_astral_characters_are_two_utf16_units() -> None:
    codec = Codec(TEXT)
    assert codec.position(TEXT.index("b")) == (0, 3)  # "a" + two units of 🚢
    assert codec.position(TEXT.index("y")) == (2, 3)  # x 𝔸(2)
    assert codec.offset(0, 3) == TEXT.index("b")
    assert codec.offset(2, 3) == TEXT.index("y")


def test_utf8_and_utf32_count_their_own_units() -> None:
    assert Codec(TEXT, "utf-8").position(TEXT.index("b")) == (0, 5)
    assert Codec(TEXT, "utf-32").position(TEXT.index("b")) == (0, 2)
    assert Codec(TEXT, "utf-8").offset(1, 5) == TEXT.index("\r", 5)  # ç(2) €(3)
    assert units("ç€🚢", "utf-8") == 9 and units("ç€🚢", "utf-16") == 4


def test_only_lsp_line_breaks_start_lines() -> None:
    codec = Codec(TEXT)
    # \x0c and U+2028 break lines for str.splitlines, never for LSP
    assert codec.position(TEXT.index("and so")) == (3, TEXT.index("and so") - TEXT.index("\x0c"))
    assert codec.position(len(TEXT)) == (4, 0)


@pytest.mark.parametrize("character", [1, 2])
def test_a_position_inside_a_surrogate_pair_moves_past_the_character(character: int) -> None:
    assert Codec(TEXT).offset(0, character) == (1 if character == 1 else 2)


def test_past_the_end_of_a_line_is_its_end() -> None:
    codec = Codec(TEXT)
    assert codec.offset(0, 99) == TEXT.index("\r")
    assert codec.offset(99, 0) == len(TEXT)


def test_apply_change_replaces_a_range_given_in_utf16() -> None:
    changed = apply_change(TEXT, (0, 1), (0, 3), "--", "utf-16")
    assert changed.startswith("a--b\r\n")
    assert apply_change("x\n", (1, 0), (1, 0), "tail", "utf-16") == "x\ntail"
