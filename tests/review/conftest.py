"""Real git repositories in temporary folders, and the real CLI, for the review workflow."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from brieflint.cli import main

POLICY = """\
briefs: ["briefs/**"]
roles:
  editor: [ed@example.org, eve@example.org, author@example.org]
  legal: [lee@example.org]
  chief: [chief@example.org]
override_roles: [chief]
requirements:
  - paths: ["briefs/**"]
    approvals: {editor: 1}
  - paths: ["briefs/sanctions/**"]
    approvals: {legal: 1}
"""

CLEAN = "# Trade brief\n\nTrade grew by 12 per cent in 2023.\n"
EDITED = "# Trade brief\n\nTrade grew by 14 per cent in 2023.\n"
FAILING = "# Trade brief\n\nTrade grew by TK per cent in 2023.\n"


class Workspace:
    """One work tree; ``as_(email)`` switches who acts (repository-local git config)."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.repo = git.Repo(root)
        self._capsys = capsys

    def as_(self, email: str) -> Workspace:
        with self.repo.config_writer() as cfg:
            cfg.set_value("user", "email", email)
            cfg.set_value("user", "name", email.split("@")[0])
        return self

    def write(self, rel: str, text: str, *, stage: bool = True) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if stage:
            self.repo.git.add("--", rel)

    def commit(self, message: str) -> str:
        self.repo.git.add("--all")
        self.repo.git.commit("-m", message, "--allow-empty")
        return self.repo.head.commit.hexsha

    def run(self, *args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        """``brieflint args…`` in the work tree; (exit code, stdout, stderr)."""
        self._capsys.readouterr()
        before = Path.cwd()
        os.chdir(cwd or self.root)
        try:
            code = main(list(args))
        finally:
            os.chdir(before)
        out, err = self._capsys.readouterr()
        return code, out, err

    def records(self) -> list[Path]:
        folder = self.root / ".brieflint" / "reviews"
        return sorted(folder.rglob("*.json")) if folder.is_dir() else []


@pytest.fixture(autouse=True)
def _isolated_git(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No global or system git config: every identity a test uses is set by the test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def init_repo(root: Path, capsys: pytest.CaptureFixture[str], policy: str = POLICY) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    git.Repo.init(root, initial_branch="main")
    ws = Workspace(root, capsys).as_("admin@example.org")
    ws.write(".brieflint/policy.yaml", policy)
    ws.write("briefs/trade.md", CLEAN)
    ws.write("README.md", "# Briefs\n")
    ws.commit("Policy and first brief")
    return ws


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Workspace]:
    yield init_repo(tmp_path / "repo", capsys)


def ssh_key(folder: Path, email: str) -> tuple[Path, str]:
    """A fresh ed25519 key (private key path, allowed_signers line for ``email``)."""
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / email.split("@")[0]
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", email, "-f", str(key)],
        check=True,
        capture_output=True,
    )
    public = Path(f"{key}.pub").read_text(encoding="utf-8").split()
    return key, f'{email} namespaces="brieflint-review" {public[0]} {public[1]}\n'
