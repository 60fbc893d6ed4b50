"""``brieflint fix`` and the fixer: safe edits only, idempotent, atomic, bytes kept elsewhere."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from brieflint.cli import main
from brieflint.findings import Applicability, Edit, Finding, Fix, Severity
from brieflint.fixer import apply_edits, choose, fix_text

DRAFT = (
    "The new \u0440olicy was agre\u00aded in Baku.\r\n"
    "\r\n"
    "A mul-\r\n"
    "tidimensional approach , with a \ufb01nal text.\r\n"
    "Nobody can fix this: the talks arethe first step.\r\n"
)
FIXED = (
    "The new policy was agreed in Baku.\r\n"
    "\r\n"
    "A multidimensional approach, with a final text.\r\n"
    "Nobody can fix this: the talks arethe first step.\r\n"
)


def _draft(tmp_path: Path, text: str = DRAFT, name: str = "brief.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_fix_applies_safe_fixes_and_keeps_line_endings(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    assert main(["fix", str(path), "--select", "ocr"]) == 1
    assert path.read_bytes().decode("utf-8") == FIXED


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    main(["fix", str(path), "--select", "ocr"])
    once = path.read_bytes()
    assert main(["fix", str(path), "--select", "ocr"]) == 0
    assert path.read_bytes() == once


def test_permissions_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(codecs.BOM_UTF8 + DRAFT.encode("utf-8"))
    os.chmod(path, 0o640)
    assert main(["fix", str(path), "--select", "ocr"]) == 1
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]  # no temporary file left


def test_utf16_draft_stays_utf16(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "A \ufb01ne day.\n".encode("utf-16-le"))
    assert main(["fix", str(path), "--select", "ocr.compat-form"]) == 1
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "A fine day.\n".encode("utf-16-le")


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _draft(tmp_path)
    assert main(["fix", str(path), "--select", "ocr", "--diff"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert f"@@ {path}:1:9 @@ ocr.homoglyph, ocr.invisible-char\n" in out
    assert "The new [-\u0440olicy-]{+policy+} was [-agre⟨U+00AD⟩ed-]{+agreed+} in Baku.\n" in out
    assert f"@@ {path}:3:3 @@ ocr.compat-form, ocr.hyphenation, ocr.spacing\n" in out
    assert (
        "A [-mul-⏎tidimensional-]{+multidimensional+} approach[- -], with a [-\ufb01nal-]"
        "{+final+} text.\n"
    ) in out
    assert "arethe" not in out  # no fix there, so no line of it
    assert path.read_bytes() == DRAFT.encode("utf-8")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _draft(tmp_path)
    assert main(["fix", str(path), "--select", "ocr", "--dry-run"]) == 1
    assert "would fix" in capsys.readouterr().err
    assert path.read_bytes() == DRAFT.encode("utf-8")


def test_select_limits_the_fixes(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    assert main(["fix", str(path), "--select", "ocr.invisible-char"]) == 1
    text = path.read_bytes().decode("utf-8")
    assert "agreed" in text and "\u0440olicy" in text and "\ufb01nal" in text


def test_ignore_skips_a_rule(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    main(["fix", str(path), "--select", "ocr", "--ignore", "ocr.homoglyph"])
    assert "\u0440olicy" in path.read_bytes().decode("utf-8")


def test_clean_file_exits_0_and_is_untouched(tmp_path: Path) -> None:
    path = _draft(tmp_path, "A clean sentence.\n")
    before = path.stat().st_mtime_ns
    assert main(["fix", str(path)]) == 0
    assert path.stat().st_mtime_ns == before


def test_folder_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft(tmp_path, name="a.md")
    assert main(["fix", str(tmp_path), "--select", "ocr"]) == 1
    assert "policy" in (tmp_path / "a.md").read_text(encoding="utf-8")
    assert main(["fix", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["fix", str(tmp_path), "--select", "no.such-rule"]) == 2


def test_stdin_is_fixed_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("A \ufb01ne day.\n".encode())))
    assert main(["fix", "-", "--select", "ocr"]) == 1
    assert capsys.readouterr().out == "A fine day.\n"


def _finding(
    start: int, end: int, replacement: str, tier: Applicability = Applicability.SAFE
) -> Finding:
    fix = Fix((Edit(start, end, replacement),), "test", tier)
    return Finding("f", 1, 1, 1, 1, "r", Severity.WARNING, "m", fix=fix, start=start, end=end)


def test_overlapping_fixes_wait_for_the_next_round() -> None:
    a, b, c = _finding(0, 5, "X"), _finding(3, 8, "Y"), _finding(8, 9, "Z")
    chosen = [f for f, _ in choose([(f, f.fix) for f in (c, b, a) if f.fix])]
    assert chosen == [a, c]
    edits = [e for f in chosen if f.fix for e in f.fix.edits]
    assert apply_edits("0123456789", edits) == "X567Z9"


def test_insertions_at_the_same_point_conflict() -> None:
    a, b = _finding(4, 4, " "), _finding(4, 4, " ")
    assert len(choose([(f, f.fix) for f in (a, b) if f.fix])) == 1


def test_fix_text_relints_until_stable() -> None:
    # each round removes the first "x"; a bounded number of rounds
    def lint(text: str) -> list[Finding]:
        pos = text.find("x")
        return [] if pos < 0 else [_finding(pos, pos + 1, "")]

    result = fix_text("axbxcx", lint)
    assert result.text == "abc" and len(result.applied) == 3
    assert fix_text("x" * 20, lint, max_rounds=5).text == "x" * 15


def test_fix_text_applies_unsafe_fixes_only_when_asked() -> None:
    def lint(text: str) -> list[Finding]:
        found = [_finding(0, 1, "S")] if text.startswith("s") else []
        if text.endswith("u"):
            found.append(_finding(len(text) - 1, len(text), "U", Applicability.UNSAFE))
        return found

    safe_only = fix_text("s-u", lint)
    withheld = [f.fix.applicability for f in safe_only.withheld if f.fix]
    assert safe_only.text == "S-u" and withheld == [Applicability.UNSAFE]
    assert fix_text("s-u", lint, unsafe=True).text == "S-U"
