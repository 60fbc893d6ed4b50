"""``brieflint lsp``: the language server, for editors (stdio, or TCP on loopback)."""

from __future__ import annotations

from pathlib import Path

import typer

from brieflint import session
from brieflint.errors import BrieflintError

HELP = """Run the language server: findings as you type, quick fixes, hover (see docs/editors.md).

Speaks LSP on standard input and output; --tcp PORT listens on 127.0.0.1 instead (debugging).
Each draft gets the configuration, house style and vocabulary `check` would use for it.

Example:  brieflint lsp

Example:  brieflint lsp --tcp 2087 --grammar languagetool
"""


def command(
    tcp: int = typer.Option(
        None, "--tcp", metavar="PORT", help="Listen on 127.0.0.1:PORT instead of stdio."
    ),
    style: str = typer.Option(None, "--style", help="House style: a built-in name or a folder."),
    config: Path = typer.Option(None, "--config", help="Use this config file (no discovery)."),
    select: list[str] = typer.Option(
        [], "--select", help="Only these rules (id prefixes; comma list or repeated)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", help="Skip these rules (id prefixes; comma list or repeated)."
    ),
    languagetool: str = typer.Option(
        None, "--languagetool", help="Grammar via LanguageTool: off | optional | required."
    ),
    grammar: str = typer.Option(
        None, "--grammar", help="Grammar backend: harper | languagetool | off."
    ),
) -> None:
    if tcp is not None and not 0 < tcp < 65536:
        raise BrieflintError("must be a port number from 1 to 65535", key="--tcp")
    options = session.options(
        config=config,
        style=style,
        select=select,
        ignore=ignore,
        languagetool=languagetool,
        grammar=grammar,
        jobs=1,
    )
    try:
        from brieflint.lsp.server import create
    except ModuleNotFoundError as exc:
        if exc.name not in ("pygls", "lsprotocol"):
            raise
        raise BrieflintError(
            "the language server needs pygls (install brieflint's `lsp` extra)", key="lsp"
        ) from None
    server = create(options)
    if tcp is not None:
        server.start_tcp("127.0.0.1", tcp)
    else:
        server.start_io()
