"""`brieflint check` on real PDFs: locations in the text, JSON and SARIF, the annotated copy
(read back with pypdf), and bad PDFs as one-line errors that name the file, exit 2."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from brieflint.readers import pdf as pdf_reader
from tests.conftest import git, run_cli
from tests.formats import pdfbrief
from tests.formats.pdfbrief import Layout
from tests.formats.test_pdf_findings import _damaged


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, pdfbrief.Built]:
    built = pdfbrief.build(Layout(paragraphs=_damaged(), lines_per_page=18))
    path = tmp_path / "brief.pdf"
    path.write_bytes(built.data)
    return path, built


def test_text_output_names_page_and_line_with_a_quote(
    damaged: tuple[Path, pdfbrief.Built], capsys: pytest.CaptureFixture[str]
) -> None:
    path, built = damaged
    code, out, err = run_cli(["check", "--no-cache", str(path)], capsys)
    assert code == 0, err  # warnings only
    line = built.find("Page 2 of 4")
    assert f"{path}: p. {line.page}, line {line.number}: “Page 2 of 4”" in out


def test_json_carries_the_location_with_boxes(
    damaged: tuple[Path, pdfbrief.Built], capsys: pytest.CaptureFixture[str]
) -> None:
    path, built = damaged
    code, out, _ = run_cli(["check", "--no-cache", "-f", "json", str(path)], capsys)
    assert code == 0
    findings = json.loads(out)["findings"]
    split = next(f for f in findings if f["rule"] == "ocr.split-word")
    drawn = built.find("interior")
    location = split["location"]
    assert (location["page"], location["line"]) == (drawn.page, drawn.number)
    [(x0, y0, x1, y1)] = location["boxes"]
    assert drawn.x < x0 < x1 < pdfbrief.RIGHT and y0 <= drawn.baseline <= y1


def test_the_annotated_copy_has_a_highlight_and_note_per_finding_on_its_page(
    damaged: tuple[Path, pdfbrief.Built], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, built = damaged
    out_pdf = tmp_path / "out" / "brief.annotated.pdf"
    args = ["check", "--no-cache", str(path), "-f", "json", "-o", "-", "-f", "pdf", "-o"]
    code, out, err = run_cli([*args, str(out_pdf)], capsys)
    assert code == 0, err
    findings = json.loads(out)["findings"]
    reader = PdfReader(io.BytesIO(out_pdf.read_bytes()))
    notes = []
    for number, page in enumerate(reader.pages, 1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            assert annot["/Subtype"] == "/Highlight"
            assert annot["/T"] == "brieflint"
            notes.append((number, [float(v) for v in annot["/Rect"]], str(annot["/Contents"])))
    assert len(notes) == len(findings) == 4
    for f in findings:
        page = f["location"]["page"]
        mine = [n for n in notes if f["rule"] in n[2]]
        assert [n[0] for n in mine] == [page]
        rect = mine[0][1]
        box = f["location"]["boxes"][0]
        # the highlight covers the flagged text's box
        assert rect[0] <= box[0] + 0.01 and rect[1] <= box[1] + 0.01
        assert rect[2] >= box[2] - 0.01 and rect[3] >= box[3] - 0.01
        assert f["message"] in mine[0][2] and f["severity"] in mine[0][2]
    # the page content is untouched: the copy reads as the original
    assert pdf_reader.read("copy.pdf", out_pdf.read_bytes()).text == (
        pdf_reader.read("brief.pdf", built.data).text
    )


def test_a_clean_pdf_gives_a_copy_without_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clean.pdf"
    path.write_bytes(pdfbrief.build(Layout(lines_per_page=18)).data)
    out_pdf = tmp_path / "clean.annotated.pdf"
    code, _, err = run_cli(
        ["check", "--no-cache", str(path), "-f", "pdf", "-o", str(out_pdf)], capsys
    )
    assert code == 0, err
    assert all(not page.get("/Annots") for page in PdfReader(out_pdf).pages)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "name it with --output"),
        (["-o", "SAME"], "the annotated copy must not replace the PDF itself"),
    ],
)
def test_the_annotated_copy_needs_an_output_of_its_own(
    damaged: tuple[Path, pdfbrief.Built],
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    path, _ = damaged
    before = path.read_bytes()
    extra = [str(path) if e == "SAME" else e for e in extra]
    code, _, err = run_cli(["check", "--no-cache", str(path), "-f", "pdf", *extra], capsys)
    assert code == 2 and message in err and err.count("\n") == 1
    assert path.read_bytes() == before


def _bad_files() -> dict[str, tuple[bytes, str]]:
    built = pdfbrief.build(Layout(lines_per_page=18))
    return {
        "truncated.pdf": (built.data[: len(built.data) // 3], "not a readable PDF"),
        "notes.pdf": (b"These are notes, not a PDF.\n", "not a PDF file"),
        "empty.pdf": (b"", "not a PDF file"),
    }


def test_bad_pdfs_are_one_line_errors_naming_the_file_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, (data, message) in _bad_files().items():
        path = tmp_path / name
        path.write_bytes(data)
        out_pdf = tmp_path / f"{name}.annotated.pdf"
        code, _, err = run_cli(
            ["check", "--no-cache", str(path), "-f", "pdf", "-o", str(out_pdf)], capsys
        )
        assert code == 2, name
        assert err.count("\n") == 1 and f"{path}: " in err and message in err, err
        assert not out_pdf.exists()


def test_the_page_limit_is_configurable(
    damaged: tuple[Path, pdfbrief.Built],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, built = damaged
    pages = max(line.page for line in built.lines)
    monkeypatch.setenv(pdf_reader.MAX_PAGES_VARIABLE, str(pages - 1))
    code, _, err = run_cli(["check", "--no-cache", str(path)], capsys)
    assert code == 2 and f"has {pages} pages, more than the limit of {pages - 1}" in err
    monkeypatch.setenv(pdf_reader.MAX_PAGES_VARIABLE, str(pages))
    code, _, err = run_cli(["check", "--no-cache", str(path)], capsys)
    assert code == 0, err


def test_a_folder_includes_pdfs_by_default(
    damaged: tuple[Path, pdfbrief.Built], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    code, out, _ = run_cli(["check", "--no-cache", "-f", "json", str(path.parent)], capsys)
    assert code == 0
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(path)}


def test_fix_leaves_a_pdf_alone_and_says_why_when_it_is_named(
    damaged: tuple[Path, pdfbrief.Built], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    before = path.read_bytes()
    code, _, err = run_cli(["fix", str(path)], capsys)
    assert code == 2 and "a PDF is not fixed in place" in err and err.count("\n") == 1
    draft = path.parent / "notes.txt"
    draft.write_text("Ports recieve grain.\n", encoding="utf-8")
    code, _, err = run_cli(["fix", str(path.parent)], capsys)  # a folder: the PDF is passed over
    assert code == 1, err
    assert path.read_bytes() == before
    assert draft.read_text(encoding="utf-8") == "Ports receive grain.\n"


def test_a_pdf_brief_is_submitted_for_review_bound_to_its_blob(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    path = repo / "brief.pdf"
    path.write_bytes(pdfbrief.build(Layout(lines_per_page=18)).data)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "author@example.org")
    git(repo, "config", "user.name", "Author")
    git(repo, "add", "brief.pdf")
    git(repo, "commit", "-qm", "a brief")
    monkeypatch.chdir(repo)
    code, _, err = run_cli(["review", "submit", "brief.pdf"], capsys)
    assert code == 0, err
    [record] = (repo / ".brieflint" / "reviews" / "brief.pdf").glob("*.json")
    blob = subprocess.run(
        ["git", "hash-object", "brief.pdf"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    payload = json.loads(record.read_text(encoding="utf-8"))["payload"]
    assert (payload["brief"], payload["blob"], payload["state"]) == ("brief.pdf", blob, "in-review")
    assert payload["lint"]["passed"] is True


def test_several_pdfs_get_their_copies_in_a_folder(
    damaged: tuple[Path, pdfbrief.Built], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = damaged
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(pdfbrief.build(Layout(lines_per_page=18)).data)
    folder = tmp_path / "copies"
    code, _, err = run_cli(
        [
            "check",
            "--no-cache",
            str(path),
            str(clean),
            "-f",
            "pdf",
            "-o",
            str(tmp_path / "one.pdf"),
        ],
        capsys,
    )
    assert code == 2 and "give a folder" in err
    folder.mkdir()
    code, _, err = run_cli(
        ["check", "--no-cache", str(path), str(clean), "-f", "pdf", "-o", str(folder)], capsys
    )
    assert code == 0, err
    counts = {
        p.name: sum(len(page.get("/Annots") or []) for page in PdfReader(p).pages)
        for p in folder.iterdir()
    }
    assert counts == {"brief.annotated.pdf": 4, "clean.annotated.pdf": 0}
