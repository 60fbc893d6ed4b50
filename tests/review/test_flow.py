"""The whole flow in a real repository: draft, submit, review, edit, gate, publish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.review.conftest import CLEAN, EDITED, FAILING, Workspace

BRIEF = "briefs/trade.md"


def state_of(ws: Workspace, brief: str = BRIEF) -> dict[str, object]:
    code, out, err = ws.run("review", "status", brief, "--format", "json")
    assert code == 0, err
    data = json.loads(out)["briefs"]
    assert len(data) == 1
    result: dict[str, object] = data[0]
    return result


def test_whole_flow_on_a_feature_branch(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.repo.git.switch("-c", "draft/trade")
    ws.as_("author@example.org")
    assert state_of(ws)["state"] == "draft"

    # a draft that fails lint cannot be submitted
    ws.write(BRIEF, FAILING)
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 1  # a failing lint, as in `brieflint check`
    assert "lint fails" in err and f"`brieflint check {BRIEF}`" in err
    assert ws.records() == []

    ws.write(BRIEF, EDITED)
    code, out, err = ws.run("review", "submit", BRIEF)
    assert code == 0, err
    assert "state: in-review" in out
    ws.commit("Trade brief: submit for review")

    # the editor asks for changes
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "request-changes", BRIEF, "-m", "Source the figure")
    assert code == 0, err
    ws.commit("Review: changes requested")
    status = state_of(ws)
    assert status["state"] == "changes-requested"
    assert status["open_change_requests"][0]["reviewer"] == "ed@example.org"  # type: ignore[index]

    # a request blocks the gate
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 1
    assert "changes-requested" in out and "ed@example.org" in out

    # the author edits: the request stays in force across versions
    ws.as_("author@example.org")
    ws.write(BRIEF, CLEAN + "\nSource: national statistics office.\n")
    ws.commit("Trade brief: source the figure")
    assert state_of(ws)["state"] == "changes-requested"

    # the editor approves, which clears the request
    ws.as_("ed@example.org")
    code, out, err = ws.run("review", "approve", BRIEF, "-m", "Good")
    assert code == 0, err
    assert "state: approved" in out
    ws.commit("Review: approved")
    approved_text = (ws.root / BRIEF).read_text(encoding="utf-8")

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, err = ws.run("review", "gate", "--base", "main", "--head", "HEAD")
    assert code == 0, out + err
    assert "review gate passed" in out
    markdown = summary.read_text(encoding="utf-8")
    assert "| briefs/trade.md | approved | pass | editor 1/1 |" in markdown
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")

    # an edit after approval makes it stale: back to in-review, gate fails
    ws.as_("author@example.org")
    ws.write(BRIEF, approved_text + "\nOne more sentence.\n")
    ws.commit("Trade brief: late edit")
    status = state_of(ws)
    assert status["state"] == "in-review"
    assert len(status["stale_approvals"]) == 1  # type: ignore[arg-type]
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 1
    assert "state is in-review" in out and "missing approvals: editor 1" in out

    # publishing needs approval at this exact content
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "publish", BRIEF)
    assert code == 2 and "not approved at this content" in err

    # reverting to the exact approved content makes the approval count again
    ws.as_("author@example.org")
    ws.write(BRIEF, approved_text)
    ws.commit("Trade brief: revert the late edit")
    assert state_of(ws)["state"] == "approved"
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 0, out

    # merged to main, then published
    ws.repo.git.switch("main")
    ws.repo.git.merge("--no-ff", "draft/trade", "-m", "Merge trade brief")
    ws.as_("ed@example.org")
    code, out, err = ws.run("review", "publish", BRIEF)
    assert code == 0, err
    assert "state: published" in out
    ws.commit("Publish trade brief")
    assert state_of(ws)["state"] == "published"

    # the history, newest last, with blob ids
    code, out, _ = ws.run("review", "log", BRIEF)
    assert code == 0
    actions = [line.split()[2] for line in out.splitlines()[1:]]
    assert actions == ["submit", "request-changes", "approve", "publish"]
    blob = ws.repo.git.rev_parse(f"HEAD:{BRIEF}")
    assert blob[:12] in out.splitlines()[-1]

    # the ledger only ever grew: one file per decision, each valid
    assert len(ws.records()) == 4
    for path in ws.records():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["id"][:8] in path.name
        assert data["payload"]["brief"] == BRIEF


def test_forced_submit_records_the_reason(ws: Workspace) -> None:
    ws.as_("author@example.org")
    ws.write(BRIEF, FAILING)
    code, _, err = ws.run("review", "submit", BRIEF, "--force")
    assert code == 2 and "--reason" in err
    code, _, err = ws.run("review", "submit", BRIEF, "--force", "--reason", "TK filled at layout")
    assert code == 0, err
    (record,) = ws.records()
    payload = json.loads(record.read_text(encoding="utf-8"))["payload"]
    lint = payload["lint"]
    assert lint["error"] >= 1
    assert (lint["fail_on"], lint["passed"], lint["forced"]) == ("error", False, True)
    assert "TK filled at layout" in payload["comment"]
    assert payload["blob"] == ws.repo.git.rev_parse(f":{BRIEF}")  # the staged blob
    assert payload["reviewer"] == "author@example.org"


def test_override_role_clears_another_reviewers_request(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "request-changes", BRIEF, "-m", "No")[0] == 0
    ws.as_("eve@example.org")
    assert ws.run("review", "approve", BRIEF)[0] == 0
    assert state_of(ws)["state"] == "changes-requested"  # eve cannot lift ed's request
    code, _, err = ws.run("review", "clear", BRIEF, "--of", "ed@example.org")
    assert code == 2 and "override role" in err
    ws.as_("chief@example.org")
    code, _, err = ws.run("review", "clear", BRIEF, "--of", "ed@example.org", "-m", "Agreed")
    assert code == 0, err
    assert state_of(ws)["state"] == "approved"


def test_sanctions_brief_needs_legal_too(ws: Workspace) -> None:
    brief = "briefs/sanctions/russia.md"
    ws.write(brief, CLEAN)
    ws.commit("Sanctions brief")
    ws.as_("author@example.org")
    assert ws.run("review", "submit", brief)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "approve", brief)[0] == 0
    status = state_of(ws, brief)
    assert status["state"] == "in-review"
    assert status["missing"] == {"legal": 1}
    ws.as_("lee@example.org")
    assert ws.run("review", "approve", brief)[0] == 0
    assert state_of(ws, brief)["state"] == "approved"


def test_withdraw_and_resubmit(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2 and "already in-review" in err
    assert ws.run("review", "withdraw", BRIEF, "-m", "Not yet")[0] == 0
    assert state_of(ws)["state"] == "withdrawn"
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 2 and "submitted" in err
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    assert state_of(ws)["state"] == "in-review"


def test_status_lists_every_reviewed_brief(ws: Workspace) -> None:
    ws.write("briefs/other.md", CLEAN)
    ws.commit("Another brief")
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    assert ws.run("review", "submit", "briefs/other.md")[0] == 0
    code, out, _ = ws.run("review", "status")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["brief", "state"]
    assert [line.split()[0] for line in lines[1:]] == ["briefs/other.md", BRIEF]
    assert all("in-review" in line for line in lines[1:])


@pytest.mark.parametrize(
    "sub",
    [
        "submit",
        "approve",
        "request-changes",
        "clear",
        "withdraw",
        "publish",
        "status",
        "log",
        "gate",
        "verify",
    ],
)
def test_every_help_has_an_example(ws: Workspace, sub: str) -> None:
    code, out, _ = ws.run("review", sub, "--help")
    assert code == 0
    assert "Example" in out
