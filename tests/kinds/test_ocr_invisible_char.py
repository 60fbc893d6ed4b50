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


def test_the_message_quotes_the_word_with_the_character_shown_and_the_fix() -> None:
    from tests.conftest import lint_text

    text = (
        "The schedul\u00ades are ready, the user\ufffds guide is not.\n"
        "It was transfor\u00ad\nmed.\n"
    )
    findings = lint_text(text, select=[RULE])
    messages = [(f.message, f.suggestions) for f in findings]
    assert messages == [
        (
            "invisible or lost character in the text: soft hyphen inside 'schedul<U+00AD>es'",
            ("schedules",),
        ),
        # a lost character has no fix: quoted, but no arrow
        (
            "invisible or lost character in the text: replacement character inside 'user<U+FFFD>s'",
            (),
        ),
        # a soft hyphen before a line break: the fix joins the word across the break
        (
            "invisible or lost character in the text: soft hyphen inside 'transfor<U+00AD>'",
            ("transformed.",),
        ),
    ]
    # the finding still covers only the invisible character
    assert [text[f.start : f.end] for f in findings] == ["\u00ad", "\ufffd", "\u00ad"]


def test_a_character_alone_between_spaces_names_no_word() -> None:
    from tests.conftest import lint_text

    (finding,) = lint_text("A lone \u200b here.\n", select=[RULE])
    assert finding.message == "invisible or lost character in the text: zero width space"
    assert finding.suggestions == ()


def test_a_form_feed_at_the_start_of_a_line_is_a_page_break() -> None:
    text = "The end of page one.\n\f\nThe second page.\n\fThe third page, as pdftotext sets it.\n"
    assert found(text, RULE) == []
    assert found("A form\ffeed inside a line is lost text.\n", RULE) == ["\f"]
