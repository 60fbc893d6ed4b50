from __future__ import annotations

from tests.kinds._ocr import fixed, found

RULE = "ocr.invisible-char"


def test_invisible_characters_are_found_and_removed() -> None:
    text = "The agree\u00adment was\u200b signed\u202e in Baku.\ufeff"
    assert found(text, RULE) == ["\u00ad", "\u200b", "\u202e", "\ufeff"]
    assert fixed(text, RULE) == "The agreement was signed in Baku."


def test_soft_hyphen_at_line_end_joins_the_word() -> None:
    assert fixed("transfor\u00ad\nmation of the state", RULE) == "transformation of the state"


def test_lost_characters_are_reported_without_fix() -> None:
    text = "The user\ufffds guide and the \ue000 symbol."
    assert found(text, RULE) == ["\ufffd", "\ue000"]
    assert fixed(text, RULE) == text


def test_joiners_in_persian_are_kept() -> None:
    text = "The word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 is Persian."
    assert fixed(text, RULE) == text


def test_clean_text_is_silent() -> None:
    assert found("A plain sentence, with tabs\tand\nnew lines.\r\n", RULE) == []
