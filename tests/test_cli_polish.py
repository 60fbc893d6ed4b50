"""The command line as a first week uses it: comma lists, "did you mean", named values in --help,
and a `rules` listing that says whether grammar runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main

from brieflint.app import create_app, polish_help
from tests.conftest import REPO, run_cli

DRAFTS = str(REPO / "examples" / "drafts")


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, int, int]]:
    code, out, err = run_cli(["check", "--no-cache", "-f", "json", DRAFTS, *args], capsys)
    assert code in (0, 1), err
    return sorted((f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"])


def test_select_and_ignore_take_comma_lists(capsys: pytest.CaptureFixture[str]) -> None:
    commas = _findings(capsys, "--select", "prose,ocr", "--ignore", "ocr.lowercase-sentence-start")
    repeated = _findings(
        capsys, "--select", "prose", "--select", "ocr", "--ignore", "ocr.lowercase-sentence-start"
    )
    assert commas == repeated
    rules = {rule for rule, _, _ in commas}
    assert rules and all(r.startswith(("prose.", "ocr.")) for r in rules)
    assert "ocr.lowercase-sentence-start" not in rules
    everything = {rule for rule, _, _ in _findings(capsys)}
    assert "ocr.lowercase-sentence-start" in everything  # the ignore did something
    both = _findings(capsys, "--ignore", "prose.common-typo,ocr.lowercase-sentence-start")
    assert not {"prose.common-typo", "ocr.lowercase-sentence-start"} & {r for r, _, _ in both}


def test_unknown_rule_ids_suggest_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["rules", "show", "ocr.homoglyh"], capsys)
    assert code == 2 and "did you mean 'ocr.homoglyph'" in err
    code, _, err = run_cli(["check", "--select", "ocr.homoglph", DRAFTS], capsys)
    assert (
        code == 2 and "--select: unknown rule 'ocr.homoglph' (did you mean 'ocr.homoglyph'?)" in err
    )
    code, _, err = run_cli(["check", "--ignore", "prse", DRAFTS], capsys)
    assert code == 2 and "did you mean 'prose'" in err
    code, _, err = run_cli(["rules", "show", "qqqqqq"], capsys)
    assert code == 2 and "did you mean" not in err and "`brieflint rules` lists them" in err


@pytest.mark.parametrize(
    ("config", "line", "expected"),
    [
        (
            "rules: {ocr.homoglph: off}\n",
            1,
            "unknown rule 'ocr.homoglph' (did you mean 'ocr.homoglyph'?)",
        ),
        (
            "fail_on: error\nrulez:\n  prose.exclamation: off\n",
            2,
            "rulez: unknown key (did you mean 'rules'?)",
        ),
        (
            "rules:\n  ocr.homoglyph: {severty: error}\n",
            2,
            "unknown key (did you mean 'severity'?)",
        ),
        ("languagetool:\n  mod: off\n", 2, "languagetool.mod: unknown key (did you mean 'mode'?)"),
    ],
)
def test_unknown_config_keys_suggest_the_nearest(
    folder: Path, capsys: pytest.CaptureFixture[str], config: str, line: int, expected: str
) -> None:
    (folder / "brieflint.yaml").write_text(config, "utf-8")
    (folder / "d.md").write_text("# A brief\n\nClean text.\n", "utf-8")
    code, _, err = run_cli(["check", "d.md"], capsys)
    assert code == 2
    assert f"brieflint.yaml:{line}:" in err and expected in err


def _help_pages() -> list[tuple[str, ...]]:
    root = typer.main.get_command(create_app())
    polish_help(root)
    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(root, ())
    return paths


@pytest.mark.parametrize("path", _help_pages(), ids=lambda p: " ".join(p) or "brieflint")
def test_help_names_values_not_python_types(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli([*path, "--help"], capsys)
    assert code == 0
    assert not re.search(r"<(?:list\[)?(?:str|int|path|Path|float)\]?>", out), out


def test_check_help_shows_path_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["check", "--help"], capsys)
    assert re.search(r"^\s+PATH…\s+Files or folders", out, re.M)
    assert "-f, --format FORMAT" in out and "--select RULE[,RULE…]" in out


def _grammar_row(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code, out, _ = run_cli(["rules", *args], capsys)
    assert code == 0
    (row,) = [line for line in out.splitlines() if line.startswith("grammar.languagetool")]
    return row.split()


def test_rules_lists_grammar_as_off_while_languagetool_is_off(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = _grammar_row(capsys)
    assert row[3] == "off" and "off by default" not in " ".join(row)
    (folder / "brieflint.yaml").write_text("languagetool: {mode: optional}\n", "utf-8")
    assert _grammar_row(capsys)[3] == "on"
    out = run_cli(["rules", "--json"], capsys)[1]
    (grammar,) = [r for r in json.loads(out) if r["id"] == "grammar.languagetool"]
    assert grammar["enabled"] is True
