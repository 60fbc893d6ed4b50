"""Two reviewers recording at once never lose a decision; a rename keeps a brief's history."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import git
import pytest

from tests.review.conftest import POLICY, Workspace, init_repo

BRIEF = "briefs/trade.md"
TWO_EDITORS = POLICY.replace("approvals: {editor: 1}", "approvals: {editor: 2}")


def _status(ws: Workspace, brief: str = BRIEF) -> dict[str, object]:
    code, out, err = ws.run("review", "status", brief, "--format", "json")
    assert code == 0, err
    result: dict[str, object] = json.loads(out)["briefs"][0]
    return result


def test_two_processes_in_one_work_tree_both_record(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    procs = []
    for email in ("ed@example.org", "eve@example.org"):
        env = dict(os.environ)
        env.update(
            {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.email", "GIT_CONFIG_VALUE_0": email}
        )
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "brieflint", "review", "approve", BRIEF],
                cwd=ws.root,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
    for proc in procs:
        _, err = proc.communicate()
        assert proc.returncode == 0, err.decode()
    names = [p.name for p in ws.records()]
    assert sum("ed_example.org" in n for n in names) == 1
    assert sum("eve_example.org" in n for n in names) == 1
    assert _status(ws)["approvals"] == {"editor": 2}


def test_two_clones_merge_without_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    origin = init_repo(tmp_path / "origin", capsys, TWO_EDITORS)
    origin.as_("author@example.org")
    assert origin.run("review", "submit", BRIEF)[0] == 0
    origin.commit("Submit")
    bare = tmp_path / "shared.git"
    git.Repo.clone_from(f"file://{origin.root}", bare, bare=True)

    clones = []
    for name, email in (("ed", "ed@example.org"), ("eve", "eve@example.org")):
        git.Repo.clone_from(f"file://{bare}", tmp_path / name)
        clone = Workspace(tmp_path / name, capsys).as_(email)
        code, _, err = clone.run("review", "approve", BRIEF)
        assert code == 0, err
        clone.commit(f"Approve ({name})")
        clones.append(clone)

    clones[0].repo.git.push("origin", "main")
    second = clones[1]
    second.repo.git.pull("--no-rebase", "--no-edit", "origin", "main")  # no conflict
    second.repo.git.push("origin", "main")
    assert len(second.records()) == 3
    assert _status(second)["state"] == "approved"
    assert _status(second)["approvals"] == {"editor": 2}


def test_rename_keeps_the_history(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "approve", BRIEF)[0] == 0
    ws.commit("Reviewed")

    ws.repo.git.switch("-c", "rename")
    ws.as_("author@example.org")
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    # staged, not yet committed
    assert _status(ws, "briefs/trade-2024.md")["state"] == "approved"
    ws.commit("Rename the trade brief")
    status = _status(ws, "briefs/trade-2024.md")
    assert status["state"] == "approved"
    assert status["records"] == 2
    code, out, _ = ws.run("review", "log", "briefs/trade-2024.md")
    assert code == 0 and "[as briefs/trade.md]" in out

    # the gate follows the rename too: same content, approval still counts
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code == 0, out + err
    assert "briefs/trade-2024.md" in out

    # new decisions go under the new name
    ws.as_("ed@example.org")
    assert ws.run("review", "publish", "briefs/trade-2024.md")[0] == 0
    newest = max(ws.records(), key=lambda p: p.name)
    assert newest.parent.name == "briefs__trade-2024.md"
