"""Baselines: ``baseline create``, then ``check --baseline FILE`` reports only new findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brieflint import baseline
from brieflint.cli import main
from brieflint.errors import BrieflintError
from tests.conftest import lint_text

DRAFT = (
    "# Trade\n"
    "\n"
    "Trade grew by TK per cent in the first quarter,\n"
    "and by TK per cent in the second.\n"
    "\n"
    "See TK.\n"
    "\n"
    "See TK.\n"
)


def create(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["baseline", "create", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", *args, "-f", "json", "--select", "prose.placeholder"])
    out, _ = capsys.readouterr()
    findings: list[dict[str, object]] = json.loads(out)["findings"] if out else []
    return code, findings


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "trade.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "briefs" / "other.txt").write_text("Costs: XXX.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


BASE = ".brieflint-baseline.json"


def test_create_records_every_finding_sorted_and_versioned(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = create(capsys, "briefs", "--select", "prose.placeholder")
    assert "wrote 5 finding(s) from 2 file(s) to .brieflint-baseline.json" in out
    data = json.loads((archive / BASE).read_text(encoding="utf-8"))
    assert data["version"] == baseline.BASELINE_VERSION and data["tool"] == "brieflint"
    entries = data["findings"]
    assert len(entries) == 5
    keys = [(e["path"], e["rule"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert {e["path"] for e in entries} == {"briefs/trade.md", "briefs/other.txt"}
    assert {e["match"] for e in entries} == {"TK", "XXX"}
    assert all("line" not in e for e in entries)  # nothing that moves with the text
    first = (archive / BASE).read_bytes()
    create(capsys, "briefs", "--select", "prose.placeholder")
    assert (archive / BASE).read_bytes() == first  # deterministic: a stable diff in git


def test_check_with_baseline_reports_nothing_then_only_new_findings(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create(capsys, "briefs", "--select", "prose.placeholder")
    code, findings = check(capsys, "briefs", "--baseline", BASE)
    assert (code, findings) == (0, [])
    draft = archive / "briefs" / "trade.md"
    # lines added above (every line shifts), a paragraph re-wrapped, a new placeholder added
    shifted = (
        "# Trade\n\nA new opening paragraph,\nwritten later.\n\n"
        "Trade grew by TK per cent in the first quarter, and by TK per cent\n"
        "in the second.\n\nSee TK.\n\nSee TK.\n\nNew text, still TK.\n"
    )
    draft.write_text(shifted, encoding="utf-8")
    code, findings = check(capsys, "briefs", "--baseline", BASE)
    assert code == 1
    assert [(f["path"], f["line"], f["column"]) for f in findings] == [("briefs/trade.md", 13, 17)]
    # without the baseline all five are there
    _, everything = check(capsys, "briefs/trade.md")
    assert len(everything) == 5


def test_another_identical_occurrence_is_new(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create(capsys, "briefs", "--select", "prose.placeholder")
    draft = archive / "briefs" / "trade.md"
    # the same words in a paragraph of their own: told apart by their order only
    draft.write_text(DRAFT + "\nSee TK.\n", "utf-8")
    code, findings = check(capsys, "briefs", "--baseline", BASE)
    assert code == 1 and len(findings) == 1
    assert findings[0]["line"] == 10


def test_fixed_findings_stay_fixed_and_a_moved_draft_is_new(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create(capsys, "briefs", "--select", "prose.placeholder")
    (archive / "briefs" / "trade.md").write_text(DRAFT.replace("TK", "12"), "utf-8")
    assert check(capsys, "briefs", "--baseline", BASE) == (0, [])
    (archive / "briefs" / "other.txt").rename(archive / "briefs" / "renamed.txt")
    code, findings = check(capsys, "briefs", "--baseline", BASE)
    assert code == 1 and [f["path"] for f in findings] == ["briefs/renamed.txt"]


def test_paths_match_from_another_working_directory(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    create(capsys, "briefs", "--select", "prose.placeholder")
    monkeypatch.chdir(archive / "briefs")
    assert check(capsys, ".", "--baseline", f"../{BASE}") == (0, [])
    assert check(capsys, str(archive / "briefs" / "trade.md"), "--baseline", f"../{BASE}") == (
        0,
        [],
    )


def test_baseline_output_option_and_summary_on_stderr(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create(capsys, "briefs/trade.md", "-o", "ci/base.json", "--select", "prose.placeholder")
    assert (archive / "ci" / "base.json").is_file()
    code = main(
        ["check", "briefs/trade.md", "--baseline", "ci/base.json", "--select", "prose.placeholder"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("0 error(s)")
    assert "4 finding(s) recorded in ci/base.json not shown" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "baseline file not found"),
        ('{"version": 1,\n "findings": [}', ":2:"),
        ('{"version": 7, "findings": []}', "version: unsupported baseline version"),
        ('{"version": 1, "findings": [{"path": "a.md"}]}', "findings.0.rule"),
    ],
)
def test_bad_baseline_is_one_line_exit_2(
    archive: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    if content is not None:
        (archive / BASE).write_text(content, encoding="utf-8")
    code = main(["check", "briefs", "--baseline", BASE])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"brieflint: error: {BASE}") and expected in err
    assert err.count("\n") == 1


def test_create_refuses_to_write_when_a_draft_cannot_be_read(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive / "briefs" / "bad.md").write_bytes(b"\xff\xfe\x00oops")
    code = main(["baseline", "create", "briefs"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "briefs/bad.md" in err and ".brieflint-baseline.json not written" in err
    assert not (archive / BASE).exists()


# --- fingerprints ----------------------------------------------------------------------------


def test_fingerprints_ignore_line_shifts_and_rewrapping_but_not_the_words_around() -> None:
    text = "Growth was TK per cent this year.\n"
    original = lint_text(text, select=["prose.placeholder"])
    prints = baseline.fingerprints(original, {"draft.txt": text})
    for changed in (
        "Intro.\n\nMore intro.\n\n" + text,
        "Growth was\nTK per cent   this year.\n",
    ):
        found = lint_text(changed, select=["prose.placeholder"])
        assert baseline.fingerprints(found, {"draft.txt": changed}) == prints, changed
    reworded = "Growth was nearly TK per cent this year.\n"
    found = lint_text(reworded, select=["prose.placeholder"])
    assert baseline.fingerprints(found, {"draft.txt": reworded}) != prints


def test_fingerprints_are_unique_within_a_file() -> None:
    text = "TK TK TK\n\nTK TK TK\n"
    found = lint_text(text, select=["prose.placeholder"])
    assert len(found) == 6
    assert len(set(baseline.fingerprints(found, {"draft.txt": text}))) == 6
    assert len(set(baseline.fingerprints(found, {}))) == 6  # without the text too


def test_load_errors_carry_path_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "b.json"
    broken.write_text('{\n  "version": 1,\n  "findings": [,]\n}\n', encoding="utf-8")
    with pytest.raises(BrieflintError) as info:
        baseline.load(broken)
    assert info.value.path == str(broken) and info.value.line == 3
