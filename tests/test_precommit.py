"""The real pre-commit runs this repository's hooks, as an author's repository would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, git, pre_commit_command

pytestmark = pytest.mark.slow


def test_hook_manifest_puts_subcommands_in_entry() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["brieflint"]["entry"] == "brieflint check"
    assert hooks["brieflint-fix"]["entry"] == "brieflint fix"
    assert hooks["brieflint"]["types_or"] == ["markdown", "plain-text"]
    assert all("args" not in h for h in hooks.values())


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    work = tmp_path / "briefs"
    work.mkdir()
    git(work, "init", "-q")
    git(work, "config", "user.email", "author@example.org")
    git(work, "config", "user.name", "Author")
    (work / "good.md").write_text("# A brief\n\nThe government will decide.\n", "utf-8")
    (work / "bad.md").write_text("# A brief\n\nThe goverment will decide. TODO\n", "utf-8")
    git(work, "add", ".")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL"))
    }
    env["PRE_COMMIT_HOME"] = str(Path.home() / ".cache" / "pre-commit-brieflint-tests")
    base = [*pre_commit_command(), "try-repo", str(REPO), "brieflint", "--files"]
    bad = subprocess.run(
        [*base, "bad.md"], cwd=work, env=env, capture_output=True, text=True, timeout=900
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "prose.common-typo" in bad.stdout and "Failed" in bad.stdout
    good = subprocess.run(
        [*base, "good.md"], cwd=work, env=env, capture_output=True, text=True, timeout=900
    )
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_only_staged_content_is_checked(tmp_path: Path) -> None:
    """pre-commit stashes unstaged changes: the hook judges what is being committed."""
    work = tmp_path / "briefs"
    work.mkdir()
    git(work, "init", "-q")
    git(work, "config", "user.email", "author@example.org")
    git(work, "config", "user.name", "Author")
    draft = work / "draft.md"
    draft.write_text("# A brief\n\nThe goverment will decide.\n", "utf-8")
    git(work, "add", "draft.md")  # staged: a misspelling
    draft.write_text("# A brief\n\nThe government will decide.\n", "utf-8")  # unstaged fix
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL"))
    }
    env["PRE_COMMIT_HOME"] = str(Path.home() / ".cache" / "pre-commit-brieflint-tests")
    proc = subprocess.run(
        [*pre_commit_command(), "try-repo", str(REPO), "brieflint"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "prose.common-typo" in proc.stdout
    # the unstaged change is restored afterwards
    assert "government" in draft.read_text("utf-8")
