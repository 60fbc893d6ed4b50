"""The gate as a property of random histories: valid CLI actions by everyone, mixed with hostile
edits (deleting, renaming, copying and re-signing records, forging moves, renaming the brief so
that git does not follow it). The gate may pass only when the documented policy holds at the
content that will land; an honest history that meets the policy passes.

The oracle below is written from docs/review.md, not from the gate's code: it keeps only what the
policy says counts (approvals by editors who did not change the brief, at the content that
lands, not retracted or voided; open change requests; withdrawal; tampering).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from brieflint.review import records as rec
from brieflint.review import signing
from tests.review.conftest import CLEAN, EDITED, POLICY, Workspace, init_repo, ssh_key

TEXTS = (CLEAN, EDITED, CLEAN.replace("12", "16"))
PEOPLE = ("author@example.org", "ed@example.org", "eve@example.org", "lee@example.org")
EDITORS = {"ed@example.org", "eve@example.org", "author@example.org"}
KEYED = (*PEOPLE, "chief@example.org")
_TEMPLATES: dict[bool, tuple[Path, dict[str, Path]]] = {}


def _template(
    signed: bool, factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, dict[str, Path]]:
    if signed not in _TEMPLATES:
        root = factory.mktemp("policy-template")
        keys: dict[str, Path] = {}
        lines = []
        for who in (*KEYED, "mallory@example.org"):
            keys[who], line = ssh_key(root / "keys", who)
            if who != "mallory@example.org":
                lines.append(line)
        policy = POLICY + ("signatures:\n  required: true\n" if signed else "")
        ws = init_repo(root / "repo", capsys, policy)
        ws.write(".brieflint/allowed_signers", "".join(lines))
        ws.commit("Allowed signers")
        ws.repo.git.switch("-c", "feature")
        _TEMPLATES[signed] = (root, keys)
    return _TEMPLATES[signed]


@dataclass
class Lineage:
    """One brief as the policy sees it: a path and the successful decisions on it."""

    path: str
    events: list[tuple[str, str, str]] = field(default_factory=list)  # (action, who, blob)
    # who committed a change to it or submitted it: the policy's authors
    changers: set[str] = field(default_factory=set)


@dataclass
class History:
    ws: Workspace
    keys: dict[str, Path]
    signed: bool
    brief: Lineage = field(default_factory=lambda: Lineage("briefs/trade.md"))
    must_fail: list[str] = field(default_factory=list)
    renames: int = 0

    def blob(self) -> str:
        return str(self.ws.repo.git.rev_parse(f":{self.brief.path}"))

    def as_(self, who: str) -> Workspace:
        self.ws.as_(who)
        with self.ws.repo.config_writer() as cfg:
            cfg.set_value("user", "signingkey", str(self.keys[who]))
        return self.ws

    def commit(self, message: str) -> None:
        self.ws.commit(message)

    def ledger(self) -> list[str]:
        out = self.ws.repo.git.ls_files("--", rec.LEDGER_DIR)
        return sorted(out.splitlines())

    # -- honest moves: the CLI decides whether they are allowed ------------------------------

    def cli(self, who: str, action: str) -> None:
        args = {"request-changes": ["-m", "Source it"], "clear": ["--of", "ed@example.org"]}
        extra = args.get(action, [])
        if action == "clear" and who == "ed@example.org":
            extra = []
        blob = self.blob()
        code, _, err = self.as_(who).run("review", action, self.brief.path, *extra)
        assert code in (0, 2), err
        if code == 0:
            self.brief.events.append((action if action != "clear" else f"clear:{who}", who, blob))
            if action == "submit":
                self.brief.changers.add(who)
            self.commit(f"{who}: {action}")

    def edit(self, who: str, text: int) -> None:
        path = self.ws.root / self.brief.path
        if path.read_text("utf-8") == TEXTS[text]:
            return
        self.as_(who).write(self.brief.path, TEXTS[text])
        self.brief.changers.add(who)
        self.commit(f"{who}: edit")

    def git_mv(self) -> None:
        self.renames += 1
        new = f"briefs/trade-{self.renames}.md"
        self.as_("author@example.org").repo.git.mv(self.brief.path, new)
        self.brief.path = new
        self.brief.changers.add("author@example.org")
        self.commit("Rename the brief")

    # -- hostile edits ------------------------------------------------------------------------

    def copy_then_delete(self) -> None:
        """A rename git does not follow: the copy starts a new brief; the old one's open change
        requests must not vanish with it."""
        self.renames += 1
        new = f"briefs/copy-{self.renames}.md"
        old = self.brief.path
        self.as_("author@example.org").write(new, (self.ws.root / old).read_text("utf-8"))
        self.commit("Copy the brief")
        self.ws.repo.git.rm("-q", old)
        self.commit("Remove the original")
        if open_requests(self.brief):
            self.must_fail.append(f"{old} deleted with open change requests")
        # a new brief for git and the policy: its authors are who committed it
        self.brief = Lineage(new, changers={"author@example.org"})

    def delete_record(self, index: int, *, rename: bool = False) -> None:
        records = self.ledger()
        if not records:
            return
        rel = records[index % len(records)]
        if rename:
            self.ws.repo.git.mv(rel, rel.replace(".json", "-x.json"))
        else:
            self.ws.repo.git.rm("-q", rel)
        self.commit("Tidy the ledger")
        self.must_fail.append(f"record {rel} {'renamed' if rename else 'deleted'}")

    def copy_record(self, index: int) -> None:
        records = self.ledger()
        if not records:
            return
        rel = records[index % len(records)]
        target = self.ws.root / rel.replace(".json", "-copy.json")
        target.write_bytes((self.ws.root / rel).read_bytes())
        self.commit("Copy a record")
        self.must_fail.append("a copied record is misnamed")

    def resign(self, index: int) -> None:
        """Change a committed record's content and re-sign it with mallory's key."""
        records = self.ledger()
        if not records:
            return
        rel = records[index % len(records)]
        old = rec.parse(rel, (self.ws.root / rel).read_bytes())
        payload = old.payload.model_copy(update={"comment": old.payload.comment + "!"})
        signature = signing.sign(payload.canonical(), self.keys["mallory@example.org"])
        (self.ws.root / rel).write_text(rec.make(payload, signature).file_text(), "utf-8")
        self.commit("Re-sign a record")
        self.must_fail.append(f"record {rel} changed")

    def forge(self, kind: int) -> None:
        """A record no command would write: each is a violation of the documented policy."""
        who, action, role, clears = [
            ("mallory@example.org", "approve", "editor", []),  # holds no role
            ("lee@example.org", "clear", "legal", ["ed@example.org"]),  # no override role
            ("lee@example.org", "publish", "legal", []),  # may not publish a trade brief
            ("ed@example.org", "approve", "legal", []),  # does not hold legal
        ][kind % 4]
        payload = rec.Payload(
            brief=self.brief.path,
            blob=self.blob(),
            action=action,  # type: ignore[arg-type]
            state="approved",
            reviewer=who,
            role=role,
            timestamp=rec.now_timestamp(),
            clears=clears,
        )
        key = self.keys[who] if self.signed else None
        record = rec.make(payload, signing.sign(payload.canonical(), key) if key else None)
        rec.write(self.ws.root, record)
        self.commit("Forged")
        self.must_fail.append(f"forged {action} by {who}")


def open_requests(brief: Lineage) -> set[str]:
    """Reviewers whose change request is in force: requested, not since approved or cleared by
    them, nor cleared by an override role (no override role acts here)."""
    requests: set[str] = set()
    for action, who, _ in brief.events:
        if action == "request-changes":
            requests.add(who)
        elif action == "approve" or action == f"clear:{who}":
            requests.discard(who)
    return requests


def policy_met(history: History, landed: str) -> bool:
    """docs/review.md: submitted and not withdrawn since, no change request in force, and an
    editor who did not change the brief approved exactly the landed content (not since voided by
    their own change request or a withdrawal)."""
    brief = history.brief
    submitted = False
    approvals: dict[str, str] = {}
    for action, who, blob in brief.events:
        if action == "submit":
            submitted = True
        elif action == "withdraw":
            submitted = False
            approvals.clear()
        elif action == "approve":
            approvals[who] = blob
        elif action == "request-changes":
            approvals.pop(who, None)
    counted = {
        who
        for who, blob in approvals.items()
        if blob == landed and who in EDITORS and who not in brief.changers
    }
    return submitted and not open_requests(brief) and bool(counted)


MOVES = st.one_of(
    st.tuples(
        st.just("cli"),
        st.sampled_from(PEOPLE),
        st.sampled_from(["submit", "approve", "request-changes", "clear", "withdraw", "publish"]),
    ),
    st.tuples(st.just("edit"), st.sampled_from(PEOPLE[:2]), st.integers(0, 2)),
    st.tuples(st.just("git-mv"), st.just(""), st.just(0)),
)
HOSTILE = st.tuples(
    st.sampled_from(["copy-delete", "delete", "rename-record", "copy-record", "resign", "forge"]),
    st.just(""),
    st.integers(0, 7),
)
# a plausible review first, so that the hostile edits have something to undo
HONEST_START = [
    ("cli", "author@example.org", "submit"),
    ("cli", "ed@example.org", "request-changes"),
    ("edit", "author@example.org", 1),
    ("cli", "eve@example.org", "approve"),
]


@settings(
    max_examples=int(os.environ.get("BRIEFLINT_PROPERTY_EXAMPLES", "14")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    signed=st.booleans(),
    start=st.booleans(),
    moves=st.lists(st.one_of(MOVES, MOVES, HOSTILE), min_size=1, max_size=7),
)
def test_the_gate_passes_only_when_the_policy_is_met(
    signed: bool,
    start: bool,
    moves: list[tuple[str, str, object]],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    template, keys = _template(signed, tmp_path_factory, capsys)
    target = tmp_path_factory.mktemp("policy") / "repo"
    shutil.copytree(template / "repo", target, symlinks=True)
    history = History(Workspace(target, capsys), keys, signed)
    for kind, who, arg in [*(HONEST_START if start else []), *moves]:
        if kind == "cli":
            history.cli(who, str(arg))
        elif kind == "edit":
            history.edit(who, int(str(arg)))
        elif kind == "git-mv":
            history.git_mv()
        elif kind == "copy-delete":
            history.copy_then_delete()
        elif kind in ("delete", "rename-record"):
            history.delete_record(int(str(arg)), rename=kind == "rename-record")
        elif kind == "copy-record":
            history.copy_record(int(str(arg)))
        elif kind == "resign":
            history.resign(int(str(arg)))
        elif kind == "forge":
            history.forge(int(str(arg)))
    code, out, err = history.ws.run("review", "gate", "--base", "main")
    assert code in (0, 1), err
    landed = str(history.ws.repo.git.rev_parse(f"HEAD:{history.brief.path}"))
    base_blob = history.ws.repo.git.rev_parse("main:briefs/trade.md")
    unchanged = history.brief.path == "briefs/trade.md" and landed == base_blob
    met = (unchanged or policy_met(history, landed)) and not history.must_fail
    event(f"gate exit {code}; policy met: {met}; hostile: {bool(history.must_fail)}")
    if code == 0:
        assert met, (history.must_fail, history.brief, out)
    else:
        assert not met, (history.brief, out)
