"""``check --shard I/N``: a stable split of the drafts over N machines of a CI matrix.

A draft belongs to shard ``sha256(key) mod N + 1``, where ``key`` is its path relative to the
top of its git work tree (outside git: relative to the current folder, else its absolute path).
So the split depends on nothing but the path: not on the machine, the folder the repository is
checked out in, the order files are found in, or other files being added or removed. Being a
test on each file alone, it commutes with ``--changed-since`` (a changed draft is checked by the
one shard it belongs to) and leaves baselines and the result cache as they are (both are per
draft). With few drafts the shards are uneven (a hash spreads files, it does not count them).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brieflint import discover
from brieflint.errors import BrieflintError

if TYPE_CHECKING:
    from brieflint.ruleset import Setup

MAX_SHARDS = 10_000
_SPEC = re.compile(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse(value: str) -> Shard:
    """``"2/4"`` → Shard(2, 4); anything else is a one-line usage error."""
    found = _SPEC.fullmatch(value)
    if found is None:
        raise BrieflintError(
            f"{value!r} is not I/N (e.g. 2/4: the second of four shards)", key="--shard"
        )
    index, count = int(found.group(1)), int(found.group(2))
    if not 1 <= count <= MAX_SHARDS:
        raise BrieflintError(f"N must be between 1 and {MAX_SHARDS} (got {count})", key="--shard")
    if not 1 <= index <= count:
        raise BrieflintError(f"I must be between 1 and N={count} (got {index})", key="--shard")
    return Shard(index, count)


def bucket(key: str, count: int) -> int:
    """The shard (1-based) of the draft whose repository-relative path is ``key``."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


@dataclass
class Keys:
    """Repository-relative paths, asking git for a work tree's top once per folder named."""

    cwd: Path = field(default_factory=lambda: Path.cwd().resolve())
    _tops: dict[Path, Path | None] = field(default_factory=dict)

    def top(self, target: str) -> Path | None:
        """The top of the git work tree holding ``target`` (a folder, or a file's folder)."""
        folder = Path(os.path.abspath(target)).resolve()
        if not folder.is_dir():
            folder = folder.parent
        if folder not in self._tops:
            self._tops[folder] = _git_top(folder)
        return self._tops[folder]

    def key(self, path: str, top: Path | None) -> str:
        """``path`` relative to ``top``, else to the current folder, else absolute. A symbolic
        link to a draft keeps its own name (its folders are resolved, as git's top is)."""
        given = Path(os.path.abspath(path))
        inside = given.parent.resolve() / given.name
        candidates = ((top, inside), (top, given.resolve()), (self.cwd, given), (self.cwd, inside))
        for base, target in candidates:
            if base is None:
                continue
            try:
                return target.relative_to(base).as_posix()
            except ValueError:
                continue
        return inside.as_posix()


def _git_top(folder: Path) -> Path | None:
    out = discover.git_output(folder, "rev-parse", "--show-toplevel")
    text = out.strip() if out is not None else ""
    return Path(text).resolve() if text else None


def select(paths: Sequence[str], target: str, shard: Shard, keys: Keys) -> list[str]:
    """The ``paths`` found under ``target`` that belong to ``shard``, in their order."""
    top = keys.top(target)
    return [p for p in paths if bucket(keys.key(p, top), shard.count) == shard.index]


def config_digest(setup: Setup, backends: dict[str, str]) -> str:
    """What the shards of one run must share for their findings to add up: the rules with their
    severities and options, the language, vocabulary, variables, the per-glob configuration and
    the backends. Machine-independent (no paths, no code stamp), so that the shards of one CI
    matrix agree and merge can tell a report made with another configuration."""
    cfg = setup.loaded.config
    described: dict[str, Any] = {
        "rules": [
            [
                rule.id,
                rule.severity.label,
                rule.spec.model_dump(mode="json"),
                rule.options.model_dump(mode="json"),
            ]
            for rule in sorted(setup.base.values(), key=lambda r: r.id)
        ],
        "language": setup.context.language,
        "accept": sorted(setup.context.vocabulary.accept),
        "reject": sorted(setup.context.vocabulary.reject),
        "variables": setup.context.variables,
        "config": cfg.model_dump(
            mode="json",
            include={"include", "exclude", "overrides", "per_file_ignores", "select", "ignore"},
        ),
        "backends": backends,
    }
    blob = json.dumps(described, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]
