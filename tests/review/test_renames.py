"""`review status` without paths, or with a folder, lists renamed briefs under their new names."""

from __future__ import annotations

import json

from tests.review.conftest import CLEAN, EDITED, Workspace

BRIEF = "briefs/trade.md"


def approve(ws: Workspace, brief: str = BRIEF) -> None:
    ws.as_("author@example.org")
    assert ws.run("review", "submit", brief)[0] == 0
    ws.as_("ed@example.org")
    assert ws.run("review", "approve", brief)[0] == 0
    ws.commit(f"Review {brief}")


def listed(ws: Workspace, *paths: str) -> dict[str, str]:
    """Brief → state, as `review status [paths] --format json` lists them."""
    code, out, err = ws.run("review", "status", *paths, "--format", "json")
    assert code == 0, err
    return {b["brief"]: b["state"] for b in json.loads(out)["briefs"]}


def rows(ws: Workspace, *paths: str) -> list[list[str]]:
    code, out, err = ws.run("review", "status", *paths)
    assert code == 0, err
    return [line.split()[:2] for line in out.splitlines()[1:]]


def test_committed_rename_is_listed_under_its_new_name(ws: Workspace) -> None:
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    ws.commit("Rename the trade brief")

    assert rows(ws) == [["briefs/trade-2024.md", "approved"]]
    assert rows(ws, "briefs/") == [["briefs/trade-2024.md", "approved"]]
    assert rows(ws, ".") == [["briefs/trade-2024.md", "approved"]]
    assert listed(ws) == {"briefs/trade-2024.md": "approved"}
    # the same answer as naming it
    assert listed(ws, "briefs/trade-2024.md") == {"briefs/trade-2024.md": "approved"}


def test_staged_rename_is_listed_before_it_is_committed(ws: Workspace) -> None:
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    assert listed(ws) == {"briefs/trade-2024.md": "approved"}
    assert listed(ws, "briefs") == {"briefs/trade-2024.md": "approved"}


def test_renames_are_followed_through_folders_and_several_steps(ws: Workspace) -> None:
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    ws.commit("First rename")
    (ws.root / "briefs" / "economy").mkdir()
    ws.repo.git.mv("briefs/trade-2024.md", "briefs/economy/trade.md")
    ws.commit("Second rename")

    assert listed(ws) == {"briefs/economy/trade.md": "approved"}
    assert listed(ws, "briefs/economy") == {"briefs/economy/trade.md": "approved"}
    assert listed(ws, "briefs/") == {"briefs/economy/trade.md": "approved"}


def test_renamed_and_edited_brief_shows_its_stale_approval(ws: Workspace) -> None:
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    ws.commit("Rename")
    ws.write("briefs/trade-2024.md", EDITED)
    ws.commit("Edit")
    code, out, err = ws.run("review", "status", "--format", "json")
    assert code == 0, err
    (brief,) = json.loads(out)["briefs"]
    assert brief["brief"] == "briefs/trade-2024.md"
    assert brief["state"] == "in-review"
    assert len(brief["stale_approvals"]) == 1


def test_only_reviewed_briefs_are_listed(ws: Workspace) -> None:
    ws.write("briefs/unreviewed.md", CLEAN)
    ws.commit("A brief nobody reviewed")
    ws.repo.git.mv("briefs/unreviewed.md", "briefs/still-unreviewed.md")
    ws.commit("Rename it")
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    ws.commit("Rename the reviewed one")
    assert listed(ws) == {"briefs/trade-2024.md": "approved"}


def test_a_folder_lists_only_the_briefs_now_inside_it(ws: Workspace) -> None:
    ws.write("briefs/other.md", CLEAN.replace("Trade", "Energy"))
    ws.commit("Another brief")
    approve(ws)
    approve(ws, "briefs/other.md")
    (ws.root / "briefs" / "economy").mkdir()
    ws.repo.git.mv(BRIEF, "briefs/economy/trade.md")
    ws.commit("Move the trade brief")
    assert listed(ws, "briefs/economy") == {"briefs/economy/trade.md": "approved"}
    assert listed(ws) == {"briefs/economy/trade.md": "approved", "briefs/other.md": "approved"}


def test_a_rename_out_of_the_briefs_is_not_listed(ws: Workspace) -> None:
    approve(ws)
    (ws.root / "archive").mkdir()
    ws.repo.git.mv(BRIEF, "archive/trade.md")
    ws.commit("Archive the trade brief")
    code, out, err = ws.run("review", "status")
    assert code == 0, err
    assert out.strip() == "no reviewed briefs"


def test_without_paths_the_whole_repository_is_listed_from_a_subfolder(ws: Workspace) -> None:
    approve(ws)
    ws.repo.git.mv(BRIEF, "briefs/trade-2024.md")
    ws.commit("Rename")
    (ws.root / "notes").mkdir()
    code, out, err = ws.run("review", "status", "--format", "json", cwd=ws.root / "notes")
    assert code == 0, err
    assert [b["brief"] for b in json.loads(out)["briefs"]] == ["briefs/trade-2024.md"]
