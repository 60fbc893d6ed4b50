"""Bad input ends with one clear line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from tests.review.conftest import CLEAN, EDITED, Workspace

BRIEF = "briefs/trade.md"


def test_shallow_clone_is_refused_by_the_gate(ws: Workspace, tmp_path: Path) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.write(BRIEF, EDITED)
    ws.commit("Edit")
    clone = tmp_path / "shallow"
    git.Repo.clone_from(f"file://{ws.root}", clone, depth=1, branch="feature")
    code, _, err = ws.run("review", "gate", "--base", "HEAD", cwd=clone)
    assert code == 2
    assert "shallow clone" in err and "fetch-depth: 0" in err


def test_missing_base_is_refused(ws: Workspace) -> None:
    code, _, err = ws.run("review", "gate", "--base", "origin/main")
    assert code == 2
    assert "base 'origin/main' not found" in err


def test_broken_policy_at_base_names_file_and_line(ws: Workspace) -> None:
    ws.write(".brieflint/policy.yaml", "roles:\n  editor: [ed@example.org]\nrequirments: []\n")
    ws.commit("Typo in the policy")
    ws.repo.git.switch("-c", "feature")
    ws.write(BRIEF, EDITED)
    ws.commit("Edit")
    code, _, err = ws.run("review", "gate", "--base", "main")
    assert code == 2
    assert ".brieflint/policy.yaml (at base" in err
    assert ":3: requirments: unknown key" in err


def test_policy_naming_an_unknown_role(ws: Workspace) -> None:
    policy = (
        "briefs: ['briefs/**']\nroles:\n  editor: [ed@example.org]\nrequirements:\n"
        "  - paths: ['briefs/**']\n    approvals: {editer: 1}\n"
    )
    ws.write(".brieflint/policy.yaml", policy)
    ws.as_("author@example.org")
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2
    assert err.strip() == (
        "brieflint: error: .brieflint/policy.yaml:6: requirements[0].approvals.editer: "
        "role 'editer' is not defined under roles"
    )


def test_missing_policy_at_base(ws: Workspace) -> None:
    ws.repo.git.rm("-q", ".brieflint/policy.yaml")
    ws.commit("No policy")
    code, _, err = ws.run("review", "gate", "--base", "HEAD")
    assert code == 2 and "no review policy at the base commit" in err


def test_detached_head_refuses_to_record_but_gates(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    ws.write(BRIEF, EDITED)
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.commit("Edit and submit")
    ws.repo.git.checkout("--detach", "HEAD")
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 2 and "HEAD is detached" in err
    code, out, _ = ws.run("review", "gate", "--base", "main")  # CI checkouts are detached
    assert code == 1 and "state is in-review" in out


def test_no_user_email_is_refused(ws: Workspace) -> None:
    with ws.repo.config_writer() as cfg:
        cfg.remove_option("user", "email")
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2
    assert "user.email is not set" in err
    assert ws.records() == []


def test_brief_outside_the_repository(ws: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "trade.md"
    outside.parent.mkdir()
    outside.write_text(CLEAN, encoding="utf-8")
    code, _, err = ws.run("review", "submit", str(outside))
    assert code == 2 and "not inside a git repository" in err
    (ws.root / "briefs" / "link.md").symlink_to(outside)  # inside, but its content is not
    code, _, err = ws.run("review", "submit", "briefs/link.md")
    assert code == 2 and "outside the git repository" in err


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("README.md", "not a brief: matches none of the briefs globs"),
        ("briefs", "is a directory, not a brief"),
        (".brieflint/policy.yaml", "not a brief"),
        ("briefs/missing.md", "no such file"),
    ],
)
def test_path_that_is_not_a_brief(ws: Workspace, path: str, message: str) -> None:
    ws.as_("author@example.org")
    code, _, err = ws.run("review", "submit", path)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_untracked_and_unstaged_briefs(ws: Workspace) -> None:
    ws.as_("author@example.org")
    ws.write("briefs/new.md", CLEAN, stage=False)
    code, _, err = ws.run("review", "submit", "briefs/new.md")
    assert code == 2 and "not tracked by git" in err
    ws.write(BRIEF, EDITED, stage=False)
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 2 and "not staged" in err


def test_request_changes_needs_a_message_and_a_role(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "request-changes", BRIEF, "-m", " ")
    assert code == 2 and "say what must change" in err
    ws.as_("nobody@example.org")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 2 and "holds no role" in err


def test_gate_with_no_changed_brief_passes(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.write("README.md", "# Briefs, updated\n")
    ws.commit("Docs only")
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 0
    assert "no brief changed" in out


def test_verify_accepts_added_records_and_rejects_junk(ws: Workspace) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.repo.git.add("--all")
    code, out, _ = ws.run("review", "verify")
    assert code == 0 and "1 record(s) added" in out
    ws.commit("Submit")
    junk = ".brieflint/reviews/briefs__trade.md/junk.json"
    ws.write(junk, "{not json")
    code, _, err = ws.run("review", "verify")
    assert code == 1 and f"record {junk}: not valid JSON" in err
