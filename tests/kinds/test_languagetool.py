"""languagetool: grammar from a real LanguageTool server (the one BRIEFLINT_LANGUAGETOOL_URL
names; tests/test_languagetool.py starts one itself when it can)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brieflint.languagetool.client import ENV_URL
from tests.conftest import lint_text

RULE = "grammar.languagetool"


def _config(tmp_path: Path, mode: str) -> Path:
    path = tmp_path / "brieflint.yaml"
    url = os.environ.get(ENV_URL, "http://127.0.0.1:9")
    path.write_text(f"languagetool: {{mode: '{mode}', url: '{url}'}}\n", encoding="utf-8")
    return path


@pytest.mark.languagetool
def test_a_grammar_slip_is_reported(tmp_path: Path) -> None:
    if not os.environ.get(ENV_URL):
        pytest.skip(f"needs a LanguageTool server at {ENV_URL}")
    text = "The ministers has agreed on the plan.\n"
    found = lint_text(text, select=[RULE], config_path=_config(tmp_path, "required"))
    assert [f.rule.startswith("lt.") for f in found] == [True]
    assert "has" in found[0].context
    correct = "The ministers have agreed on the plan.\n"
    assert lint_text(correct, select=[RULE], config_path=_config(tmp_path, "required")) == []


def test_off_sends_nothing_and_reports_nothing(tmp_path: Path) -> None:
    text = "The ministers has agreed on the plan.\n"
    assert lint_text(text, select=[RULE], config_path=_config(tmp_path, "off")) == []
