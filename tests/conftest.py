"""Shared fixtures: lint a string with real rules, styles and config, as the CLI would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from brieflint import config as config_mod
from brieflint import engine, ruleset
from brieflint.document import Document
from brieflint.findings import Finding

REPO = Path(__file__).resolve().parents[1]

LintFn = Callable[..., list[Finding]]


def lint_text(
    text: str,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    style: str | None = None,
    path: str = "draft.txt",
    config_path: Path | None = None,
) -> list[Finding]:
    """Lint ``text`` as if it were the file ``path`` (``.md`` makes it Markdown)."""
    loaded = config_mod.load(config_path) if config_path else config_mod.default()
    options = ruleset.BuildOptions(style=style, select=tuple(select), ignore=tuple(ignore))
    setup = ruleset.build(loaded, options)
    doc = Document.parse(path, text)
    return engine.lint_document(doc, setup.rules_for(path), setup)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``brieflint ARGS`` in-process: (exit code, stdout, stderr); never a traceback."""
    from brieflint.cli import main

    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def lint() -> LintFn:
    return lint_text


@pytest.fixture(autouse=True)
def _clean_git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside a git hook GIT_* variables point at the outer repository: clear them."""
    for key in list(os.environ):
        if key.startswith("GIT_") and key not in ("GIT_CONFIG_NOSYSTEM",):
            monkeypatch.delenv(key, raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """``tmp_path``, made the current folder for the test."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def pre_commit_command() -> list[str]:
    """The pre-commit beside this interpreter, else on PATH; skip the test without one."""
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if found is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    return [found]


def git(cwd: Path, *args: str) -> None:
    """Run git in ``cwd``, failing the test if it fails."""
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)
