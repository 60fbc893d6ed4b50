"""The review gate as a property: any mix of ledger tampering fails it, naming the record or the
policy; the same branch untampered passes.

Real git repositories and the real CLI. Building the history is slow, so one approved branch is
built once and copied for each example.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.review.conftest import EDITED, Workspace, init_repo
from tests.review.test_attacks import BRIEF, craft

POLICY_PATH = ".brieflint/policy.yaml"
_TEMPLATE: dict[str, Path] = {}


def _template(factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> Path:
    """main: the policy, the brief and two review records; feature: an edit, submitted and
    approved by an editor who did not write it (the gate passes). Built once per session."""
    if "repo" not in _TEMPLATE:
        ws = init_repo(factory.mktemp("gate-template") / "repo", capsys)
        steps = [
            ("author@example.org", "submit", ()),
            ("ed@example.org", "approve", ("-m", "Fine as it was")),
            ("feature", "", ()),  # the edit leaves the brief in review, its approval stale
            ("eve@example.org", "approve", ("-m", "Ready")),
        ]
        for who, action, extra in steps:
            if who == "feature":
                ws.commit("Reviews on main")
                ws.repo.git.switch("-c", "feature")
                ws.as_("author@example.org").write(BRIEF, EDITED)
                ws.commit("Edit the brief")
                continue
            code, _, err = ws.as_(who).run("review", action, BRIEF, *extra)
            assert code == 0, (who, action, err)
        ws.commit("Submit and approve")
        _TEMPLATE["repo"] = ws.root
    return _TEMPLATE["repo"]


def _copy(template: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> Workspace:
    shutil.copytree(template, target, symlinks=True)
    return Workspace(target, capsys)


def _gate(ws: Workspace) -> tuple[int, str]:
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert code in (0, 1), err
    assert "Traceback" not in out + err
    return code, out


@dataclass
class Tampering:
    ws: Workspace
    base_records: list[str]  # records already on main that are still in place
    new_records: list[str]  # records the pull request added honestly
    expected: list[str] = field(default_factory=list)  # each must appear in the gate's output

    def _pick(self, pool: list[str], index: int) -> str | None:
        return pool[index % len(pool)] if pool else None

    def apply(self, op: str, index: int, position: int) -> None:
        root = self.ws.root
        if op in ("edit", "delete", "rename", "move-out"):
            rel = self._pick(self.base_records, index)
            if rel is None:
                return
            path = root / rel
            if op == "edit":
                data = bytearray(path.read_bytes())
                i = position % len(data)
                data[i] = ord("#") if data[i] != ord("#") else ord("%")
                path.write_bytes(bytes(data))
                self.base_records.remove(rel)  # tampered with once
                self.expected.append(f"record {rel} was changed")
            else:
                self.base_records.remove(rel)
                if op == "delete":
                    self.ws.repo.git.rm("-q", "--", rel)
                else:
                    target = (
                        rel.replace(".json", "-renamed.json")
                        if op == "rename"
                        else f"notes/{Path(rel).name}"
                    )
                    (root / target).parent.mkdir(parents=True, exist_ok=True)
                    self.ws.repo.git.mv("--", rel, target)
                verb = "deleted" if op == "delete" else "renamed"
                self.expected.append(f"record {rel} was {verb}")
        elif op == "corrupt-new":
            rel = self._pick(self.new_records, index)
            if rel is None:
                return
            self.new_records.remove(rel)
            data = bytearray((root / rel).read_bytes())
            spots = [i for i, b in enumerate(data) if not chr(b).isspace()]
            i = spots[position % len(spots)]
            data[i] = ord("Z") if data[i] != ord("Z") else ord("#")
            (root / rel).write_bytes(bytes(data))
            self.expected.append(f"record {rel}: ")
        elif op == "forge-role":
            who, role = [
                ("mallory@example.org", "editor"),
                ("ed@example.org", "legal"),
                ("lee@example.org", "chief"),
                ("eve@example.org", "publisher"),
            ][index % 4]
            rel = craft(self.ws, "approve", who, role)
            self.expected.append(
                f"record {rel}: {who} does not hold role {role!r} in the base policy"
            )
        elif op == "policy":
            text = (root / POLICY_PATH).read_text("utf-8")
            if "mallory" not in text:
                (root / POLICY_PATH).write_text(
                    text.replace("editor: [", "editor: [mallory@example.org, "), "utf-8"
                )
            rel = craft(self.ws, "approve", "mallory@example.org", "editor")
            self.expected.append(
                f"record {rel}: mallory@example.org does not hold role 'editor' in the base policy"
            )
            self.expected.append(f"{POLICY_PATH} changes here")


OPS = st.tuples(
    st.sampled_from(
        ["edit", "delete", "rename", "move-out", "corrupt-new", "forge-role", "policy"]
    ),
    st.integers(0, 10),
    st.integers(0, 10_000),
)


def _records(ws: Workspace, rev: str) -> list[str]:
    out = ws.repo.git.ls_tree("-r", "--name-only", rev, "--", ".brieflint/reviews")
    return sorted(out.splitlines())


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(OPS, min_size=1, max_size=4), split_commits=st.booleans())
# git pairs a deleted record with the added approval as a "rename"; it is a deletion
@example(ops=[("delete", 0, 0)], split_commits=False)
@example(ops=[("delete", 1, 0)], split_commits=False)
@example(ops=[("policy", 0, 0), ("corrupt-new", 0, 5)], split_commits=True)
@example(ops=[("edit", 0, 0), ("delete", 0, 0), ("rename", 0, 0)], split_commits=False)
def test_any_ledger_tampering_fails_the_gate_naming_it(
    ops: list[tuple[str, int, int]],
    split_commits: bool,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    template = _template(tmp_path_factory, capsys)
    ws = _copy(template, tmp_path_factory.mktemp("gate") / "repo", capsys)
    base = _records(ws, "main")
    added = [r for r in _records(ws, "HEAD") if r not in base]
    assert base and added
    tampering = Tampering(ws, list(base), list(added))
    ws.as_("mallory@example.org")
    for op, index, position in ops:
        tampering.apply(op, index, position)
        if split_commits:
            ws.commit(f"Tamper: {op}")
    ws.commit("Tidy the ledger")
    if not tampering.expected:  # every op found nothing left to tamper with
        return
    code, out = _gate(ws)
    assert code == 1, out
    for message in tampering.expected:
        assert message in out, (message, out)


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(extra=st.sampled_from(["nothing", "an unrelated file", "another honest approval"]))
def test_the_untampered_approved_branch_passes(
    extra: str, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _template(tmp_path_factory, capsys)
    ws = _copy(template, tmp_path_factory.mktemp("gate") / "repo", capsys)
    if extra == "an unrelated file":
        ws.as_("mallory@example.org").write("README.md", "# Briefs, tidied\n")
        ws.commit("Tidy the README")
    elif extra == "another honest approval":
        ws.as_("lee@example.org")
        assert ws.run("review", "approve", BRIEF, "--role", "legal")[0] == 0
        ws.commit("Legal approval too")
    code, out = _gate(ws)
    assert code == 0, out
    assert "approved" in out and "record " not in out and POLICY_PATH not in out


def test_verify_sees_a_deleted_record_and_a_similar_new_one_as_two_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """git pairs them as a rename; the hook still names the deletion and checks the new one."""
    ws = _copy(_template(tmp_path_factory, capsys), tmp_path / "repo", capsys)
    (old,) = [r for r in _records(ws, "main") if "ed_example.org" in r]
    ws.as_("ed@example.org").repo.git.rm("-q", "--", old)
    code, _, err = ws.run("review", "approve", BRIEF, "-m", "Fine as it was")
    assert code == 0, err
    (new,) = [p for p in ws.records() if "ed_example.org" in p.name]
    data = new.read_bytes().replace(b"Fine as it was", b"Fine as it is")  # now invalid
    new.write_bytes(data)
    ws.repo.git.add("--all")
    code, _, err = ws.run("review", "verify")
    assert code == 1
    assert f"record {old} was deleted" in err and "renamed" not in err
    rel = new.relative_to(ws.root).as_posix()
    assert f"record {rel}: id does not match" in err
