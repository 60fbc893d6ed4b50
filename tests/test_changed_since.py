"""``check --changed-since REV``: only drafts changed since a git revision, in a real repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from brieflint.changed import changed_files
from brieflint.cli import main
from brieflint.errors import BrieflintError


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def draft(name: str) -> str:
    return f"# {name}\n\nThe figure for {name} is TK.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: a.md, b.md, gone.md, notes/c d.md; branch 'feature' changes some of them."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name in ("a.md", "b.md", "gone.md", "notes/c d.md", "notes/é.md"):
        write(repo, name, draft(name))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "archive")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "b.md", draft("b.md") + "More.\n")
    write(repo, "notes/c d.md", draft("c d") + "More.\n")
    write(repo, "new.md", draft("new.md"))
    git(repo, "rm", "-q", "gone.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edits")
    monkeypatch.chdir(repo)
    return repo


def checked(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, set[str], int]:
    """Exit code, the files with findings, and how many files were checked."""
    code = main(["check", *args, "-f", "json", "--select", "prose.placeholder"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    payload = json.loads(out)
    return code, {f["path"] for f in payload["findings"]}, payload["summary"]["files"]


def test_only_committed_changes_since_the_revision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, paths, files = checked(capsys, ".", "--changed-since", "main")
    assert code == 1
    assert paths == {"b.md", "new.md", "notes/c d.md"}  # not a.md; gone.md is deleted
    assert files == 3


def test_uncommitted_and_untracked_drafts_count_as_changed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, "a.md", draft("a.md") + "Edited, not committed.\n")
    write(repo, "scratch.md", draft("scratch"))
    write(repo, "notes/é.md", draft("é") + "Edited.\n")
    write(repo, "ignored.md", draft("ignored"))
    write(repo, ".gitignore", "ignored.md\n")
    _, paths, _ = checked(capsys, ".", "--changed-since", "main")
    assert paths == {"a.md", "b.md", "new.md", "notes/c d.md", "notes/é.md", "scratch.md"}


def test_intersected_with_the_paths_given(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, paths, files = checked(capsys, "a.md", "b.md", "--changed-since", "main")
    assert (paths, files) == ({"b.md"}, 1)
    _, paths, _ = checked(capsys, "notes", "--changed-since", "main")
    assert paths == {"notes/c d.md"}
    code, paths, files = checked(capsys, "a.md", "--changed-since", "main")
    assert (code, paths, files) == (0, set(), 0)


def test_from_a_subfolder_and_with_a_commit_id(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "notes")
    base = git(repo, "rev-parse", "main")
    _, paths, _ = checked(capsys, ".", "--changed-since", base)
    assert paths == {"c d.md"}


def test_changes_on_the_target_branch_since_the_merge_base_do_not_count(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "checkout", "-q", "main")
    write(repo, "a.md", draft("a.md") + "Changed on main later.\n")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "feature")
    _, paths, _ = checked(capsys, ".", "--changed-since", "main")
    assert "a.md" not in paths
    assert paths == {"b.md", "new.md", "notes/c d.md"}


def test_nothing_changed_checks_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, paths, files = checked(capsys, ".", "--changed-since", "HEAD")
    assert (code, paths, files) == (0, set(), 0)


def test_changed_files_are_resolved_paths(repo: Path) -> None:
    names = changed_files("main", repo / "notes")
    assert names == {
        (repo / "b.md").resolve(),
        (repo / "new.md").resolve(),
        (repo / "notes" / "c d.md").resolve(),
    }


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=x", "main..feature"])
def test_bad_revision_is_one_line_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], rev: str
) -> None:
    code = main(["check", ".", "--changed-since", rev])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("brieflint: error: ") and "--changed-since" in err
    assert err.count("\n") == 1
    assert not (repo / "x").exists()


def test_outside_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    write(plain, "a.md", draft("a"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(BrieflintError) as info:
        changed_files("HEAD", plain)
    assert info.value.key == "--changed-since" and "not inside a git work tree" in str(info.value)
