"""Everything brieflint asks of git, in one place (the only module that imports GitPython).

Which content a decision is bound to:

- Recording a decision (``brieflint review approve`` …) binds it to the brief's blob in the
  **index**, i.e. what the next commit will hold. The working-tree file must match the index
  (``git add`` it first); otherwise the decision would describe content nobody committed.
- The gate compares records with the blob in the **head commit's tree**
  (``(commit.tree / path).hexsha``). Both ids are git's own blob ids, after clean/eol filters,
  so a rebase or a squash merge keeps them, and ``git hash-object`` is never needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from brieflint.errors import BrieflintError, InputError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import git


@dataclass(frozen=True)
class Change:
    """One file changed between two commits: ``status`` is A, M, D or R (renamed, maybe edited)."""

    status: str
    old_path: str | None
    new_path: str | None

    @property
    def path(self) -> str:
        """The path at the newer side (or the deleted path)."""
        return self.new_path or self.old_path or ""


class GitRepo:
    """A git work tree found from a path inside it."""

    def __init__(self, repo: git.Repo) -> None:
        self._repo = repo
        if repo.working_tree_dir is None:
            raise BrieflintError("a bare repository has no work tree", path=str(repo.git_dir))
        self.root = Path(repo.working_tree_dir).resolve()

    @classmethod
    def discover(cls, start: Path) -> GitRepo:
        """The repository containing ``start`` (a file or folder, existing or not)."""
        import git

        folder = start.resolve()
        while not folder.exists():
            folder = folder.parent
        if folder.is_file():
            folder = folder.parent
        try:
            repo = git.Repo(folder, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise InputError("not inside a git repository", path=str(start)) from None
        return cls(repo)

    # -- identity and repository shape ------------------------------------------------------

    def _git(self, *args: str) -> str:
        import git

        try:
            out = str(self._repo.git.execute(["git", *args], strip_newline_in_stdout=True))
        except git.GitCommandError as exc:
            detail = (exc.stderr or "").strip().splitlines()
            msg = detail[-1] if detail else f"git {' '.join(args)} failed"
            raise BrieflintError(msg.removeprefix("stderr: ").strip(" '")) from None
        return out

    def _git_status(self, *args: str) -> int:
        """Run git, return its exit status (for ``--quiet`` style questions)."""
        import git

        try:
            self._repo.git.execute(["git", *args])
        except git.GitCommandError as exc:
            return int(exc.status) if isinstance(exc.status, int) else 128
        return 0

    def user_email(self) -> str:
        """``user.email`` from git config; GitPython would invent one, so ask git itself."""
        import git

        try:
            email = str(self._repo.git.config("--get", "user.email")).strip()
        except git.GitCommandError:
            email = ""
        if not email or "@" not in email:
            raise BrieflintError(
                "git user.email is not set: run `git config user.email you@example.org` "
                "(a decision is never recorded under a made-up identity)",
                key="user.email",
            )
        return email

    def config_value(self, key: str) -> str | None:
        import git

        try:
            value = str(self._repo.git.config("--get", key)).strip()
        except git.GitCommandError:
            return None
        return value or None

    def is_shallow(self) -> bool:
        return self._git("rev-parse", "--is-shallow-repository").strip() == "true"

    def is_detached(self) -> bool:
        return bool(self._repo.head.is_detached)

    def has_commits(self) -> bool:
        return self._git_status("rev-parse", "--verify", "--quiet", "HEAD") == 0

    # -- paths -------------------------------------------------------------------------------

    def relative(self, path: Path) -> str:
        """``path`` as a repository-relative POSIX path; an error when it is outside."""
        absolute = (Path.cwd() / path).resolve() if not path.is_absolute() else path.resolve()
        try:
            rel = absolute.relative_to(self.root)
        except ValueError:
            raise InputError(f"outside the git repository at {self.root}", path=str(path)) from None
        return rel.as_posix()

    def absolute(self, rel: str) -> Path:
        return self.root / PurePosixPath(rel)

    # -- the current (staged) content ---------------------------------------------------------

    def index_blob(self, rel: str) -> str | None:
        """Blob id of ``rel`` in the index, or None when git does not track it."""
        out = self._git("ls-files", "--stage", "-z", "--", rel)
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, _, name = entry.partition("\t")
            parts = meta.split()
            if name == rel and len(parts) == 3 and parts[2] == "0":
                return parts[1]
        return None

    def worktree_matches_index(self, rel: str) -> bool:
        return self._git_status("diff", "--quiet", "--", rel) == 0

    def staged_changes(self, prefix: str) -> list[Change]:
        """Changes staged under ``prefix`` since HEAD (all are additions before a first commit)."""
        if not self.has_commits():
            out = self._git("ls-files", "-z", "--", prefix)
            return [Change("A", None, p) for p in out.split("\0") if p]
        out = self._git("diff", "--cached", "--name-status", "-M", "-z", "HEAD", "--", prefix)
        return _parse_name_status(out)

    def staged_renames_to(self, rel: str) -> list[str]:
        """Old paths of ``rel`` when a rename is staged but not committed."""
        if not self.has_commits():
            return []
        out = self._git("diff", "--cached", "--name-status", "-M", "-z", "HEAD")
        return [
            c.old_path
            for c in _parse_name_status(out)
            if c.status == "R" and c.new_path == rel and c.old_path
        ]

    def work_tree_files(self, under: str = "") -> list[str]:
        """Files in folder ``under`` that git tracks or would track (not ignored), sorted."""
        args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        if under not in ("", "."):
            args += ["--", under]
        out = self._git_bytes(*args)
        return sorted({_path(f) for f in out.split(b"\0") if f})

    def renames(self) -> list[tuple[str, str]]:
        """Every rename as (old, new): staged ones, then those in HEAD's history, newest first."""
        if not self.has_commits():
            return []
        staged = self._git("diff", "--cached", "--name-status", "-M", "-z", "HEAD")
        logged = self._git(
            "-c", "core.quotePath=false", "log", "-M", "--name-status", "--format=", "-z", "HEAD"
        )  # fmt: skip
        return [
            (c.old_path, c.new_path)
            for c in _parse_name_status(staged) + _parse_name_status(logged)
            if c.status == "R" and c.old_path is not None and c.new_path is not None
        ]

    # -- revisions ---------------------------------------------------------------------------

    def resolve(self, rev: str, *, what: str = "revision") -> str:
        """Full commit id of ``rev``; a BrieflintError naming ``rev`` when it does not exist."""
        if self._git_status("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}") != 0:
            raise BrieflintError(
                f"{what} {rev!r} not found (fetch it, e.g. actions/checkout with fetch-depth: 0)",
                key=f"--{what}",
            )
        return self._git("rev-parse", "--verify", f"{rev}^{{commit}}").strip()

    def merge_base(self, base: str, head: str) -> str:
        out = self._git("merge-base", base, head).strip()
        if not out:
            raise BrieflintError(f"{base} and {head} have no common history", key="--base")
        return out

    def _file_entry(self, rev: str, rel: str) -> TreeEntry | None:
        """The file or link at ``rel`` in ``rev`` (a commit or a tree id), else None."""
        if not rel or rel.startswith("/"):
            return None
        entry = self.tree_entries(rev, rel).get(rel)
        return entry if entry is not None and entry.kind == "blob" else None

    def blob_at(self, rev: str, rel: str) -> str | None:
        """Blob id of ``rel`` in ``rev``'s tree, or None when absent (or not a file)."""
        entry = self._file_entry(rev, rel)
        return entry.sha if entry is not None else None

    def read_at(self, rev: str, rel: str) -> bytes | None:
        entry = self._file_entry(rev, rel)
        return self.blob(entry.sha) if entry is not None else None

    def files_at(self, rev: str, prefix: str) -> dict[str, bytes]:
        """Every file under folder ``prefix`` in ``rev``'s tree, by path."""
        commit = self._repo.commit(rev)
        try:
            tree = commit.tree / prefix
        except KeyError:
            return {}
        from git.objects import Blob, Tree

        if not isinstance(tree, Tree):
            return {}
        result: dict[str, bytes] = {}
        for item in tree.traverse():
            if isinstance(item, Blob):
                result[str(item.path)] = item.data_stream.read()
        return result

    def export_tree(self, rev: str, dest: Path) -> None:
        """Write ``rev``'s files under folder ``dest`` as committed (no filters or attributes
        applied; symbolic links as links where the system allows; submodules left out)."""
        from git.objects import Blob

        for item in self._repo.commit(rev).tree.traverse():
            if not isinstance(item, Blob):
                continue
            target = dest / PurePosixPath(str(item.path))
            target.parent.mkdir(parents=True, exist_ok=True)
            data: bytes = item.data_stream.read()
            if item.mode == Blob.link_mode:
                try:
                    target.symlink_to(data.decode("utf-8", "surrogateescape"))
                except OSError:
                    continue
            else:
                target.write_bytes(data)

    def diff(self, base: str, head: str) -> list[Change]:
        """Files changed from ``base`` to ``head``, renames detected."""
        out = self._git("diff", "--name-status", "-M", "-z", base, head)
        return _parse_name_status(out)

    def path_history(self, rev: str | None, rel: str) -> list[str]:
        """Every name ``rel`` had in the history of ``rev`` (renames followed), newest first."""
        names = [rel]
        if rev is None:
            return names
        out = self._git(
            "log", "--follow", "-M", "--name-status", "--format=", "-z", rev, "--", rel
        )  # fmt: skip
        current = rel
        fields = [f for f in out.split("\0") if f]
        i = 0
        while i < len(fields):
            status = fields[i]
            if status[:1] in ("R", "C") and i + 2 < len(fields):
                old, new = fields[i + 1], fields[i + 2]
                i += 3
                if new != current:
                    continue
                if status.startswith("C"):  # a copy: what came before is another file's history
                    break
                if old not in names:
                    current = old
                    names.append(current)
                continue
            i += 2
        return names

    def change_authors(self, base: str, head: str, paths: list[str]) -> set[str]:
        """Author and committer e-mails of the commits in ``base..head`` that touched any of
        ``paths`` (both are whatever the committer's git was told: not verified)."""
        if not paths:
            return set()
        out = self._git("log", "-z", "--format=%ae%x00%ce", f"{base}..{head}", "--", *paths)
        return {e.strip().lower() for e in out.split("\0") if e.strip()}

    def authors(self, base: str, head: str, paths: list[str]) -> set[str]:
        """Author emails of the commits in ``base..head`` that touched any of ``paths``."""
        return self.change_authors(base, head, paths)

    # -- trees and commits, by id (the gate) --------------------------------------------------

    def _git_bytes(self, *args: str) -> bytes:
        import git

        try:
            out = self._repo.git.execute(["git", *args], stdout_as_string=False)
        except git.GitCommandError as exc:
            detail = (exc.stderr or "").strip().splitlines()
            msg = detail[-1] if detail else f"git {' '.join(args)} failed"
            raise BrieflintError(msg.removeprefix("stderr: ").strip(" '")) from None
        return out if isinstance(out, bytes) else str(out).encode()

    def commits_with_parents(self, base: str, head: str) -> list[tuple[str, list[str]]]:
        """Every commit in ``base..head`` (merges included) with all its parents."""
        out = self._git("rev-list", "--parents", f"{base}..{head}")
        result: list[tuple[str, list[str]]] = []
        for line in out.splitlines():
            ids = line.split()
            if ids:
                result.append((ids[0], ids[1:]))
        return result

    def tree_diff(self, old: str, new: str, prefix: str = "") -> list[TreeChange]:
        """Files that differ between tree-ishes ``old`` and ``new`` (under ``prefix``), without
        rename detection: a rename is a deletion and an addition."""
        args = ["diff-tree", "-r", "-z", "--no-renames", "--raw", old, new]
        if prefix:
            args += ["--", prefix]
        fields = self._git_bytes(*args).split(b"\0")
        changes: list[TreeChange] = []
        i = 0
        while i + 1 < len(fields):
            meta = fields[i].decode("ascii", "replace")
            if not meta.startswith(":"):
                i += 1
                continue
            old_mode, new_mode, old_sha, new_sha, status = meta[1:].split()[:5]
            path = _path(fields[i + 1])
            changes.append(TreeChange(status[0], path, old_mode, new_mode, old_sha, new_sha))
            i += 2
        return changes

    def tree_entries(self, treeish: str, prefix: str = "") -> dict[str, TreeEntry]:
        """Every non-folder entry of ``treeish`` (under folder ``prefix``), by path."""
        args = ["ls-tree", "-r", "-z", "--full-tree", treeish]
        if prefix:
            args += ["--", prefix]
        result: dict[str, TreeEntry] = {}
        for field_ in self._git_bytes(*args).split(b"\0"):
            if not field_:
                continue
            meta, _, raw = field_.partition(b"\t")
            mode, kind, sha = meta.decode("ascii", "replace").split()[:3]
            path = _path(raw)
            result[path] = TreeEntry(mode, kind, sha, path)
        return result

    def blob(self, sha: str) -> bytes:
        """The content of blob ``sha``."""
        return self._git_bytes("cat-file", "blob", sha)

    def merge_tree(self, base: str, head: str) -> tuple[str | None, list[str]]:
        """The tree of merging ``head`` into ``base`` (``git merge-tree --write-tree``, nothing
        written to the work tree or refs): (tree id, []) when clean, (None, conflicted paths)."""
        args = ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", base, head]
        status, out, err = self._repo.git.execute(
            ["git", *args], stdout_as_string=False, with_extended_output=True, with_exceptions=False
        )
        data = out if isinstance(out, bytes) else str(out).encode()
        fields = [f for f in data.split(b"\0") if f]
        if status == 0 and fields:
            return fields[0].decode("ascii").strip(), []
        if status == 1 and fields:
            return None, sorted({_path(f) for f in fields[1:]})
        detail = (err.decode("utf-8", "replace") if isinstance(err, bytes) else str(err)).strip()
        raise BrieflintError(
            "git merge-tree --write-tree failed (git 2.38 or later is needed): "
            + (detail.splitlines()[-1] if detail else f"exit {status}")
        )


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a tree: ``kind`` is blob or commit (a submodule); mode 120000 a link."""

    mode: str
    kind: str
    sha: str
    path: str

    @property
    def is_regular_file(self) -> bool:
        return self.kind == "blob" and self.mode in ("100644", "100755")


@dataclass(frozen=True)
class TreeChange:
    """One path that differs between two trees: ``status`` A, D, M or T (type change)."""

    status: str
    path: str
    old_mode: str
    new_mode: str
    old_sha: str
    new_sha: str


def _path(raw: bytes) -> str:
    """A path as git stores it (bytes), as text; bytes that are not UTF-8 kept as surrogates."""
    return raw.decode("utf-8", "surrogateescape")


def _parse_name_status(out: str) -> list[Change]:
    """Parse ``git diff --name-status -z`` output."""
    fields = out.split("\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields):
        status = fields[i]
        if not status:
            i += 1
            continue
        code = status[0]
        if code in "RC":
            old, new = fields[i + 1], fields[i + 2]
            changes.append(Change("R" if code == "R" else "A", old if code == "R" else None, new))
            i += 3
            continue
        path = fields[i + 1]
        if code == "A":
            changes.append(Change("A", None, path))
        elif code == "D":
            changes.append(Change("D", path, None))
        else:  # M, T (type change), U: content at the same path changed
            changes.append(Change("M", path, path))
        i += 2
    return changes
