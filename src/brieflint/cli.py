"""The ``brieflint`` command line: a typer app that wires commands; it lints nothing itself."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from brieflint import __version__
from brieflint.commands import check as check_cmd
from brieflint.commands import fix as fix_cmd
from brieflint.commands import init as init_cmd
from brieflint.commands import languagetool as languagetool_cmd
from brieflint.commands import review as review_cmd
from brieflint.commands import rules as rules_cmd
from brieflint.errors import BrieflintError

app = typer.Typer(
    name="brieflint",
    help="Lint policy-brief drafts and record editorial review decisions in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"brieflint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """brieflint: lint drafts (check, fix), list rules, record reviews."""


app.command("check", help=check_cmd.HELP)(check_cmd.check)
app.add_typer(rules_cmd.app, name="rules")
app.command("fix", help=fix_cmd.HELP)(fix_cmd.command)
app.command("init", help=init_cmd.HELP)(init_cmd.command)
app.add_typer(languagetool_cmd.app, name="languagetool")
app.add_typer(review_cmd.app, name="review")


def _terminate(signum: int, frame: object) -> None:
    # turn SIGTERM into an exception so that atomic writes remove their temporary files
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 (clean), 1 (findings), 2 (usage, config or input error)."""
    import signal

    if argv is None:  # only when brieflint owns the process
        signal.signal(signal.SIGTERM, _terminate)
    try:
        app(
            args=list(argv) if argv is not None else None,
            prog_name="brieflint",
            standalone_mode=True,
        )
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
