"""Which files changed since a git revision (``check --changed-since REV``).

Plain ``git`` through subprocess: this runs on every ``check --changed-since`` and must start fast.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from brieflint.errors import BrieflintError

_KEY = "--changed-since"


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise BrieflintError("git is not installed", key=_KEY) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise BrieflintError(f"git failed: {exc}", key=_KEY) from None


def _names(out: bytes) -> list[str]:
    return [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]


def changed_files(rev: str, folder: Path) -> frozenset[Path]:
    """Resolved paths of files added or modified since ``rev`` in the repository of ``folder``.

    That is: committed changes since the merge base of ``rev`` and HEAD (``git diff REV...``),
    plus uncommitted changes to tracked files and untracked files that are not ignored.
    Deleted files are left out: there is nothing to check.
    """
    if rev.startswith("-"):
        raise BrieflintError(f"not a revision: {rev!r}", key=_KEY)
    top_run = _git(["rev-parse", "--show-toplevel"], folder)
    if top_run.returncode != 0:
        raise BrieflintError("not inside a git work tree", path=str(folder), key=_KEY)
    top = Path(top_run.stdout.decode("utf-8", "surrogateescape").strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).returncode != 0:
        raise BrieflintError(f"unknown revision {rev!r}", path=str(top), key=_KEY)
    diff = ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", "--no-ext-diff"]
    runs = (
        [*diff, f"{rev}...HEAD", "--"],
        [*diff, "HEAD", "--"],
        ["ls-files", "-z", "--others", "--exclude-standard", "--full-name"],
    )
    names: set[str] = set()
    for args in runs:
        out = _git(args, top)
        if out.returncode != 0:
            message = out.stderr.decode("utf-8", "replace").strip().splitlines()
            raise BrieflintError(
                f"git {args[0]} failed: {message[0] if message else 'no message'}",
                path=str(top),
                key=_KEY,
            )
        names.update(_names(out.stdout))
    return frozenset((top / name).resolve() for name in names)
