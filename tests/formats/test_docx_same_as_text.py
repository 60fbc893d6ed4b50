"""A draft written as a Word document is linted as the same text: the test brief and clean
prose, laid out as .docx paragraphs (lines inside a paragraph as Word line breaks), give the
findings their .txt gives, at the same places, and ``fix`` changes nothing on clean text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brieflint.word import story
from tests.conftest import REPO, run_cli
from tests.formats import docxbuild as build

BRIEF = REPO / "tests" / "data" / "briefs" / "ports-and-corridors.txt"
CLEAN = sorted((REPO / "tests" / "data" / "clean").glob("grammar-*.txt"))


def as_docx(text: str, path: Path) -> Path:
    d = build.new()
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        p = d.add_paragraph(lines[0])
        for line in lines[1:]:
            run = p.add_run()
            run.add_break()
            run.add_text(line)
    build.save(d, path)
    assert story.read(build.reopen(path.read_bytes())).text == text.strip("\n")
    return path


def _found(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[object, ...]]:
    code, out, err = run_cli(["check", "--no-cache", "-f", "json", *args, str(path)], capsys)
    assert code in (0, 1), err
    return [
        (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["suggestions"])
        for f in json.loads(out)["findings"]
    ]


def test_the_test_brief_as_docx_gives_the_same_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BRIEF.read_text(encoding="utf-8")
    txt = tmp_path / "brief.txt"
    txt.write_text(text.strip("\n"), encoding="utf-8")
    docx = as_docx(text, tmp_path / "brief.docx")
    expected = _found(txt, capsys, "--style", "secureblacksea")
    assert expected  # the brief carries damage on purpose
    assert _found(docx, capsys, "--style", "secureblacksea") == expected


@pytest.mark.parametrize("clean", CLEAN, ids=lambda p: p.name)
def test_fix_changes_nothing_on_clean_prose_in_a_docx(
    clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = as_docx(clean.read_text(encoding="utf-8"), tmp_path / "clean.docx")
    data = docx.read_bytes()
    code, _, err = run_cli(["fix", str(docx)], capsys)
    assert code == 0, err
    assert docx.read_bytes() == data
