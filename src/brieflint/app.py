"""The typer app: wires the commands (it lints nothing itself)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import typer

from brieflint import __version__

# command name → (module under brieflint.commands, attribute, is a sub-app). Only the command
# being run is imported, so `brieflint check` never pays for GitPython or LanguageTool clients.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "check": ("check", "check", False),
    "fix": ("fix", "command", False),
    "rules": ("rules", "app", True),
    "init": ("init", "command", False),
    "baseline": ("baseline", "app", True),
    "languagetool": ("languagetool", "app", True),
    "review": ("review", "app", True),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"brieflint {__version__}")
        raise typer.Exit(0)


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """brieflint: lint drafts (check, fix), list rules, record reviews."""


def create_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with ``only`` that one (faster start-up)."""
    import importlib

    app = typer.Typer(
        name="brieflint",
        help="Lint policy-brief drafts and record editorial review decisions in git.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    for name, (module_name, attribute, group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"brieflint.commands.{module_name}")
        target = getattr(module, attribute, None)
        if target is None:
            continue
        if group:
            app.add_typer(target, name=name)
        else:
            app.command(name, help=getattr(module, "HELP", None))(target)
    return app


def command_in(args: Sequence[str]) -> str | None:
    """The subcommand ``args`` name, when it can be known without building the whole app."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None  # shell completion needs every command
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None
