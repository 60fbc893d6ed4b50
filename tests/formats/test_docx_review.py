"""The review workflow on a Word brief, in a real git repository: submit lints the .docx,
records bind to its blob, an edit makes an approval stale, and the gate lints the blob's bytes
with the base's configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.formats import docxbuild as build
from tests.review.conftest import Workspace, init_repo

BRIEF = "briefs/ports.docx"


def _docx(path: Path, body: str) -> None:
    d = build.new()
    d.add_paragraph("Ports and power")
    d.add_paragraph(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    build.save(d, path)


def _state(ws: Workspace) -> dict[str, object]:
    code, out, err = ws.run("review", "status", BRIEF, "--format", "json")
    assert code == 0, err
    (brief,) = json.loads(out)["briefs"]
    result: dict[str, object] = brief
    return result


def test_docx_brief_through_submit_approve_and_gate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = init_repo(tmp_path / "repo", capsys)
    ws.repo.git.switch("-c", "draft/ports")
    ws.as_("author@example.org")
    path = ws.root / BRIEF
    _docx(path, "Trade through the ports grew by TODO per cent.")
    ws.repo.git.add("--", BRIEF)
    code, _, err = ws.run("review", "submit", BRIEF)
    assert code == 1 and "lint fails" in err, err  # the placeholder in the .docx is an error
    assert ws.records() == []

    _docx(path, "Trade through the ports grew by 12 per cent.")
    ws.repo.git.add("--", BRIEF)
    code, out, err = ws.run("review", "submit", BRIEF)
    assert code == 0, err
    assert "state: in-review" in out
    ws.commit("Ports brief: submit")

    ws.as_("ed@example.org")
    code, out, err = ws.run("review", "approve", BRIEF, "-m", "Good")
    assert code == 0, err
    ws.commit("Review: approved")
    blob = ws.repo.git.rev_parse(f"HEAD:{BRIEF}")
    record = json.loads(ws.records()[-1].read_text(encoding="utf-8"))
    assert record["payload"]["blob"] == blob  # bound to the .docx's git blob
    code, out, err = ws.run("review", "gate", "--base", "main", "--head", "HEAD")
    assert code == 0, out + err
    assert "review gate passed" in out

    # a change inside the Word file makes the approval stale, and a failing one fails the gate
    ws.as_("author@example.org")
    _docx(path, "Trade through the ports grew by TODO per cent.")
    ws.commit("Ports brief: late edit")
    assert _state(ws)["state"] == "in-review"
    code, out, _ = ws.run("review", "gate", "--base", "main")
    assert code == 1
    assert "lint fails" in out and "state is in-review" in out
