"""Which files to lint: explicit files, folders walked with include/exclude globs and .gitignore."""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from brieflint.errors import InputError

_SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"})


def matches_any(rel: str, globs: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for glob in globs:
        g = glob.removeprefix("./")
        if fnmatch.fnmatchcase(rel, g) or ("/" not in g and fnmatch.fnmatchcase(name, g)):
            return True
        if g.startswith("**/") and fnmatch.fnmatchcase(rel, g[3:]):
            return True
        if g.endswith("/**") and (rel + "/").startswith(g[:-2]):
            return True
    return False


def walk(
    folder: Path, include: Sequence[str], exclude: Sequence[str], root: Path | None = None
) -> Iterator[Path]:
    """Files under ``folder`` matching the globs, sorted; .gitignore honoured in git.

    Globs match paths relative to ``root`` (the config file's folder) when the file is under it,
    else relative to ``folder``.
    """
    listed = _git_files(folder)
    candidates = listed if listed is not None else _walk_fs(folder)
    base = _relative_base(folder, root)
    for rel in sorted(candidates):
        key = f"{base}/{rel}" if base else rel
        if matches_any(key, include) and not matches_any(key, exclude):
            path = folder / rel
            if path.is_file():
                yield path


def _relative_base(folder: Path, root: Path | None) -> str:
    if root is None:
        return ""
    try:
        rel = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel


def _walk_fs(folder: Path) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        rel_root = Path(root).relative_to(folder)
        for name in files:
            yield (rel_root / name).as_posix()


def git_output(folder: Path, *args: str) -> str | None:
    """What ``git -C FOLDER ARGS`` prints, or None when git is missing or fails (not a work
    tree, say): the callers then do without git."""
    try:
        out = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8", "surrogateescape")


def _git_files(folder: Path) -> list[str] | None:
    """Tracked and untracked-but-not-ignored files, when ``folder`` is inside a git work tree."""
    out = git_output(folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if out is None:
        return None
    return sorted({n for n in out.split("\0") if n})


def expand(
    paths: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    root: Path | None = None,
) -> list[str]:
    """Explicit files as given; folders walked. A missing path is an input error."""
    result: list[str] = []
    for raw in paths:
        if raw == "-":
            result.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            result.extend(str(p) for p in walk(path, include, exclude, root))
        elif path.exists():
            result.append(raw)
        elif path.is_symlink():
            raise InputError("broken symbolic link", path=raw)
        else:
            raise InputError("no such file or directory", path=raw)
    return result
