"""The OCR rules on the real sample brief: every artefact of their kinds found, nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brieflint.cli import main
from tests.conftest import SAMPLE, lint_text

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="sample brief not available")


def _ocr(text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["ocr"])]


def test_every_artefact_is_found_and_nothing_else() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    found = _ocr(text)
    homoglyphs = [m for r, m in found if r == "ocr.homoglyph"]
    assert homoglyphs == ["\u0430", "\u0422\u043e"]
    assert [m for r, m in found if r == "ocr.stray-markup"] == ["_{Ergun}"]
    broken = [m.split()[0] for r, m in found if r == "ocr.broken-paragraph"]
    assert broken == ["surrounding", "motto", "simultaneously", "direction", "international"]
    lower = [m for r, m in found if r == "ocr.lowercase-sentence-start"]
    assert lower == ["following", "the", "recommendations"]
    assert len(found) == 2 + 1 + 5 + 3  # no false alarm anywhere else


def test_fix_on_a_copy_then_check_is_clean(tmp_path: Path) -> None:
    copy = tmp_path / "brief.txt"
    shutil.copyfile(SAMPLE, copy)
    assert main(["fix", str(copy), "--select", "ocr"]) == 1
    text = copy.read_text(encoding="utf-8")
    remaining = _ocr(text)
    # only what has no certain fix is left: the lower-case sentence starts
    assert {r for r, _ in remaining} == {"ocr.lowercase-sentence-start"}
    assert "\u0430" not in text and "_{" not in text and "То" not in text
    assert "the surrounding regions led" in text
    assert 'The motto "one nation, two states,"' in text
    assert main(["fix", str(copy), "--select", "ocr"]) == 0  # idempotent
    # apart from the fixed spans the file is unchanged: same lines, minus joined paragraphs
    original = SAMPLE.read_text(encoding="utf-8")
    assert text.count("\n") == original.count("\n") - 2 * 5
