"""LibreOffice (headless) opens what brieflint writes: the reviewed copy's comments are there, on
the flagged text, and a tracked-change fix shows as a change by brieflint. Skips without
``soffice`` (Debian's libreoffice-writer-nogui; ``.ci/run`` installs it)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import run_cli
from tests.formats import docxbuild as build
from tests.formats.test_docx_check import brief, commented

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def convert(source: Path, to: str, tmp_path: Path) -> Path:
    out = tmp_path / "converted"
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / (source.stem + "." + to.split(":")[0])


def annotations(odt: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, annotated text) of each annotation in the ODT's body."""
    root = etree.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    found: list[tuple[str, str, str]] = []
    open_ranges: dict[str, tuple[str, str, list[str]]] = {}

    def text(piece: str | None) -> None:
        for _, _, parts in open_ranges.values():
            parts.append(piece or "")

    def walk(el: etree._Element) -> None:
        if el.tag == f"{{{OFFICE}}}annotation":
            author = el.findtext(f"{{{DC}}}creator") or ""
            said = "".join("".join(p.itertext()) for p in el.iter(f"{{{TEXT}}}p"))
            open_ranges[el.get(f"{{{OFFICE}}}name")] = (author, said, [])
            return
        if el.tag == f"{{{OFFICE}}}annotation-end":
            author, said, parts = open_ranges.pop(el.get(f"{{{OFFICE}}}name"))
            found.append((author, said, "".join(parts)))
            return
        if el.tag == f"{{{TEXT}}}s":
            text(" " * int(el.get(f"{{{TEXT}}}c", "1")))
        elif el.tag == f"{{{TEXT}}}tab":
            text("\t")
        text(el.text)
        for child in el:
            walk(child)
            text(child.tail)

    walk(root)
    return found


def test_libreoffice_shows_the_comments_on_the_flagged_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = brief(tmp_path / "brief.docx")
    copy = tmp_path / "brief.reviewed.docx"
    code, _, _ = run_cli(["check", "--no-cache", "-f", "docx", "-o", str(copy), str(path)], capsys)
    assert code == 1
    expected = commented(build.reopen(copy.read_bytes()))
    odt = convert(copy, "odt", tmp_path)
    shown = annotations(odt)
    assert {author for author, _, _ in shown} == {"brieflint"}
    # every comment brieflint wrote is shown on the same text; the footnote's is on the note's
    # mark, which LibreOffice shows with the note's text
    in_note = [(said, marked) for _, said, marked in shown if said.startswith("in footnote")]
    assert len(in_note) == 1 and "\u0440ublished" in in_note[0][1]
    on_text = [(said, marked) for _, said, marked in shown if not said.startswith("in footnote")]
    assert sorted(on_text) == sorted(e for e in expected if not e[0].startswith("in footnote"))
    assert len(on_text) == len(expected) - 1
    pdf = convert(copy, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_libreoffice_shows_a_tracked_fix_as_brieflints_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = build.new()
    d.add_paragraph("The ministry published a re\u00adport on the ports.")
    path = build.save(d, tmp_path / "fix.docx")
    code, _, _ = run_cli(["fix", str(path)], capsys)
    assert code == 1
    odt = convert(path, "odt", tmp_path)
    content = zipfile.ZipFile(odt).read("content.xml").decode()
    assert "<text:tracked-changes" in content
    assert "<dc:creator>brieflint</dc:creator>" in content


def test_a_legacy_doc_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = build.new()
    d.add_paragraph("An old brief.")
    doc = convert(build.save(d, tmp_path / "old.docx"), "doc", tmp_path)
    renamed = doc.with_suffix(".docx")
    doc.rename(renamed)
    code, _, err = run_cli(["check", str(renamed)], capsys)
    assert code == 2
    assert "a legacy Word 97-2003 (.doc) or other OLE file, not a .docx" in err


def test_a_docx_saved_by_libreoffice_reads_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another producer's .docx (LibreOffice writes its own runs, bookmarks and styles): the
    same paragraphs, and the same findings at the same paragraphs."""
    from brieflint.word import story

    path = brief(tmp_path / "brief.docx")
    odt = convert(path, "odt", tmp_path)
    again = convert(odt, "docx:MS Word 2007 XML", tmp_path)
    ours = story.read(build.reopen(path.read_bytes()))
    theirs = story.read(build.reopen(again.read_bytes()))
    body = [b.text for b in ours.blocks if b.story == story.BODY and b.text]
    assert [b.text for b in theirs.blocks if b.story == story.BODY and b.text] == body
    code, out, _ = run_cli(["check", "--no-cache", "--select", "prose", str(again)], capsys)
    assert code == 1
    assert "¶5" in out and "“recieve”" in out and "table 1, row 2, cell 2, ¶9" in out
