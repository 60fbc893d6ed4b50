"""A small archive for the shard and merge tests: real paragraphs with real damage, in a git
repository, and runs of the CLI over it."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from brieflint.cli import main
from tests.briefs import DATA, FIXTURE
from tests.conftest import git

ACL = DATA / "dev" / "acl"  # Apache-2.0, see tests/data/dev/README.md
FOLDERS = ("briefs", "briefs/2024", "briefs/2024/q3", "notes")


def build_archive(root: Path) -> list[str]:
    """Write the archive under ``root`` (a git repository, committed); its drafts' paths
    relative to ``root``."""
    names: list[str] = []
    for kind in ("corrupt", "correct"):
        lines = (ACL / f"{kind}.txt").read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            suffix = ".md" if i % 4 == 0 else ".txt"
            names.append(f"{FOLDERS[i % len(FOLDERS)]}/{kind}-{i:02d}{suffix}")
            _write(root / names[-1], line + "\n")
    names.append("briefs/ports and corridors.txt")  # a space: SARIF percent-encodes it
    shutil.copyfile(FIXTURE.path, root / names[-1])
    names.append("notes/écrit #1.md")
    _write(root / names[-1], "# Notes\n\nThe the harbour was closed in in March.\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "user.name", "Editor")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    return sorted(names)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def check_json(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """``brieflint check ARGS -f json`` run in ``folder``: exit code and the report."""
    out = folder.parent / f"{folder.name}-report.json"
    with inside(folder):
        code = main(["check", *args, "--no-cache", "-j", "1", "-f", "json", "-o", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return code, report


def run(folder: Path, args: Sequence[str]) -> int:
    with inside(folder):
        return main(list(args))
