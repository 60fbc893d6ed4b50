from __future__ import annotations

import pytest

from tests.kinds._ocr import fixed, found

RULE = "ocr.hyphenation"


def test_line_end_break_is_joined() -> None:
    text = "A mul-\ntidimensional approach.\n"
    assert found(text, RULE) == ["mul-\ntidimensional"]
    assert fixed(text, RULE) == "A multidimensional approach.\n"


def test_leftover_hyphens_are_joined() -> None:
    text = "It was mul- tidimensional and di-rectly im-portant."
    assert fixed(text, RULE) == "It was multidimensional and directly important."


def test_crlf_line_break() -> None:
    assert fixed("transfor-\r\nmation of it\r\n", RULE) == "transformation of it\r\n"


@pytest.mark.parametrize(
    "text",
    [
        "A state-\nowned and well-known firm in Nagorno-\nKarabakh.",
        "Use e-mail, co-operation and pre-empt the multi-dimensional crisis.",
        "Both pre- and post-war periods; state-of-the-art tools.",
        "A long-\nterm plan and a self-\nawareness drive.",
    ],
)
def test_genuine_compounds_are_kept(text: str) -> None:
    assert found(text, RULE) == []


def test_long_prefix_broken_across_lines_is_joined_when_far_likelier() -> None:
    from tests.conftest import lint_text

    hits = lint_text("New infra-\nstructure for trade.\n", select=["ocr.hyphenation"])
    assert [f.suggestions[0] for f in hits] == ["infrastructure"]
    kept = "A state-\nowned firm; to pre-\nempt it; anti-\nwar protests.\n"
    assert lint_text(kept, select=["ocr.hyphenation"]) == []
