"""``brieflint languagetool``: (being built)."""

from __future__ import annotations

import typer

app = typer.Typer(help="languagetool (not yet available).", no_args_is_help=True)
