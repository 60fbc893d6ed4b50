"""The typer app: wires the commands (it lints nothing itself)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

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
    "report": ("report", "app", True),
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


# what each option's value is, by parameter name, for --help ("--format FORMAT", not "<list[str]>")
METAVARS = {
    "format": "FORMAT",
    "output": "FILE",
    "fail_on": "SEVERITY",
    "style": "NAME|PATH",
    "config": "FILE",
    "select": "RULE[,RULE…]",
    "ignore": "RULE[,RULE…]",
    "jobs": "N",
    "stdin_filename": "NAME",
    "languagetool": "MODE",
    "baseline_file": "FILE",
    "port": "PORT",
    "version": "VERSION",
    "base": "REV",
    "head": "REV",
    "message": "TEXT",
    "reason": "TEXT",
    "role": "ROLE",
    "of": "EMAIL",
}
# arguments by name: what one value is ("paths" takes PATH…)
ARGUMENTS = {
    "paths": "PATH",
    "directory": "FOLDER",
    "rule_id": "RULE",
    "path": "PATH",
    "reports": "REPORT",
}


def polish_help(command: Any) -> None:
    """Name every value in --help (``--select RULE[,RULE…]``, ``PATH…``), for the whole tree.

    Typer labels values by their Python type (``<list[str]>``, ``<path>``); an option without a
    name in ``METAVARS`` gets its own name in capitals.
    """
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "argument":
            one = ARGUMENTS.get(param.name, str(param.name).upper())
            label = f"{one}…" if param.nargs != 1 else one
            if param.metavar is None:
                param.metavar = one
            # the help row: "PATH…  Files or folders…", without typer's "<list[str]>"
            param._rich_display_name = lambda label=label: label
            param.display_type_rich = lambda ctx: None
        elif param.metavar is None and not (param.is_flag or param.count):
            param.metavar = METAVARS.get(param.name, str(param.name).upper())
    for sub in getattr(command, "commands", {}).values():
        polish_help(sub)


def run(app: typer.Typer, args: Sequence[str]) -> None:
    """Run ``app`` on ``args`` (raises SystemExit with the exit code)."""
    import typer.main

    command = typer.main.get_command(app)
    polish_help(command)
    command.main(args=list(args), prog_name="brieflint", standalone_mode=True)


def command_in(args: Sequence[str]) -> str | None:
    """The subcommand ``args`` name, when it can be known without building the whole app."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None  # shell completion needs every command
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None
