"""``brieflint review``: (being built)."""

from __future__ import annotations

import typer

app = typer.Typer(help="review (not yet available).", no_args_is_help=True)
