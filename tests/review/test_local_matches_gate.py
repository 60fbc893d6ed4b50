"""What the recording commands and `status` say locally matches what the gate will say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.review.conftest import EDITED, POLICY, Workspace, init_repo, ssh_key
from tests.review.test_attacks import BRIEF, craft, edit_on_branch


def status(ws: Workspace, *paths: str) -> list[dict[str, object]]:
    code, out, err = ws.run("review", "status", *paths, "--format", "json")
    assert code == 0, err
    briefs: list[dict[str, object]] = json.loads(out)["briefs"]
    return briefs


def test_an_authors_approval_warns_and_status_shows_the_gates_view(ws: Workspace) -> None:
    edit_on_branch(ws)  # author@ edits and submits; author@ is an editor too
    code, out, err = ws.run("review", "approve", BRIEF)
    assert code == 0
    assert "warning: briefs/trade.md: you changed this brief on this branch" in err
    assert "state: in-review" in out
    (state,) = status(ws, BRIEF)
    assert state["state"] == "in-review"
    assert state["approvals_not_counted"] == [
        {
            "reviewer": "author@example.org",
            "role": "editor",
            "reason": "authored changes to the brief",
        }
    ]
    code, out, _ = ws.run("review", "status", BRIEF)
    assert "author@example.org not counted (authored changes to the brief)" in out
    ws.commit("Approve my own change")
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 1 and "approval by author@example.org not counted" in out
    # an editor who did not change it: no warning, approved here and at the gate
    code, _, err = ws.as_("eve@example.org").run("review", "approve", BRIEF)
    assert code == 0 and "warning" not in err
    assert status(ws, BRIEF)[0]["state"] == "approved"


def test_status_of_a_folder_lists_briefs_without_records(ws: Workspace) -> None:
    ws.write("briefs/new.md", "# New\n\nA new brief.\n")
    ws.write("briefs/untracked.md", "# Untracked\n\nNot added yet.\n", stage=False)
    ws.write("notes/other.md", "# Not a brief\n")
    ws.commit("More files")
    ws.write("briefs/untracked.md", "# Untracked\n\nNot added yet.\n", stage=False)
    listed = {b["brief"]: b["state"] for b in status(ws, "briefs/")}
    assert listed == {
        "briefs/new.md": "draft",
        "briefs/trade.md": "draft",
        "briefs/untracked.md": "draft",
    }


def test_submit_refused_for_lint_is_exit_1_naming_the_command(ws: Workspace) -> None:
    ws.as_("author@example.org").write(BRIEF, "# Trade brief\n\nTrade grew by TK per cent.\n")
    code, out, err = ws.run("review", "submit", BRIEF)
    assert code == 1 and out == ""
    assert err.startswith(f"brieflint: {BRIEF}: cannot submit: lint fails (")
    assert f"see them with `brieflint check {BRIEF}`" in err
    assert ws.run("check", BRIEF)[0] == 1  # the command it names shows the findings


@pytest.fixture
def signed_ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Workspace, Path, Path]:
    ed_key, ed_line = ssh_key(tmp_path / "keys", "ed@example.org")
    author_key, _ = ssh_key(tmp_path / "keys", "author@example.org")  # not in allowed_signers
    ws = init_repo(tmp_path / "repo", capsys, POLICY + "signatures:\n  required: true\n")
    ws.write(".brieflint/allowed_signers", ed_line)
    ws.commit("Allowed signers: Ed only")
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org").write(BRIEF, EDITED)
    ws.commit("Edit")
    return ws, ed_key, author_key


def test_a_signature_the_gate_would_refuse_is_refused_at_once(
    signed_ws: tuple[Workspace, Path, Path],
) -> None:
    ws, _, author_key = signed_ws
    code, _, err = ws.run("review", "submit", BRIEF, "--sign-key", str(author_key))
    assert code == 2
    assert "does not verify for author@example.org with .brieflint/allowed_signers" in err
    assert "the gate would refuse this record" in err
    assert ws.records() == []


def test_log_says_signed_not_verifiable(signed_ws: tuple[Workspace, Path, Path]) -> None:
    ws, ed_key, author_key = signed_ws
    craft(ws, "submit", "author@example.org", "editor", key=author_key)
    code, _, err = ws.as_("ed@example.org").run(
        "review", "request-changes", BRIEF, "-m", "Sources", "--sign-key", str(ed_key)
    )
    assert code == 0, err
    code, out, _ = ws.run("review", "log", BRIEF)
    rows = out.splitlines()[1:]
    assert "signed, not verifiable" in rows[0] and "author@example.org" in rows[0]
    assert " yes " in rows[1] and "ed@example.org" in rows[1]


@pytest.mark.parametrize("value", ["3AA5C34371567BD2", "ana@example.org"])
def test_a_gpg_signing_key_is_named_as_such(
    signed_ws: tuple[Workspace, Path, Path], value: str
) -> None:
    ws, _, _ = signed_ws
    with ws.repo.config_writer() as cfg:
        cfg.set_value("user", "signingkey", value)
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2
    assert f"user.signingkey is '{value}', which looks like a GPG key" in err
    assert "--sign-key: signing key not found" not in err


def test_a_missing_ssh_key_file_names_the_setting(signed_ws: tuple[Workspace, Path, Path]) -> None:
    ws, _, _ = signed_ws
    with ws.repo.config_writer() as cfg:
        cfg.set_value("user", "signingkey", "~/.ssh/nonexistent.pub")
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2
    assert "user.signingkey" in err and "does not exist" in err
