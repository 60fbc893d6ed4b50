"""Five ways past the gate that it must refuse, each with and without signatures.

Real repositories, the real CLI, real SSH keys: ``Team`` is a repository where everyone has a key
in ``allowed_signers`` and, when ``signed``, the policy requires signatures and every recording
command and every hand-made record is signed with the actor's own key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.review import records as rec
from brieflint.review import signing
from tests.review.conftest import CLEAN, EDITED, POLICY, Workspace, init_repo, ssh_key

BRIEF = "briefs/trade.md"
PEOPLE = (
    "ed@example.org",
    "eve@example.org",
    "author@example.org",
    "lee@example.org",
    "chief@example.org",
    "ana@example.org",
)


class Team:
    def __init__(self, ws: Workspace, keys: dict[str, Path] | None) -> None:
        self.ws = ws
        self.keys = keys

    @property
    def signed(self) -> bool:
        return self.keys is not None

    def as_(self, who: str) -> Workspace:
        self.ws.as_(who)
        if self.keys is not None:
            with self.ws.repo.config_writer() as cfg:
                cfg.set_value("user", "signingkey", str(self.keys[who]))
        return self.ws

    def cli(self, who: str, action: str, *args: str, brief: str = BRIEF) -> None:
        code, _, err = self.as_(who).run("review", action, brief, *args)
        assert code == 0, (who, action, err)

    def forge(
        self,
        action: rec.Action,
        who: str,
        role: str | None,
        *,
        brief: str = BRIEF,
        blob: str | None = None,
        clears: tuple[str, ...] = (),
    ) -> str:
        """A record written by hand (signed with ``who``'s own key when signatures are on)."""
        payload = rec.Payload(
            brief=brief,
            blob=blob or self.ws.repo.git.rev_parse(f":{brief}"),
            action=action,
            state="approved",
            reviewer=who,
            role=role,
            timestamp=rec.now_timestamp(),
            comment="forged",
            clears=list(clears),
        )
        key = self.keys[who] if self.keys is not None else None
        record = rec.make(payload, signing.sign(payload.canonical(), key) if key else None)
        rec.write(self.ws.root, record)
        return rec.rel_path(record)

    def gate(self) -> tuple[int, str]:
        code, out, err = self.ws.run("review", "gate", "--base", "main")
        assert code in (0, 1), err
        assert out.splitlines()[-1].startswith("review gate ")
        return code, out


@pytest.fixture(params=["unsigned", "signed"])
def team(
    request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Team:
    return make_team(request.param == "signed", tmp_path, capsys)


def make_team(signed: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Team:
    policy = POLICY + ("signatures:\n  required: true\n" if signed else "")
    ws = init_repo(tmp_path / "repo", capsys, policy)
    keys: dict[str, Path] | None = None
    if signed:
        keys, lines = {}, []
        for who in PEOPLE:
            keys[who], line = ssh_key(tmp_path / "keys", who)
            lines.append(line)
        ws.write(".brieflint/allowed_signers", "".join(lines))
        ws.commit("Allowed signers")
    return Team(ws, keys)


def feature_edit(team: Team, text: str = EDITED, *, submit: bool = True) -> None:
    """A branch where the author edits the brief and submits it."""
    team.ws.repo.git.switch("-c", "feature")
    team.as_("author@example.org").write(BRIEF, text)
    team.ws.commit("Edit the brief")
    if submit:
        team.cli("author@example.org", "submit")
        team.ws.commit("Submit")


# -- 1. a publish record does not stand in for approval ----------------------------------------


@pytest.mark.parametrize(
    ("who", "role"),
    [("author@example.org", "editor"), ("lee@example.org", "legal"), ("ed@example.org", "editor")],
)
def test_a_publish_record_without_approval_fails(team: Team, who: str, role: str) -> None:
    feature_edit(team)
    path = team.forge("publish", who, role)
    team.ws.commit("Publish it")
    code, out = team.gate()
    assert code == 1, out
    refused = f"record {path}: refused by the review rules (cannot publish: the brief is in-review"
    assert refused in out


def test_publishing_an_approved_brief_needs_a_role_allowed_to_publish(team: Team) -> None:
    feature_edit(team)
    team.cli("ed@example.org", "approve")
    team.ws.commit("Approve")
    path = team.forge("publish", "lee@example.org", "legal")
    team.ws.commit("Legal publishes")
    code, out = team.gate()
    assert code == 1, out
    assert f"record {path}: refused by the review rules (cannot publish: only a holder of" in out
    # the command refuses the same move with the same rule
    team.ws.repo.git.rm("-q", "--", path)
    team.ws.commit("Drop it")
    code, _, err = team.as_("lee@example.org").run("review", "publish", BRIEF)
    assert code == 2 and "cannot publish: only a holder of chief, editor may publish it" in err


def test_a_publish_by_an_editor_after_an_approval_passes(team: Team) -> None:
    feature_edit(team)
    team.cli("ed@example.org", "approve")
    team.cli("eve@example.org", "publish")
    team.ws.commit("Approve and publish")
    code, out = team.gate()
    assert code == 0, out
    assert "  briefs/trade.md  published" in out


def test_publish_after_the_authors_own_approval_is_refused(team: Team) -> None:
    feature_edit(team)
    code, _, err = team.as_("author@example.org").run("review", "approve", BRIEF)
    assert code == 0
    assert "the gate will not count your approval" in err
    code, _, err = team.as_("eve@example.org").run("review", "publish", BRIEF)
    assert code == 2 and "cannot publish: the brief is in-review" in err
    path = team.forge("publish", "eve@example.org", "editor")
    team.ws.commit("Publish on the author's approval")
    code, out = team.gate()
    assert code == 1
    assert f"record {path}: refused by the review rules (cannot publish" in out


FORGERS = [
    ("author@example.org", "editor"),  # the brief's author, holding a role
    ("lee@example.org", "legal"),  # an unrelated role
    ("chief@example.org", "chief"),  # the override role
    ("mallory@example.org", None),  # nobody
]
ACTIONS = ["publish", "clear", "approve", "withdraw", "request-changes"]
# every combination without signatures; with them (slower), the moves that could let it in
FORGERIES = [(False, a, who, role) for a in ACTIONS for who, role in FORGERS] + [
    (True, a, who, role) for a in ("publish", "clear", "approve") for who, role in FORGERS
]


@pytest.mark.parametrize(("signed", "action", "who", "role"), FORGERIES)
def test_forged_moves_around_an_open_change_request_fail(
    signed: bool,
    action: rec.Action,
    who: str,
    role: str | None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ed asks for changes; whatever anyone forges, the brief does not pass unchanged."""
    team = make_team(signed, tmp_path, capsys)
    feature_edit(team)
    team.cli("ed@example.org", "request-changes", "-m", "Source the figure")
    team.ws.commit("Changes requested")
    if team.keys is not None and who not in team.keys:
        team.keys[who] = ssh_key(team.ws.root.parent / "keys", who)[0]
    clears = ("ed@example.org",) if action == "clear" else ()
    team.forge(action, who, role, clears=clears)
    team.ws.commit(f"Forged {action}")
    code, out = team.gate()
    assert code == 1, out


# -- 2. records added and deleted inside the pull request -------------------------------------


def test_a_change_request_deleted_later_in_the_pull_request_fails(team: Team) -> None:
    feature_edit(team)
    team.cli("ed@example.org", "request-changes", "-m", "Source the figure")
    team.ws.commit("Ed: changes")
    (request,) = [p for p in team.ws.records() if "ed_example.org" in p.name]
    team.cli("eve@example.org", "approve")
    team.ws.commit("Eve: approve")
    rel = request.relative_to(team.ws.root).as_posix()
    team.as_("author@example.org").repo.git.rm("-q", "--", rel)
    team.ws.commit("Tidy")
    code, out = team.gate()
    assert code == 1, out
    assert f"record {rel} was deleted: records may only be added" in out


def test_a_retracted_approval_revived_by_deleting_the_retraction_fails(team: Team) -> None:
    feature_edit(team)
    team.cli("ed@example.org", "approve")
    team.ws.commit("Ed approves")
    team.cli("ed@example.org", "request-changes", "-m", "On second thoughts, no")
    team.ws.commit("Ed retracts")
    (retraction,) = [p for p in team.ws.records() if "ed_example.org" in p.name][-1:]
    rel = retraction.relative_to(team.ws.root).as_posix()
    team.as_("author@example.org").repo.git.rm("-q", "--", rel)
    team.ws.commit("Tidy")
    code, out = team.gate()
    assert code == 1, out
    assert f"record {rel} was deleted" in out


def test_a_record_dropped_in_a_merge_commit_fails(team: Team) -> None:
    feature_edit(team)
    team.cli("ed@example.org", "request-changes", "-m", "Source the figure")
    team.ws.commit("Ed: changes")
    (request,) = [p for p in team.ws.records() if "ed_example.org" in p.name]
    rel = request.relative_to(team.ws.root).as_posix()
    repo = team.ws.repo
    repo.git.switch("-c", "side", "HEAD~1")
    team.as_("author@example.org").write("README.md", "# Briefs, tidied\n")
    team.ws.commit("Side work")
    repo.git.switch("feature")
    repo.git.merge("--no-ff", "--no-commit", "side")
    repo.git.rm("-q", "--", rel)
    repo.git.commit("-m", "Merge side")
    team.cli("eve@example.org", "approve")
    team.ws.commit("Eve: approve")
    code, out = team.gate()
    assert code == 1, out
    assert f"record {rel} was deleted" in out


# -- 3. authors from commit metadata ---------------------------------------------------------


def test_a_forged_commit_author_does_not_hide_the_committer(team: Team) -> None:
    team.cli("author@example.org", "submit")
    team.ws.commit("Submitted on main")
    team.ws.repo.git.switch("-c", "feature")
    team.as_("ed@example.org").write(BRIEF, EDITED)
    team.ws.repo.git.commit("-m", "Edit", "--author", "Ana <ana@example.org>")
    team.cli("ed@example.org", "approve")
    team.ws.commit("Approve")
    code, out = team.gate()
    assert code == 1, out
    assert "approval by ed@example.org not counted (authored changes to the brief)" in out
    assert "ana@example.org (commit)" in out and "ed@example.org (commit)" in out
    assert "changed by: commit author and committer e-mails (not verified" in out


def test_the_submitter_of_a_pull_request_is_an_author(team: Team) -> None:
    feature_edit(team, submit=False)
    team.cli("ed@example.org", "submit")  # Ed submits what the commits say Ana... wrote
    team.cli("ed@example.org", "approve")
    team.ws.commit("Submit and approve")
    code, out = team.gate()
    assert code == 1, out
    how = "signed submit" if team.signed else "submit"
    assert f"ed@example.org ({how})" in out
    assert "approval by ed@example.org not counted (authored changes to the brief)" in out


# -- 4. renames git does not follow ----------------------------------------------------------


def open_request_on_main(team: Team) -> None:
    team.cli("author@example.org", "submit")
    team.cli("ed@example.org", "request-changes", "-m", "Source the figure")
    team.ws.commit("Review on main")
    team.ws.repo.git.switch("-c", "feature")
    team.as_("author@example.org")


def approve_new(team: Team, brief: str) -> None:
    team.cli("author@example.org", "submit", brief=brief)
    team.cli("eve@example.org", "approve", brief=brief)
    team.ws.commit("Review the new brief")


def test_a_copy_then_a_deletion_does_not_shed_a_change_request(team: Team) -> None:
    open_request_on_main(team)
    team.ws.write("briefs/trade2.md", (team.ws.root / BRIEF).read_text("utf-8"))
    team.ws.commit("Add trade2")
    team.ws.repo.git.rm("-q", BRIEF)
    team.ws.commit("Remove trade")
    approve_new(team, "briefs/trade2.md")
    code, out = team.gate()
    assert code == 1, out
    assert f"{BRIEF} is deleted with open change requests from ed@example.org" in out


def test_a_rename_with_a_rewrite_does_not_shed_a_change_request(team: Team) -> None:
    open_request_on_main(team)
    team.ws.repo.git.mv(BRIEF, "briefs/commerce.md")
    team.ws.write("briefs/commerce.md", "# Commerce\n\nExports fell in 2024, it says here.\n")
    team.ws.commit("Rename and rewrite")
    approve_new(team, "briefs/commerce.md")
    code, out = team.gate()
    assert code == 1, out
    assert f"{BRIEF} is deleted with open change requests from ed@example.org" in out
    # cleared first, the deletion is fine
    team.ws.repo.git.switch("main")
    team.cli("ed@example.org", "clear", "-m", "Moot")
    team.ws.commit("Clear")
    team.ws.repo.git.switch("feature")
    team.as_("author@example.org").repo.git.merge("main", "-m", "Merge main")
    code, out = team.gate()
    assert code == 0, out


def test_a_rename_to_a_name_with_a_tab_keeps_the_change_request(team: Team) -> None:
    open_request_on_main(team)
    new = "briefs/trade\t2024.md"
    team.ws.repo.git.mv(BRIEF, new)
    team.ws.commit("Rename")
    team.cli("eve@example.org", "approve", brief=new)
    team.ws.commit("Approve")
    code, out = team.gate()
    assert code == 1, out
    assert "  briefs/trade\\t2024.md  changes-requested" in out
    assert "open change requests from ed@example.org" in out
    assert "\t" not in out


# -- 5. the content that will land -----------------------------------------------------------

THREE = "# Trade brief\n\nTrade grew by 12 per cent.\n\nPrices held.\n\nWages rose in 2023.\n"


def test_an_approved_head_that_merges_into_unapproved_content_fails(team: Team) -> None:
    team.ws.write(BRIEF, THREE)
    team.ws.commit("Three paragraphs")
    team.ws.repo.git.switch("-c", "feature")
    team.as_("author@example.org").write(BRIEF, THREE.replace("12 per cent", "13 per cent"))
    team.ws.commit("First paragraph")
    approve_new(team, BRIEF)
    team.ws.repo.git.switch("main")
    team.ws.repo.git.switch("-c", "other")
    team.as_("ana@example.org").write(BRIEF, THREE.replace("Wages rose", "Wages fell"))
    team.ws.commit("Last paragraph")
    approve_new(team, BRIEF)
    team.ws.repo.git.switch("main")
    team.ws.repo.git.merge("--no-ff", "other", "-m", "Merge other")
    team.ws.repo.git.switch("feature")
    code, out = team.gate()
    assert code == 1, out
    assert "the content that will land is not the head's" in out
    # the author merges base in and Eve approves the result: passes
    team.as_("author@example.org").repo.git.merge("main", "-m", "Merge main")
    team.cli("eve@example.org", "approve")
    team.ws.commit("Approve the merged text")
    code, out = team.gate()
    assert code == 0, out


def test_a_head_that_conflicts_with_base_fails(team: Team) -> None:
    team.ws.repo.git.switch("-c", "feature")
    team.as_("author@example.org").write(BRIEF, EDITED)
    team.ws.commit("Edit")
    approve_new(team, BRIEF)
    team.ws.repo.git.switch("main")
    team.as_("ana@example.org").write(BRIEF, CLEAN.replace("12", "15"))
    team.ws.commit("Edit on main")
    team.ws.repo.git.switch("feature")
    code, out = team.gate()
    assert code == 1, out
    assert f"head does not merge cleanly into base (conflicts in {BRIEF})" in out


def test_an_earlier_approver_who_edits_a_published_brief_can_resubmit_it(team: Team) -> None:
    """Records on base were judged when they were merged, with their own authors: Ed approved
    version 1, and that publish stays valid when Ed writes version 2."""
    team.cli("author@example.org", "submit")
    team.cli("ed@example.org", "approve")
    team.cli("eve@example.org", "publish")
    team.ws.commit("Version 1, published")
    team.ws.repo.git.switch("-c", "feature")
    team.as_("ed@example.org").write(BRIEF, EDITED)
    team.ws.commit("Ed writes version 2")
    team.cli("ed@example.org", "submit")
    team.cli("eve@example.org", "approve")
    team.ws.commit("Submit and approve")
    code, out = team.gate()
    assert code == 0, out
    how = "signed submit" if team.signed else "submit"
    assert f"ed@example.org (commit, {how})" in out
