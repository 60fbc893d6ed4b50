"""``brieflint fix``: (being built)."""

from __future__ import annotations

import typer

HELP = "fix (not yet available)."


def command() -> None:
    typer.echo("brieflint fix is not available yet", err=True)
    raise typer.Exit(2)
