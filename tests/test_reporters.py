"""Reporters: the JSON contract, SARIF against the OASIS schema, GitHub commands, text."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from brieflint import __version__, reporters
from brieflint.cli import main
from brieflint.report import Report
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
