"""The suite needs nothing beside the checkout, and CI proves it in a fresh clone."""

from __future__ import annotations

import re

from tests.briefs import REPO, SARIF_SCHEMA


def _readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("Run the whole test suite", 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", section, re.S)
    assert match, "README: no test command after 'Run the whole test suite'"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command_in_a_fresh_clone() -> None:
    command = _readme_test_command()
    assert command.endswith(".venv/bin/pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    clone = ci.index("git clone")
    assert command in ci[clone:], "the fresh clone does not run the README's test command"
    assert "mktemp -d" in ci[:clone]


def test_conftest_reads_nothing_beside_the_checkout() -> None:
    conftest = (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert "shared" not in conftest and ".parent /" not in conftest


def test_the_sarif_schema_is_in_the_repository_with_its_notice() -> None:
    assert SARIF_SCHEMA.is_file() and SARIF_SCHEMA.is_relative_to(REPO)
    notice = (SARIF_SCHEMA.parent / "NOTICE.md").read_text(encoding="utf-8")
    assert "Copyright © OASIS Open" in notice
