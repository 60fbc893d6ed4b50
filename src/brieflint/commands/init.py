"""``brieflint init``: (being built)."""

from __future__ import annotations

import typer

HELP = "init (not yet available)."


def command() -> None:
    typer.echo("brieflint init is not available yet", err=True)
    raise typer.Exit(2)
