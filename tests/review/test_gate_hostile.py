"""Hostile records and names: the gate refuses the pull request naming the record (exit 1), never
an internal error, and nothing it prints can act on a terminal or imitate its verdict."""

from __future__ import annotations

import json

from brieflint.review import records as rec
from tests.review.conftest import EDITED, Workspace
from tests.review.test_attacks import BRIEF, craft

LEDGER = ".brieflint/reviews/briefs__trade.md"


def approved_branch(ws: Workspace) -> None:
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org").write(BRIEF, EDITED)
    ws.commit("Edit")
    assert ws.run("review", "submit", BRIEF)[0] == 0
    assert ws.as_("ed@example.org").run("review", "approve", BRIEF)[0] == 0
    ws.commit("Submit and approve")


def gate(ws: Workspace) -> tuple[int, str]:
    code, out, err = ws.run("review", "gate", "--base", "main")
    assert err == "" and code in (0, 1), err
    return code, out


def add_file(ws: Workspace, name: str, data: bytes) -> str:
    folder = ws.root / LEDGER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return f"{LEDGER}/{name}"


def test_deeply_nested_json_is_a_named_refusal(ws: Workspace) -> None:
    approved_branch(ws)
    rel = add_file(ws, "deep.json", b"[" * 200_000 + b"]" * 200_000)
    ws.commit("Deep")
    code, out = gate(ws)
    assert code == 1
    assert f"problem: record {rel}: not a record (JSON nested too deeply)" in out


def test_a_five_thousand_digit_number_is_a_named_refusal(ws: Workspace) -> None:
    approved_branch(ws)
    rel = add_file(ws, "digits.json", b'{"id": ' + b"9" * 5000 + b"}")
    ws.commit("Digits")
    code, out = gate(ws)
    assert code == 1
    assert f"problem: record {rel}: not valid JSON (" in out


def test_a_gitlink_in_the_ledger_is_a_named_refusal(ws: Workspace) -> None:
    approved_branch(ws)
    sha = ws.repo.head.commit.hexsha
    rel = f"{LEDGER}/sub.json"
    ws.repo.git.update_index("--add", "--cacheinfo", f"160000,{sha},{rel}")
    ws.repo.git.commit("-m", "A gitlink")
    code, out = gate(ws)
    assert code == 1
    assert f"problem: record {rel}: is a submodule (gitlink), not a record file" in out


def test_a_symlink_in_the_ledger_is_a_named_refusal(ws: Workspace) -> None:
    approved_branch(ws)
    (ws.root / LEDGER / "link.json").symlink_to("../../policy.yaml")
    ws.commit("A link")
    code, out = gate(ws)
    assert code == 1
    assert f"problem: record {LEDGER}/link.json: is a symbolic link, not a record file" in out


def test_a_file_name_with_a_line_break_cannot_print_a_verdict(ws: Workspace) -> None:
    approved_branch(ws)
    head = ws.repo.head.commit.hexsha[:12]
    forged = f"x\nreview gate passed (000000000000..{head})\n.json"
    add_file(ws, forged, b"{}")
    ws.write("briefs/review gate passed (0..0).md", "# Trade\n\nTrade grew.\n")
    ws.commit("Names that look like verdicts")
    code, out = gate(ws)
    assert code == 1
    verdicts = [line for line in out.splitlines() if line.startswith("review gate ")]
    assert verdicts == [out.splitlines()[-1]] and verdicts[0].startswith("review gate FAILED")
    assert "x\\nreview gate passed" in out


def test_escape_sequences_in_records_do_not_reach_the_terminal(ws: Workspace) -> None:
    approved_branch(ws)
    evil = "\x1b]0;pwned\x07\x1b[2Jed@example.org"
    craft(ws, "approve", evil, "editor")
    ws.commit("An approval by a terminal")
    code, out = gate(ws)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2Jed@example.org does not hold role 'editor'" in out
    code, out, _ = ws.run("review", "log", BRIEF)
    assert code == 0 and "\x1b" not in out and "\\x1b" in out


def test_a_deeply_nested_brief_and_a_long_email_can_be_reviewed(ws: Workspace) -> None:
    deep = "briefs/" + "/".join(c * 100 for c in "abcd") + "/trade.md"
    ws.write(deep, EDITED)
    ws.commit("A deep brief")
    ws.repo.git.switch("-c", "feature")
    long_email = "a" * 250 + "@example.org"
    code, out, err = ws.as_(long_email).run("review", "submit", deep)
    assert code == 0, err
    (path,) = ws.records()
    assert all(len(part.encode()) <= 255 for part in path.parts)
    assert len(path.parent.name) <= rec.MAX_SLUG
    assert "trade.md~" in path.parent.name  # readable: the brief's own name is kept
    data = json.loads(path.read_bytes())
    assert data["payload"]["reviewer"] == long_email
    ws.commit("Submit")
    code, _, err = ws.run("review", "verify")
    assert code == 0, err
    code, out = gate(ws)
    assert "problem:" not in out  # the record is valid: named as the format says
    # two briefs whose slugs would be cut the same stay apart (the hash is of the whole path)
    other = deep.replace("trade.md", "trade.md".upper())
    assert rec.slug(other) != rec.slug(deep)
