"""``brieflint fix brief.docx``: safe fixes as tracked changes by brieflint (or directly with
``--no-track``), formatting kept, the file replaced atomically; read back from the file."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from brieflint.word import story
from tests.conftest import run_cli
from tests.formats import docxbuild as build

SOFT_HYPHEN = "\u00ad"
ZWSP = "\u200b"
CYRILLIC_O = "\u043e"


def draft(path: Path) -> Path:
    """Safe-fix artefacts in formatted runs: a soft hyphen inside a bold word, a zero-width
    space, and a Cyrillic "о" inside a Latin word in italics, across a table cell too."""
    d = build.new()
    p = d.add_paragraph("The ministry published a ")
    p.add_run(f"re{SOFT_HYPHEN}port").bold = True
    p.add_run(f" on the ports{ZWSP}.")
    q = d.add_paragraph("Shipping insurers ")
    q.add_run(f"rep{CYRILLIC_O}rted").italic = True
    q.add_run(" more claims.")
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0).text = f"Tonnage{ZWSP} rose."
    return build.save(d, path)


FIXED = (
    "The ministry published a report on the ports.\n\n"
    "Shipping insurers reported more claims.\n\nTonnage rose."
)


def _text(path: Path) -> str:
    return story.read(build.reopen(path.read_bytes())).text


def rejected(document: Any) -> str:
    """The text with every tracked change rejected: insertions dropped, deletions kept."""
    body = copy.deepcopy(document.element.body)
    for ins in list(body.iter(qn("w:ins"))):
        ins.getparent().remove(ins)
    for deleted in list(body.iter(qn("w:del"))):
        for t in deleted.iter(qn("w:delText")):
            t.tag = qn("w:t")
        parent = deleted.getparent()
        at = parent.index(deleted)
        for child in list(deleted):
            parent.insert(at, child)
            at += 1
        parent.remove(deleted)
    holder = build.new()
    holder.element.replace(holder.element.body, body)
    return story.read(holder).text


def test_safe_fixes_as_tracked_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft(tmp_path / "brief.docx")
    before = _text(path)
    code, _, err = run_cli(["fix", str(path)], capsys)
    assert code == 1
    assert "as tracked changes by brieflint" in err
    fixed = build.reopen(path.read_bytes())
    assert story.read(fixed).text == FIXED  # the text with the changes accepted
    assert rejected(fixed) == before  # rejecting every change gives the draft back
    body = fixed.element.body
    changes = [*body.iter(qn("w:ins")), *body.iter(qn("w:del"))]
    assert changes and {c.get(qn("w:author")) for c in changes} == {"brieflint"}
    runs = {r.text: r for p in fixed.paragraphs for r in p.runs if r.text}
    assert runs["re"].bold and runs["port"].bold  # the bold word, split round its deletion
    assert all(r.italic for r in fixed.paragraphs[1].runs if "rted" in r.text or r.text == "rep")
    # the word with the Cyrillic letter is replaced by one as italic as it was
    inserted = [i for i in body.iter(qn("w:ins")) if i.findtext(f".//{qn('w:t')}") == "reported"]
    assert inserted and inserted[0].find(f".//{qn('w:i')}") is not None


def test_no_track_applies_them_directly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft(tmp_path / "brief.docx")
    code, _, err = run_cli(["fix", "--no-track", str(path)], capsys)
    assert code == 1 and "directly (--no-track)" in err
    fixed = build.reopen(path.read_bytes())
    assert story.read(fixed).text == FIXED
    assert next(fixed.element.body.iter(qn("w:ins")), None) is None
    assert next(fixed.element.body.iter(qn("w:del")), None) is None
    bold = [r.text for r in fixed.paragraphs[0].runs if r.bold]
    assert "".join(bold) == "report"  # the bold word is still bold, and nothing else is


def test_dry_run_and_diff_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft(tmp_path / "brief.docx")
    data = path.read_bytes()
    code, _, err = run_cli(["fix", "--dry-run", str(path)], capsys)
    assert code == 1 and "would fix" in err
    code, out, _ = run_cli(["fix", "--diff", str(path)], capsys)
    assert code == 1 and "ocr.invisible-char" in out and "ocr.homoglyph" in out
    assert path.read_bytes() == data


def test_clean_docx_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = build.new()
    d.add_paragraph("The ministry published a report on the ports.")
    path = build.save(d, tmp_path / "clean.docx")
    data = path.read_bytes()
    code, _, _ = run_cli(["fix", str(path)], capsys)
    assert code == 0
    assert path.read_bytes() == data


def test_fix_twice_changes_nothing_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft(tmp_path / "brief.docx")
    run_cli(["fix", str(path)], capsys)
    data = path.read_bytes()
    code, _, _ = run_cli(["fix", str(path)], capsys)
    assert code == 0 and path.read_bytes() == data


def test_other_authors_tracked_changes_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = build.new()
    p = d.add_paragraph(f"The re{SOFT_HYPHEN}port ")
    build.add_tracked(p, inserted="was published.", deleted="is late.")
    path = build.save(d, tmp_path / "tracked.docx")
    code, _, _ = run_cli(["fix", str(path)], capsys)
    assert code == 1
    fixed = build.reopen(path.read_bytes())
    assert story.read(fixed).text == "The report was published."
    authors = [c.get(qn("w:author")) for c in fixed.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert authors.count("Editor") == 2 and "brieflint" in authors


def test_bad_docx_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    code, _, err = run_cli(["fix", str(path)], capsys)
    assert code == 2 and err.count("\n") == 1 and f"{path}: corrupt .docx" in err
    assert path.read_bytes() == b"PK\x03\x04 truncated"
