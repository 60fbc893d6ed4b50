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


def test_a_hyphen_left_inside_a_word_away_from_a_line_end() -> None:
    from tests.conftest import lint_text

    text = "A ran-dom sample and a careful selec-tion of cases.\n"
    hits = lint_text(text, select=[RULE])
    assert [text[f.start : f.end] for f in hits] == ["ran-dom", "selec-tion"]
    assert [f.suggestions[0] for f in hits] == ["random", "selection"]
    # both pieces are words ("ran", "dom") or the first is no word: reported, never fixed
    assert all(f.fix is None for f in hits)


def test_a_space_after_a_hyphen_inside_a_compound() -> None:
    from tests.conftest import lint_text

    text = "A semi- continuous process needs error- correction.\n"
    hits = lint_text(text, select=[RULE])
    assert [text[f.start : f.end] for f in hits] == ["semi- continuous", "error- correction"]
    assert [f.suggestions[0] for f in hits] == ["semi-continuous", "error-correction"]
    assert all(f.fix is None for f in hits)


@pytest.mark.parametrize(
    "text",
    [
        "Short- or long-term goals; pre- and post-war; first- and second-order effects.",
        "I- INTRODUCTION",
        "The follow-up, the set-up and the well-being of decision-making bodies.",
        "Random selection of policy-makers, on-line or by e-mail.",
    ],
)
def test_suspended_hyphens_headings_and_compounds_are_left_alone(text: str) -> None:
    assert found(text, RULE) == []


def test_a_name_and_a_word_make_a_compound() -> None:
    """A name the lexicon lacks, a hyphen and a common word: the hyphen belongs there. A name cut
    into pieces that are no words is still reported."""
    assert found("He was taken to Horsemonger-lane gaol by a Kyiv-based firm.", RULE) == []
    assert found("The talks in Brus-sels went on.", RULE) == ["Brus-sels"]


def test_a_hyphen_read_for_the_space_after_an_article() -> None:
    assert found("They reached the-house at noon.\n", RULE) == ["the-house"]
    # a dash set as a hyphen before an article, and compounds, are left alone
    assert found("They sold the house-the old one-and a well-known shop.\n", RULE) == []
