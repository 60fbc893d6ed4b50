"""``brieflint fix --diff``: the changed words, each change with the rules that made it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brieflint import fixdiff
from brieflint.findings import Applicability, Edit, Finding, Fix, Severity
from brieflint.fixer import fix_text
from tests.conftest import run_cli


def _finding(rule: str, start: int, end: int, replacement: str) -> Finding:
    fix = Fix((Edit(start, end, replacement),), "test", Applicability.SAFE)
    return Finding("f", 1, 1, 1, 1, rule, Severity.WARNING, "m", fix=fix, start=start, end=end)


def test_a_long_paragraph_shows_only_the_changed_word_with_some_context() -> None:
    words = " ".join(f"word{i}" for i in range(200))  # one line of about 1,500 characters
    text = f"{words} teh {words}\n"

    def lint(current: str) -> list[Finding]:
        at = current.find(" teh ")
        return [] if at < 0 else [_finding("prose.common-typo", at + 1, at + 4, "the")]

    result = fix_text(text, lint)
    out = fixdiff.render("a.txt", text, result, color=False)
    lines = out.splitlines()
    assert lines[:2] == ["--- a/a.txt", "+++ b/a.txt"]
    assert lines[2] == f"@@ a.txt:1:{text.find(' teh ') + 2} @@ prose.common-typo"
    assert "[-teh-]{+the+}" in lines[3] and len(lines[3]) < 100
    assert lines[3].startswith("…") and lines[3].endswith("…")
    assert len(lines) == 4


def test_rules_are_named_for_changes_made_in_later_rounds() -> None:
    # round 1 removes a soft hyphen; only then does round 2 see "teh" and fix it
    text = "Say te\u00adh now, and a while later x.\n"

    def lint(current: str) -> list[Finding]:
        found = []
        if "\u00ad" in current:
            at = current.find("\u00ad")
            found.append(_finding("ocr.invisible-char", at, at + 1, ""))
        elif "teh" in current:
            at = current.find("teh")
            found.append(_finding("prose.common-typo", at, at + 3, "the"))
        if current.endswith("x.\n"):
            found.append(_finding("other.rule", len(current) - 3, len(current) - 2, "y"))
        return found

    result = fix_text(text, lint)
    assert result.text == "Say the now, and a while later y.\n" and len(result.history) == 2
    hunks = fixdiff.hunks(text, result)
    assert [h.rules for h in hunks] == [
        ("ocr.invisible-char", "prose.common-typo"),
        ("other.rule",),
    ]
    out = fixdiff.render("a.txt", text, result, color=False)
    assert "Say [-te⟨U+00AD⟩h-]{+the+} now" in out and "[-x-]{+y+}." in out


def test_colour_marks_words_without_brackets() -> None:
    text = "A \ufb01ne day.\n"

    def lint(current: str) -> list[Finding]:
        at = current.find("\ufb01")
        return [] if at < 0 else [_finding("ocr.compat-form", at, at + 1, "fi")]

    out = fixdiff.render("a.txt", text, fix_text(text, lint), color=True)
    assert "\x1b[31m\ufb01ne\x1b[0m\x1b[32mfine\x1b[0m" in out and "[-" not in out


def test_every_report_names_the_tier_of_each_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("A \ufb01ne day for the the talks.\n", encoding="utf-8")
    base = ["check", "--no-cache", "--fail-on", "never", str(draft)]
    _, out, _ = run_cli([*base, "-f", "json"], capsys)
    tiers = {f["rule"]: f["fix"]["applicability"] for f in json.loads(out)["findings"]}
    assert tiers == {"ocr.compat-form": "safe", "prose.doubled-word": "unsafe"}
    _, out, _ = run_cli([*base, "-f", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    sarif = {r["ruleId"]: r["fixes"][0]["properties"]["applicability"] for r in results}
    assert sarif == tiers
    _, out, _ = run_cli(base, capsys)
    assert "ocr.compat-form" in out and "[safe fix]" in out and "[unsafe fix]" in out
    assert "1 fixable with `brieflint fix`, 1 more with --unsafe-fixes" in out
    _, out, _ = run_cli([*base, "-f", "html"], capsys)
    assert 'class="fix fix-safe"' in out and 'class="fix fix-unsafe"' in out
