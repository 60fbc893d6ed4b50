"""A pull request must not be able to approve itself: each attack fails the gate, naming why."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.review import records as rec
from brieflint.review import signing
from tests.review.conftest import EDITED, POLICY, Workspace, init_repo, ssh_key

BRIEF = "briefs/trade.md"


def craft(
    ws: Workspace,
    action: rec.Action,
    reviewer: str,
    role: str | None,
    *,
    key: Path | None = None,
    sign_as: bytes | None = None,
) -> str:
    """Write a record by hand, as an attacker could; returns its repository-relative path."""
    payload = rec.Payload(
        brief=BRIEF,
        blob=ws.repo.git.rev_parse(f":{BRIEF}"),
        action=action,
        state="approved" if action == "approve" else "in-review",
        reviewer=reviewer,
        role=role,
        timestamp=rec.now_timestamp(),
    )
    signature = signing.sign(sign_as or payload.canonical(), key) if key else None
    record = rec.make(payload, signature)
    rec.write(ws.root, record)
    return rec.rel_path(record)


def edit_on_branch(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    ws.write(BRIEF, EDITED)
    ws.commit("Edit the brief")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.commit("Submit")


def gate(ws: Workspace) -> tuple[int, str]:
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code in (0, 1), err
    return code, out


def test_pull_request_adding_itself_to_the_policy_fails(ws: Workspace) -> None:
    edit_on_branch(ws)
    ws.write(
        ".brieflint/policy.yaml",
        POLICY.replace("editor: [", "editor: [mallory@example.org, "),
    )
    ws.as_("mallory@example.org")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 0, err  # the work tree's policy lets it record locally...
    (path,) = [p for p in ws.records() if "mallory" in p.name]
    ws.commit("Make myself an editor and approve")
    code, out = gate(ws)
    assert code == 1  # ...but the gate reads the policy from the base commit
    rel = path.relative_to(ws.root).as_posix()
    assert (
        f"record {rel}: mallory@example.org does not hold role 'editor' in the base policy" in out
    )
    assert "policy.yaml changes here" in out


def test_forged_reviewer_email_fails(ws: Workspace) -> None:
    edit_on_branch(ws)
    path = craft(ws, "approve", "boss@example.org", "editor")
    ws.commit("Approved by the boss, honest")
    code, out = gate(ws)
    assert code == 1
    assert f"record {path}: boss@example.org does not hold role 'editor'" in out


def change_request_on_main(ws: Workspace) -> tuple[Path, str]:
    """The brief submitted and an editor's change request committed on main: (file, repo path)."""
    ws.as_("author@example.org")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "request-changes", BRIEF, "-m", "Needs sources")[0] == 0
    ws.commit("Review on main")
    request = next(p for p in ws.records() if "ed_example.org" in p.name)
    rel = request.relative_to(ws.root).as_posix()
    return request, rel


def test_editing_an_earlier_record_fails(ws: Workspace) -> None:
    request, rel = change_request_on_main(ws)

    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    ws.write(BRIEF, EDITED)
    request.write_text(
        request.read_text(encoding="utf-8").replace("request-changes", "approve"), "utf-8"
    )
    ws.commit("Quietly turn the request into an approval")
    code, out = gate(ws)
    assert code == 1
    assert f"record {rel} was changed: records may only be added" in out
    # the verify hook catches it before the commit, too
    ws.repo.git.reset("--soft", "HEAD~1")
    code, _, err = ws.run("review", "verify")
    assert code == 1 and f"record {rel} was changed" in err


def test_deleting_an_earlier_record_fails(ws: Workspace) -> None:
    request, rel = change_request_on_main(ws)
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    request.unlink()
    ws.commit("Drop the change request")
    code, out = gate(ws)
    assert code == 1
    assert f"record {rel} was deleted" in out


def test_a_hand_edited_record_is_invalid(ws: Workspace) -> None:
    edit_on_branch(ws)
    ws.as_("ed@example.org")
    assert ws.run("review", "approve", BRIEF)[0] == 0
    (path,) = [p for p in ws.records() if "ed_example.org" in p.name]
    path.write_text(path.read_text(encoding="utf-8").replace('"comment": ""', '"comment": "x"'))
    ws.repo.git.add("--all")
    rel = path.relative_to(ws.root).as_posix()
    code, _, err = ws.run("review", "verify")
    assert code == 1 and f"record {rel}: id does not match" in err
    ws.commit("Approve")
    code, out = gate(ws)
    assert code == 1 and f"record {rel}: id does not match" in out


def test_authors_of_the_change_do_not_count_as_approvers(ws: Workspace) -> None:
    edit_on_branch(ws)  # author@ is an editor too
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 0, err
    ws.commit("Approve my own change")
    code, out = gate(ws)
    assert code == 1
    assert "approval by author@example.org not counted (authored changes to the brief)" in out
    ws.as_("eve@example.org")
    assert ws.run("review", "approve", BRIEF)[0] == 0
    ws.commit("Independent approval")
    assert gate(ws)[0] == 0


@pytest.fixture
def signed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Workspace, Path, Path]:
    ed_key, ed_line = ssh_key(tmp_path / "keys", "ed@example.org")
    mallory_key, _ = ssh_key(tmp_path / "keys", "mallory@example.org")
    author_key, author_line = ssh_key(tmp_path / "keys", "author@example.org")
    policy = POLICY + "signatures:\n  required: true\n"
    ws = init_repo(tmp_path / "repo", capsys, policy)
    ws.write(".brieflint/allowed_signers", ed_line + author_line)
    ws.commit("Allowed signers")
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    with ws.repo.config_writer() as cfg:
        cfg.set_value("user", "signingkey", str(author_key))
    ws.write(BRIEF, EDITED)
    ws.commit("Edit")
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 0, err
    ws.commit("Submit, signed")
    return ws, ed_key, mallory_key


def test_signed_approval_passes(signed: tuple[Workspace, Path, Path]) -> None:
    ws, ed_key, _ = signed
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "approve", BRIEF, "--sign-key", str(ed_key))
    assert code == 0, err
    assert ws.run("review", "verify")[0] == 0
    ws.commit("Approve, signed")
    code, out = gate(ws)
    assert code == 0, out
    code, out, _ = ws.run("review", "log", BRIEF)
    assert out.splitlines()[-1].split()[-1] == "yes"  # the signed column


def test_signature_by_another_key_fails(signed: tuple[Workspace, Path, Path]) -> None:
    ws, _, mallory_key = signed
    path = craft(ws, "approve", "ed@example.org", "editor", key=mallory_key)
    ws.commit("Approval signed with someone else's key")
    code, out = gate(ws)
    assert code == 1
    assert f"record {path}: bad signature" in out


def test_signature_over_other_content_fails(signed: tuple[Workspace, Path, Path]) -> None:
    ws, ed_key, _ = signed
    path = craft(ws, "approve", "ed@example.org", "editor", key=ed_key, sign_as=b"{}")
    ws.commit("Approval with a replayed signature")
    code, out = gate(ws)
    assert code == 1
    assert f"record {path}: bad signature" in out


def test_unsigned_record_fails_when_signatures_are_required(
    signed: tuple[Workspace, Path, Path],
) -> None:
    ws, _, _ = signed
    path = craft(ws, "approve", "ed@example.org", "editor")
    ws.commit("Unsigned approval")
    code, out = gate(ws)
    assert code == 1
    assert f"record {path}: not signed, and the base policy requires signatures" in out


def test_recording_without_a_key_is_refused_when_signatures_are_required(
    signed: tuple[Workspace, Path, Path],
) -> None:
    ws, _, _ = signed
    ws.as_("ed@example.org")
    with ws.repo.config_writer() as cfg:
        cfg.remove_option("user", "signingkey")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 2
    assert "requires signed records" in err
