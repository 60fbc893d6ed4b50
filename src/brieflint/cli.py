"""The ``brieflint`` command line: a typer app that wires commands; it lints nothing itself."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from brieflint import __version__
from brieflint.errors import BrieflintError

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


def _command_in(args: Sequence[str]) -> str | None:
    """The subcommand ``args`` name, when it can be known without building the whole app."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None  # shell completion needs every command
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _terminate(signum: int, frame: object) -> None:
    # turn SIGTERM into an exception so that atomic writes remove their temporary files
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 (clean), 1 (findings), 2 (usage, config or input error)."""
    import signal

    if argv is None:  # only when brieflint owns the process
        signal.signal(signal.SIGTERM, _terminate)
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        create_app(_command_in(args))(args=args, prog_name="brieflint", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except BrieflintError as exc:
        print(f"brieflint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("brieflint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # output piped into e.g. `head`: nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: one line, and the traceback on request
        if os.environ.get("BRIEFLINT_DEBUG"):
            raise
        print(
            f"brieflint: internal error: {type(exc).__name__}: {exc} "
            "(set BRIEFLINT_DEBUG=1 for a traceback, and please report it)",
            file=sys.stderr,
        )
        return 2
    return 0
