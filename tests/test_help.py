"""Every command and subcommand explains itself with an example; shell completion works."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer.main

from brieflint.app import create_app


def _commands() -> list[tuple[str, ...]]:
    """Every command path of the CLI, walked from the click command tree typer builds."""
    root = typer.main.get_command(create_app())
    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(root, ())
    return [p for p in paths if p]


COMMANDS = _commands()


def test_the_cli_has_the_documented_commands() -> None:
    top = {p[0] for p in COMMANDS}
    assert {"check", "fix", "rules", "init", "baseline", "languagetool", "review"} <= top
    assert ("review", "gate") in COMMANDS and ("rules", "show") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_help_has_an_example(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    from brieflint.cli import main

    assert main([*path, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example" in out, f"brieflint {' '.join(path)} --help has no example"


def test_shell_completion_script() -> None:
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "brieflint", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "complete" in proc.stdout and "brieflint" in proc.stdout


def test_completion_offers_commands() -> None:
    env = {
        **os.environ,
        "_BRIEFLINT_COMPLETE": "complete_bash",
        "COMP_WORDS": "brieflint rev",
        "COMP_CWORD": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "brieflint"], capture_output=True, text=True, env=env, check=False
    )
    assert "review" in proc.stdout.split()
