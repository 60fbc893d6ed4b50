"""The OCR rules on whole briefs: every artefact of their kinds found, nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import regex

from brieflint.cli import main
from tests.briefs import BRIEFS, Brief
from tests.conftest import lint_text


@pytest.fixture(params=BRIEFS)
def brief(request: pytest.FixtureRequest) -> Brief:
    got: Brief = request.param
    return got


def _ocr(text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["ocr"])]


def test_every_artefact_is_found_and_nothing_else(brief: Brief) -> None:
    found = _ocr(brief.text())
    assert [m for r, m in found if r == "ocr.homoglyph"] == list(brief.homoglyphs)
    assert [m for r, m in found if r == "ocr.stray-markup"] == list(brief.stray_markup)
    broken = [m.split()[0] for r, m in found if r == "ocr.broken-paragraph"]
    assert broken == list(brief.broken)
    # the finding covers the word before, the full stop and the lower-case word
    lower = [m.split()[-1] for r, m in found if r == "ocr.lowercase-sentence-start"]
    assert lower == list(brief.lower_starts)
    expected = (brief.homoglyphs, brief.stray_markup, brief.broken, brief.lower_starts)
    assert len(found) == sum(map(len, expected)), found  # no false alarm anywhere else


def test_fix_on_a_copy_then_check_is_clean(brief: Brief, tmp_path: Path) -> None:
    copy = tmp_path / "brief.txt"
    shutil.copyfile(brief.path, copy)
    original = brief.text()
    cuts = [m for r, m in _ocr(original) if r == "ocr.broken-paragraph"]
    assert main(["fix", str(copy), "--select", "ocr"]) == 1
    text = copy.read_text(encoding="utf-8")
    # the safe tier: look-alike letters go; joining paragraphs and unwrapping markup wait
    assert not regex.search(r"\p{Cyrillic}", text)
    safe_left = {r for r, _ in _ocr(text)}
    assert safe_left <= {
        "ocr.lowercase-sentence-start",
        "ocr.broken-paragraph",
        "ocr.stray-markup",
    }
    assert main(["fix", str(copy), "--select", "ocr", "--unsafe-fixes"]) == int(
        safe_left != {"ocr.lowercase-sentence-start"}
    )
    text = copy.read_text(encoding="utf-8")
    remaining = _ocr(text)
    # only what has no fix at all is left: the lower-case sentence starts
    assert {r for r, _ in remaining} == {"ocr.lowercase-sentence-start"}
    assert not any(markup in text for markup in brief.stray_markup)
    for cut in cuts:  # each cut paragraph joined again with one space
        assert " ".join(cut.split()) in text
    assert main(["fix", str(copy), "--select", "ocr", "--unsafe-fixes"]) == 0  # idempotent
    # apart from the fixed spans the file is unchanged: same lines, minus joined paragraphs
    assert text.count("\n") == original.count("\n") - 2 * len(brief.broken)
