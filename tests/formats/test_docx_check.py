"""``brieflint check brief.docx``: findings in a real Word file, at its paragraphs, cells, notes
and pages, and the reviewed copy with one comment per finding on exactly the flagged text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from brieflint.word import story
from tests.conftest import run_cli
from tests.formats import docxbuild as build


def brief(path: Path) -> Path:
    """A short brief laid out by Word: cover, body across two pages, a table, a footnote, with
    artefacts: a doubled word split across runs, a typo in bold, a placeholder in a cell, a
    Cyrillic look-alike in a footnote, and "TODO" in a text box."""
    d = build.new()
    d.add_paragraph("Policy Brief No 7")
    d.add_paragraph("Ports and Power in the Black Sea")
    d.add_paragraph("25.11.2025")
    p = d.add_paragraph("Trade through the ports rose after the ")
    p.add_run("the").italic = True
    p.add_run(" ceasefire was agreed.")
    second = d.add_paragraph("Shipping insurers now ")
    second.add_run("recieve").bold = True
    second.add_run(" more claims than before.")
    build.add_page_break_rendered(second)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Port"
    table.cell(0, 1).text = "Tonnage"
    table.cell(1, 0).text = "Odesa"
    table.cell(1, 1).text = "TODO"
    host = d.add_paragraph("Insurers expect the routes to stay open.")
    build.add_text_box(host, "Key point: TODO check the figures.")
    build.add_footnotes(d, host, ["Figures from the port authority (2025) \u0440ublished online."])
    return build.save(d, path)


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(["check", "--no-cache", *args], capsys)


def _findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, out, err = _check(["--format", "json", str(path)], capsys)
    assert code == 1, err
    found: list[dict[str, Any]] = json.loads(out)["findings"]
    return found


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def test_findings_at_paragraph_cell_note_and_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _findings(brief(tmp_path / "brief.docx"), capsys)
    by_rule = {f["rule"]: f for f in found}
    doubled = by_rule["prose.doubled-word"]["location"]
    assert doubled["part"] == "body" and doubled["paragraph"] == 4 and doubled["page"] == 1
    typo = by_rule["prose.common-typo"]["location"]
    assert (typo["paragraph"], typo["page"], typo["offset"]) == (
        5,
        2,
        len("Shipping insurers now "),
    )
    placeholders = [f["location"] for f in found if f["rule"] == "prose.placeholder"]
    cell = next(p for p in placeholders if p["part"] == "table")
    assert (cell["table"], cell["row"], cell["cell"], cell["paragraph"]) == (1, 2, 2, 9)
    assert cell["description"] == "table 1, row 2, cell 2, ¶9 (p. 2)"
    box = next(p for p in placeholders if p["part"] == "textbox")
    assert box["paragraph"] == 10  # the paragraph the box is anchored in
    homoglyph = by_rule["ocr.homoglyph"]["location"]
    assert homoglyph["part"] == "footnote" and homoglyph["note"] == 1
    assert homoglyph["description"] == "footnote 1"


def test_text_output_names_paragraph_and_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = brief(tmp_path / "brief.docx")
    code, out, _ = _check(["--select", "prose.common-typo", str(path)], capsys)
    assert code == 1
    assert f"{path}: ¶5 (p. 2): “recieve”" in out


def test_clean_docx_is_silent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = build.new()
    d.add_paragraph("Trade through the ports rose after the ceasefire was agreed.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Port"
    table.cell(0, 1).text = "Odesa"
    path = build.save(d, tmp_path / "clean.docx")
    code, out, err = _check([str(path)], capsys)
    assert code == 0, out + err
    assert "0 error(s), 0 warning(s), 0 info in 1 file checked" in out


def test_repeated_word_headings_are_structure_not_furniture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "The ministry should act on the findings of the review within the year, and report "
        "back to the committee when it does so, as the review itself asked."
    )
    d = build.new()
    for country in ("Georgia", "Armenia", "Moldova", "Ukraine"):
        d.add_heading(country, 1)
        d.add_heading("Recommendations", 2)
        d.add_paragraph(body)
    path = build.save(d, tmp_path / "brief.docx")
    code, out, err = _check(["--select", "ocr", str(path)], capsys)
    assert code == 0, out + err
    assert "0 error(s), 0 warning(s), 0 info in 1 file checked" in out
    # the same paragraphs as plain text, without Word's styles, recur like a running header
    plain = tmp_path / "brief.txt"
    plain.write_text(story.read(build.reopen(path.read_bytes())).text + "\n", "utf-8")
    _, out, _ = _check(["--select", "ocr.page-furniture", str(plain)], capsys)
    assert "running header or footer left in the body: 'Recommendations'" in out


def test_folders_include_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief(tmp_path / "brief.docx")
    code, out, _ = _check([str(tmp_path)], capsys)
    assert code == 1 and "brief.docx: ¶5 (p. 2)" in out


def test_config_can_leave_docx_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief(tmp_path / "brief.docx")
    (tmp_path / "brieflint.yaml").write_text('include: ["*.md"]\n', encoding="utf-8")
    code, out, _ = _check([str(tmp_path)], capsys)
    assert code == 0 and "0 files checked" in out


def test_tracked_changes_are_linted_as_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = build.new()
    p = d.add_paragraph("The ministry ")
    build.add_tracked(p, inserted="recieved the report.", deleted="teh teh")
    found = _findings(build.save(d, tmp_path / "tracked.docx"), capsys)
    assert [f["rule"] for f in found] == ["prose.common-typo"]  # not the deleted "teh teh"


def test_properties_feed_the_metadata_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = build.new()
    d.add_paragraph("Policy Brief No 7")
    d.add_paragraph("Trade through the ports rose after the ceasefire was agreed.")
    build.set_custom_properties(d, {"date": "31.02.2025"})
    found = _findings(build.save(d, tmp_path / "props.docx"), capsys)
    (meta,) = [f for f in found if f["rule"] == "house.metadata"]
    assert "'date' is not a valid date: '31.02.2025'" in meta["message"]
    assert "(in the document properties)" in meta["message"]
    good = build.new()
    good.add_paragraph("Policy Brief No 7")
    good.add_paragraph("Trade through the ports rose after the ceasefire was agreed.")
    build.set_custom_properties(good, {"date": "28.02.2025"})
    code, out, _ = _check([str(build.save(good, tmp_path / "good.docx"))], capsys)
    assert code == 0, out


def test_bad_docx_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "brief.docx"
    bad.write_bytes(b"%PDF-1.7\n")
    out_copy = tmp_path / "reviewed.docx"
    code, _, err = _check(["-f", "docx", "-o", str(out_copy), str(bad)], capsys)
    assert code == 2
    assert err.strip() == f"brieflint: error: {bad}: not a Word .docx file (a PDF file)"
    assert not out_copy.exists()


def test_docm_named_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = build.rezip(build.to_bytes(build.new()), {"word/vbaProject.bin": b"x"})
    path = tmp_path / "macro.docm"
    path.write_bytes(data)
    code, _, err = _check([str(path)], capsys)
    assert code == 2 and "macro-enabled Word document" in err


# -- the reviewed copy ------------------------------------------------------------------------


def commented(document: Any) -> list[tuple[str, str]]:
    """Each comment's text and the document text its range marks (body and text boxes)."""
    texts = {str(c.comment_id): c.text for c in document.comments}
    open_ranges: dict[str, list[str]] = {}
    marked: list[tuple[str, str]] = []
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ranges[el.get(qn("w:id"))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            key = el.get(qn("w:id"))
            marked.append((texts[key], "".join(open_ranges.pop(key))))
        elif el.tag == qn("w:t"):
            for parts in open_ranges.values():
                parts.append(el.text or "")
    return marked


def test_reviewed_copy_one_comment_per_finding_on_exactly_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = brief(tmp_path / "brief.docx")
    original = build.reopen(path.read_bytes())
    text = story.read(original).text
    found = _findings(path, capsys)
    copy = tmp_path / "brief.reviewed.docx"
    code, _, err = _check(["-f", "docx", "-o", str(copy), str(path)], capsys)
    assert code == 1
    assert f"{len(found)} comment(s) in {copy}" in err
    reviewed = build.reopen(copy.read_bytes())
    assert story.read(reviewed).text == text  # the text is the draft's, character for character
    comments = list(reviewed.comments)
    assert len(comments) == len(found)
    assert {c.author for c in comments} == {"brieflint"}
    marked = commented(reviewed)
    for f in found:
        start = _offset(text, f["line"], f["column"])
        end = _offset(text, f["end_line"], f["end_column"])
        said = f"{f['severity']} · {f['rule']} · {f['message']}"
        if f["location"]["part"] == "footnote":
            quote = f"in footnote 1, on “{text[start:end]}”: {said}"
            assert (quote, "") in [(k[: len(quote)], m) for k, m in marked]
            continue
        flagged = text[start:end] if end > start else text[start : start + 1]
        suggestion = f" · suggestion: {f['suggestions'][0]}" if f["suggestions"] else ""
        assert (said + suggestion, flagged) in marked, f
    # the split runs kept their formatting: the flagged "recieve" is still bold
    bold = [r for p in reviewed.paragraphs for r in p.runs if r.text == "recieve"]
    assert bold and all(r.bold for r in bold)


def test_reviewed_copy_never_replaces_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = brief(tmp_path / "brief.docx")
    before = path.read_bytes()
    code, _, err = _check(["-f", "docx", "-o", str(path), str(path)], capsys)
    assert code == 2 and "must not replace the draft" in err
    assert path.read_bytes() == before


def test_reviewed_copies_of_several_drafts_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    brief(drafts / "a.docx")
    brief(drafts / "b.docx")
    out = tmp_path / "out"
    code, _, err = _check(["-f", "docx", "-o", str(tmp_path / "one.docx"), str(drafts)], capsys)
    assert code == 2 and "give a folder" in err
    out.mkdir()
    code, _, _ = _check(["-f", "docx", "-o", str(out), str(drafts)], capsys)
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.reviewed.docx", "b.reviewed.docx"]


def test_docx_format_needs_an_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = brief(tmp_path / "brief.docx")
    code, _, err = _check(["-f", "docx", str(path)], capsys)
    assert code == 2 and "--output" in err


def test_html_and_sarif_name_the_paragraph_and_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = brief(tmp_path / "brief.docx")
    html, sarif = tmp_path / "report.html", tmp_path / "report.sarif"
    args = ["--select", "prose.common-typo", "-f", "html", "-o", str(html)]
    code, _, _ = _check([*args, "-f", "sarif", "-o", str(sarif), str(path)], capsys)
    assert code == 1
    page = html.read_text(encoding="utf-8")
    assert "¶5 (p. 2)" in page and "recieve" in page
    (result,) = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["snippet"] == {"text": "recieve"}
    assert location["logicalLocations"] == [{"name": "¶5 (p. 2)", "kind": "body"}]
