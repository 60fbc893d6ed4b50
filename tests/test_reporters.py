"""Reporters: the JSON contract, SARIF against the OASIS schema, GitHub commands, text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brieflint import __version__, reporters
from brieflint.cli import main
from brieflint.report import Report
from brieflint.reporters import jsonstream
from tests.briefs import SARIF_SCHEMA
from tests.conftest import lint_text

TEXT = "Intro.\nThe the goverment, 50% done: TODO.\n"


def make_report() -> Report:
    findings = lint_text(TEXT, path="briefs/a b.txt", select=["prose"])
    from brieflint import config as config_mod
    from brieflint import ruleset

    setup = ruleset.build(config_mod.default())
    return Report(
        findings=findings,
        files=1,
        rules={rid: r.spec for rid, r in setup.base.items()},
        backends={"spelling": "offline"},
    )


def test_sarif_paths_are_percent_encoded_uri_references() -> None:
    from urllib.parse import unquote

    name = "briefs/a b#1 é.txt"
    findings = lint_text(TEXT, path=name, select=["prose.doubled-word"])
    log = json.loads(reporters.render("sarif", Report(findings=findings, files=1)))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    uri = location["artifactLocation"]["uri"]
    assert uri == "briefs/a%20b%231%20%C3%A9.txt"
    assert unquote(uri) == name


def test_registry_lists_the_documented_formats() -> None:
    assert {"text", "json", "sarif", "github"} <= set(reporters.REPORTERS)


def test_json_contract() -> None:
    payload = json.loads(reporters.render("json", make_report()))
    assert payload["version"] == 1
    assert payload["tool"]["name"] == "brieflint" and payload["tool"]["version"] == __version__
    assert payload["summary"] == {"files": 1, "error": 2, "warning": 1, "info": 0}
    first = payload["findings"][0]
    assert set(first) >= {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "suggestions",
    }
    assert (first["line"], first["column"], first["end_column"]) == (2, 1, 8)
    assert first["rule"] == "prose.doubled-word" and first["severity"] == "warning"


def test_sarif_validates_against_the_schema() -> None:
    log = json.loads(reporters.render("sarif", make_report()))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "prose.common-typo" in rule_ids
    result = next(r for r in run["results"] if r["ruleId"] == "prose.common-typo")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "prose.common-typo"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 9, 18)
    assert result["level"] == "error"
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "government"
    }


def test_github_annotations_escape_properties() -> None:
    out = reporters.render("github", make_report())
    lines = out.splitlines()
    head = "::warning file=briefs/a b.txt,line=2,col=1,endLine=2,endColumn=8,"
    assert lines[0].startswith(head + "title=prose.doubled-word::")
    assert any(line.startswith("::error ") and "TODO" in line for line in lines)


def test_github_escaping_of_special_characters() -> None:
    from dataclasses import replace

    report = make_report()
    report.findings = [replace(report.findings[0], path="a,b:c.txt", message="50% done\nnext")]
    (line,) = reporters.render("github", report).splitlines()
    assert "file=a%2Cb%3Ac.txt," in line
    assert line.endswith("::50%25 done%0Anext (→ The)")


def test_text_has_no_colour_unless_asked() -> None:
    plain = reporters.render("text", make_report(), color=False)
    assert "\x1b[" not in plain
    assert "briefs/a b.txt:2:1  warning  prose.doubled-word" in plain
    assert plain.rstrip().endswith("spelling: offline")
    coloured = reporters.render("text", make_report(), color=True)
    assert "\x1b[33m" in coloured


def test_cli_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(TEXT, encoding="utf-8")
    for name in ("json", "sarif", "github", "text"):
        target = tmp_path / f"out.{name}"
        assert main(["check", "-f", name, "-o", str(target), str(draft)]) == 1
        assert target.read_text("utf-8").strip()
    capsys.readouterr()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=3),
    st.lists(JSON_VALUES, max_size=4),
    st.integers(0, 2),
)
def test_streamed_json_is_json_dumps(
    document: dict[str, Any], items: list[Any], depth: int
) -> None:
    """``jsonstream.chunks`` writes, a list item at a time, what ``json.dumps`` writes whole."""
    place: Any = jsonstream.placeholder()
    whole: Any = items
    for _ in range(depth):
        place, whole = (
            {"runs": [{**document, "results": place}]},
            {"runs": [{**document, "results": whole}]},
        )
    if depth:
        place, whole = {**document, "log": place}, {**document, "log": whole}
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert "".join(jsonstream.chunks(place, iter(items))) == expected


@pytest.mark.parametrize("name", ["json", "sarif", "text"])
def test_streamed_reports_are_the_rendered_ones(name: str) -> None:
    report = make_report()
    assert "".join(reporters.chunks(name, report)) == reporters.render(name, report)
    empty = Report(findings=[], files=1)
    assert "".join(reporters.chunks(name, empty)) == reporters.render(name, empty)


def test_report_written_in_pieces(tmp_path: Path) -> None:
    report = make_report()
    out = tmp_path / "reports" / "lint.json"
    reporters.write_report(out, reporters.chunks("json", report))
    assert out.read_text("utf-8") == reporters.render("json", report)


def test_text_summary_counts_only_what_fix_would_fix() -> None:
    """A PDF's fixes show where to correct its source, but ``fix`` does not edit a PDF."""
    text_findings = lint_text(TEXT, path="a.txt", select=["prose.doubled-word"])
    assert text_findings and all(f.fix is not None for f in text_findings)
    pdf_findings = [dataclasses.replace(f, path="b.pdf") for f in text_findings]
    fixable = len(text_findings)
    both = reporters.render("text", Report(findings=text_findings + pdf_findings, files=2))
    tier = text_findings[0].fix.applicability  # type: ignore[union-attr]
    if tier.value == "safe":
        assert f"; {fixable} fixable with `brieflint fix`" in both
    else:
        assert f"; 0 fixable with `brieflint fix`, {fixable} more with --unsafe-fixes" in both
    only_pdf = reporters.render("text", Report(findings=pdf_findings, files=1))
    assert "fixable" not in only_pdf and "--unsafe-fixes" not in only_pdf
    assert "fix]" in only_pdf  # each finding still says what its fix would be
