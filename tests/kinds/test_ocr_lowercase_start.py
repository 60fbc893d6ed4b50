from __future__ import annotations

import pytest

from tests.conftest import LintFn
from tests.kinds._ocr import found

RULE = "ocr.lowercase-sentence-start"


def test_lower_case_after_full_stop(lint: LintFn) -> None:
    text = "The process continued. following the trip, talks resumed. the end came."
    assert found(text, RULE) == ["following", "the"]
    assert all(f.fix is None for f in lint(text, select=[RULE]))


@pytest.mark.parametrize(
    "text",
    [
        "It costs approx. ten euros, e.g. for food, at 9 a.m. daily.",
        "The bill was signed by J. smith and the U.S. team.",
        "Wait... and then it ended. eBay and iPhone sales rose.",
        "Is it true? maybe. Yes!",
        "A paragraph ends here.\n\nlower case start of the next one.",
    ],
)
def test_abbreviations_and_brands_are_silent(text: str) -> None:
    assert found(text, RULE) == []


def test_a_number_and_its_unit_do_not_end_a_sentence() -> None:
    from tests.conftest import lint_text

    text = (
        "He paid 5s. a week for a 4lb. loaf, and 2,000l. in all. It ended in the 1990s. the end.\n"
    )
    hits = lint_text(text, select=["ocr.lowercase-sentence-start"])
    assert [text[f.start : f.end] for f in hits] == ["the"]
