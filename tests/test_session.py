"""The lint session every command goes through: jobs, setups, runs and the one threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint import session
from brieflint.errors import BrieflintError
from brieflint.review.workflow import lint_summary

DRAFT = "The the committee will recieve the report.\n"  # a warning and an error


def test_jobs_follow_the_config_and_name_stdin(tmp_path: Path) -> None:
    (tmp_path / "brieflint.yaml").write_text("include: ['*.md']\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    lint = session.Session(session.options(config=None, stdin_filename="in.md"))
    jobs = lint.jobs([str(tmp_path), "-"])
    assert [(Path(j.display).name, j.explicit) for j in jobs] == [("a.md", False), ("in.md", True)]


@pytest.mark.parametrize(
    ("fail_on", "passed"), [("error", False), ("warning", False), ("info", False), ("never", True)]
)
def test_review_and_check_share_the_threshold(tmp_path: Path, fail_on: str, passed: bool) -> None:
    (tmp_path / "brieflint.yaml").write_text(f"fail_on: {fail_on}\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    run = session.Session(session.options(config=None, no_cache=True)).lint([str(draft)])
    assert run.exit_code() == (0 if passed else 1)
    summary = lint_summary(draft, "draft.md")
    assert summary.passed is passed
    assert summary.fail_on == fail_on
    assert (summary.error, summary.warning) == (1, 1)


def test_command_line_threshold_wins_over_the_config(tmp_path: Path) -> None:
    (tmp_path / "brieflint.yaml").write_text("fail_on: never\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    run = session.Session(session.options(config=None, no_cache=True)).lint([str(draft)])
    assert run.exit_code() == 0
    assert run.exit_code("error") == 1


def test_options_are_validated() -> None:
    with pytest.raises(BrieflintError, match="--languagetool"):
        session.options(config=None, languagetool="sometimes")
    with pytest.raises(BrieflintError, match="--jobs"):
        session.options(config=None, jobs=-1)
    assert session.options(config=None, jobs=0).jobs >= 1


def test_languagetool_mode_reaches_the_context_not_the_config(tmp_path: Path) -> None:
    (tmp_path / "brieflint.yaml").write_text("languagetool:\n  mode: optional\n", encoding="utf-8")
    setup = session.Session(session.options(config=None, languagetool="off")).setup_for(
        str(tmp_path)
    )
    assert setup.context.languagetool.mode == "off"
    assert setup.loaded.config.languagetool.mode == "optional"
