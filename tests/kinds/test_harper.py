"""grammar.harper: Harper (harper-py, the optional harper extra), an offline grammar backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brieflint import data, rulespec
from tests.conftest import lint_text, run_cli

pytest.importorskip("harper")

SPEC = rulespec.load_rule_dir(data.rules_dir())["grammar.harper"][0]


def config(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "brieflint.yaml"
    path.write_text(f"harper: {{mode: required{extra}}}\ncache_dir: cache\n", encoding="utf-8")
    return path


def test_rule_examples(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    bad = lint_text(SPEC.examples.bad, select=["grammar.harper"], config_path=cfg)
    good = lint_text(SPEC.examples.good, select=["grammar.harper"], config_path=cfg)
    assert {f.rule for f in bad} == {"harper.NominalWants", "harper.AnA"}
    assert {f.rule: f.suggestions[0] for f in bad} == {
        "harper.NominalWants": "wants",
        "harper.AnA": "an",
    }
    assert good == []
    pinned = [(e.line, e.column, e.end_line, e.end_column) for e in SPEC.examples.findings or []]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in bad] == pinned


def test_off_unless_configured() -> None:
    assert lint_text(SPEC.examples.bad, select=["grammar.harper"]) == []


def test_curated_rules_stay_off(tmp_path: Path) -> None:
    # spelling, capitals, repeated words and the Oxford comma are brieflint's or a style choice
    text = "the report was was read by ministers, officials and experts; it was recieved well.\n"
    assert lint_text(text, select=["grammar.harper"], config_path=config(tmp_path)) == []


def test_config_turns_a_rule_off(tmp_path: Path) -> None:
    cfg = config(tmp_path, ", disabled_rules: [AnA]")
    found = lint_text(SPEC.examples.bad, select=["grammar.harper"], config_path=cfg)
    assert {f.rule for f in found} == {"harper.NominalWants"}


def test_cli_names_the_backend_and_caches_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text(SPEC.examples.bad + "\nOfficials are expected attend the meeting.\n")
    code, out, _ = run_cli(["check", "--grammar", "harper", "-f", "json", str(draft)], capsys)
    report = json.loads(out)
    assert code == 0  # warnings and infos only
    assert report["tool"]["backends"]["grammar"].startswith("Harper (harper-py ")
    rules = {f["rule"] for f in report["findings"]}
    assert {"harper.AnA", "harper.NominalWants", "harper.MissingTo"} <= rules
    # one defect, one finding: the word-pair guess yields to Harper's finding on the same words
    assert "grammar.missing-word" not in rules
    assert list((tmp_path / ".brieflint-cache" / "harper").rglob("*.json"))
    code, out, _ = run_cli(["check", "--grammar", "off", str(draft)], capsys)
    # without Harper, the offline word-sequence rule names the slip
    assert "grammar: off" in out and "harper." not in out and "grammar.missing-word" in out
    code, out, _ = run_cli(["check", "--grammar", "harper", "--no-cache", str(draft)], capsys)
    assert "harper.AnA" in out and "grammar: Harper" in out


def test_suppression_may_name_harper_rules(tmp_path: Path) -> None:
    text = "<!-- brieflint-disable-next-line harper.AnA -->\nIt is a important step.\n"
    found = lint_text(text, path="d.md", config_path=config(tmp_path))
    assert [f.rule for f in found if f.rule.startswith(("harper.", "meta."))] == []


def test_harper_yields_to_a_brieflint_finding_on_the_same_words(tmp_path: Path) -> None:
    # one defect, one finding: Harper's finding on characters a brieflint rule already names goes
    text = "They spoke of of the plan. It is a important step.\n"
    cfg = config(tmp_path, ", enabled_rules: [RepeatedWords]")
    with cfg.open("a", encoding="utf-8") as handle:  # Harper's repetition category back on
        handle.write("rules:\n  grammar.harper: {options: {disabled_categories: []}}\n")
    found = lint_text(text, config_path=cfg)
    rules = [f.rule for f in found]
    assert "prose.doubled-word" in rules and "harper.AnA" in rules
    assert "harper.RepeatedWords" not in rules


def _site_without_harper(tmp_path: Path) -> Path:
    """A copy of this environment's import path without harper-py: every entry of the
    site-packages folder linked, except Harper's package and its metadata."""
    import sysconfig

    folder = tmp_path / "site"
    folder.mkdir()
    for where in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        for entry in Path(where).iterdir():
            name = entry.name.lower()
            if name == "harper" or name.startswith("harper_py"):
                continue
            target = folder / entry.name
            if not target.exists():
                target.symlink_to(entry)
    return folder


def test_missing_harper_warns_or_fails_and_other_rules_still_report(tmp_path: Path) -> None:
    import subprocess
    import sys

    site_dir = _site_without_harper(tmp_path)
    src = Path(__file__).resolve().parents[2] / "src"
    draft = tmp_path / "draft.txt"
    draft.write_text("Officials are expected attend the meeting.\n", encoding="utf-8")
    from brieflint.text.lexicon import cache_home

    env = {
        "PYTHONPATH": f"{src}:{site_dir}",
        "PYTHONNOUSERSITE": "1",
        "HOME": str(tmp_path),
        "BRIEFLINT_CACHE_HOME": str(cache_home()),  # the word tables this run already built
    }

    def run(mode: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / "brieflint.yaml").write_text(f"harper: {{mode: {mode}}}\n", encoding="utf-8")
        command = [sys.executable, "-S", "-m", "brieflint", "check", "--no-cache", str(draft)]
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)

    optional = run("optional")
    assert optional.returncode == 0, optional.stderr
    assert "grammar not checked: harper-py is not installed" in optional.stdout
    assert "pip install harper-py" in optional.stdout
    assert "grammar.missing-word" in optional.stdout  # the offline rules still report
    assert "grammar: Harper not installed (optional)" in optional.stdout
    required = run("required")
    assert required.returncode == 2
    [line] = required.stderr.strip().splitlines()
    assert line.startswith("brieflint: error:") and "Harper: harper-py is not installed" in line
