"""The gate's Markdown job summary: appended when it can be, a warning (never a crash) when not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.review.conftest import EDITED, Workspace

BRIEF = "briefs/trade.md"


def approved_branch(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    ws.write(BRIEF, EDITED)
    ws.commit("Edit the brief")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "approve", BRIEF)[0] == 0
    ws.commit("Review")


def unapproved_branch(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.write(BRIEF, EDITED)
    ws.commit("Edit the brief, unreviewed")


@pytest.mark.parametrize(("branch", "verdict"), [(approved_branch, 0), (unapproved_branch, 1)])
def test_unwritable_summary_warns_and_keeps_the_verdict(
    ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    branch: Callable[[Workspace], None],
    verdict: int,
) -> None:
    branch(ws)
    target = "/nonexistent/d/s.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", target)
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code == verdict, out + err
    assert ("review gate passed" if verdict == 0 else "review gate FAILED") in out
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("brieflint: warning: ")
    assert target in lines[0] and "job summary" in lines[0]
    assert "internal error" not in err


def test_summary_path_that_is_a_folder_warns(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    approved_branch(ws)
    folder = tmp_path / "summary-dir"
    folder.mkdir()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder))
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code == 0, out + err
    assert err.count("\n") == 1 and "warning" in err and str(folder) in err
    assert list(folder.iterdir()) == []


def test_summary_is_appended_to_what_earlier_steps_wrote(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    approved_branch(ws)
    summary = tmp_path / "summary.md"
    earlier = "## Build\n\nok \xe9\n".encode("latin-1")  # not UTF-8: kept byte for byte
    summary.write_bytes(earlier)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code == 0, out + err
    assert err == ""
    data = summary.read_bytes()
    assert data.startswith(earlier)
    assert "brieflint review gate passed" in data[len(earlier) :].decode("utf-8")
