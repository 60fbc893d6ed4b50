"""Lint for the gate, judged by the lint configuration as of the **base** commit.

A pull request must not be able to switch off the lint it is gated on, so the gate never reads
the head's ``brieflint.yaml``, ``.brieflint.yaml``, ``[tool.brieflint]``, house styles or
vocabularies. It writes the base commit's files to a temporary folder, finds the configuration
for each brief there (at or above the brief's folder, never above the repository), and lints the
brief's head content with it. Paths the configuration names are resolved inside that copy, so a
style or vocabulary inside the repository is the base's; one outside it (an absolute path) is
read where the gate runs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from brieflint import config as config_mod
from brieflint import ruleset, session
from brieflint.errors import BrieflintError, ConfigError
from brieflint.gitrepo import GitRepo
from brieflint.review import records as rec
from brieflint.review.workflow import lint_summary

CONFIG_FILE_NAMES = frozenset(config_mod.CONFIG_NAMES)


@dataclass(frozen=True)
class Judged:
    """What linted a brief: a one-line description, and the repository files that made it."""

    description: str
    files: frozenset[str]  # repository-relative files
    folders: frozenset[str]  # repository-relative folders (house styles), without a slash


@dataclass
class BaseLint:
    repo: GitRepo
    base: str
    tree: Path  # the base commit's files
    _setups: dict[Path | None, tuple[ruleset.Setup, Judged]] = field(default_factory=dict)
    _session: session.Session = field(
        default_factory=lambda: session.Session(session.options(config=None, no_cache=True))
    )

    @classmethod
    @contextmanager
    def at(cls, repo: GitRepo, base: str) -> Iterator[BaseLint]:
        with tempfile.TemporaryDirectory(prefix="brieflint-gate-") as tmp:
            tree = Path(tmp) / "base"
            tree.mkdir()
            repo.export_tree(base, tree)
            yield cls(repo, base, tree)

    def lint(self, path: str, text: str | bytes) -> tuple[rec.LintSummary, Judged]:
        """Lint ``text`` (a .docx: its bytes) as the brief at repository path ``path`` under
        the base configuration.

        Errors name repository paths and say that the configuration is the base commit's."""
        where = self.tree / PurePosixPath(path)
        try:
            setup, judged = self._setup(config_mod.discover(where, stop=self.tree))
            return lint_summary(where, path, text, setup=setup), judged
        except ConfigError as exc:
            raise ConfigError(f"{self._scrub(str(exc))} ({self.describe_base()})") from None
        except BrieflintError as exc:
            raise BrieflintError(self._scrub(str(exc))) from None

    def describe_base(self) -> str:
        return f"lint configuration as of base {self.base[:12]}"

    def _setup(self, found: Path | None) -> tuple[ruleset.Setup, Judged]:
        if found not in self._setups:
            setup = self._session.setups.setup_of(found)
            self._setups[found] = (setup, self._judged(found, setup))
        return self._setups[found]

    def _judged(self, found: Path | None, setup: ruleset.Setup) -> Judged:
        files: set[str] = set()
        folders: set[str] = set()
        if found is None:
            what = "built-in defaults (no brieflint.yaml, .brieflint.yaml or [tool.brieflint])"
        else:
            what = self._inside(found) or str(found)
            files.add(what)
            if found.name == "pyproject.toml":
                what += " [tool.brieflint]"
        styles: list[str] = []
        for layer in setup.layers:
            inside = self._inside(layer.directory)
            if inside is None:
                styles.append(layer.name)
            else:
                styles.append(inside)
                folders.add(inside)
        root = setup.loaded.root
        for entry in setup.loaded.config.vocab:
            inside = self._inside(root / entry)
            if inside is not None:
                files.add(inside)
        style = styles[-1] if styles else "none"
        if len(styles) > 1:
            style += f" (extends {', '.join(reversed(styles[:-1]))})"
        description = f"{what}, style {style}"
        return Judged(description, frozenset(files), frozenset(folders))

    def _inside(self, path: Path) -> str | None:
        """``path`` relative to the repository copy, or None when it lies outside it."""
        for candidate, root in ((path, self.tree), (path.resolve(), self.tree.resolve())):
            try:
                rel = candidate.relative_to(root).as_posix()
            except ValueError:
                continue
            return "." if rel in ("", ".") else rel
        return None

    def _scrub(self, message: str) -> str:
        for root in {str(self.tree.resolve()), str(self.tree)}:
            message = message.replace(root + "/", "").replace(root, ".")
        return message


def changes_configuration(repo: GitRepo, path: str, revs: tuple[str, ...]) -> bool:
    """Whether ``path`` is a lint configuration file by its name: ``brieflint.yaml``,
    ``.brieflint.yaml``, or a ``pyproject.toml`` with a ``[tool.brieflint]`` section at one of
    ``revs``."""
    name = PurePosixPath(path).name
    if name not in CONFIG_FILE_NAMES:
        return False
    if name != "pyproject.toml":
        return True
    return any(b"[tool.brieflint" in (repo.read_at(rev, path) or b"") for rev in revs)
