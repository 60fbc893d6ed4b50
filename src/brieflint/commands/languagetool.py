"""``brieflint languagetool``: fetch LanguageTool from Maven Central, run it on loopback.

brieflint languagetool fetch                  # Java 17 + Maven; cached per user
brieflint languagetool serve --detach --port 8081
export BRIEFLINT_LANGUAGETOOL_URL=http://127.0.0.1:8081
brieflint check --languagetool required briefs/
brieflint languagetool stop --port 8081
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from brieflint.languagetool import server

app = typer.Typer(
    help=(
        "Fetch and run a local LanguageTool server for grammar checks.\n\n"
        "Example:  brieflint languagetool fetch && brieflint languagetool serve --detach"
    ),
    no_args_is_help=True,
)

VERSION_HELP = "LanguageTool version (Maven Central)."


@app.command("fetch")
def fetch(
    version: str = typer.Option(server.DEFAULT_VERSION, "--version", help=VERSION_HELP),
    force: bool = typer.Option(False, "--force", help="Download again even if present."),
) -> None:
    """Download LanguageTool (server + English) with Maven into Maven's repository.

    The jars are kept once, in Maven's repository (~/.m2/repository, or BRIEFLINT_MAVEN_REPO);
    brieflint's cache keeps only the class path. On a terminal a status line shows what Maven
    has downloaded so far.

    Example:  brieflint languagetool fetch
    """
    already = server.is_fetched(version) and not force
    with _fetch_status(version, sys.stderr.isatty() and not already) as show:
        jars = server.fetch(version, force=force, progress=show)
    state = "already fetched" if already else "fetched"
    typer.echo(f"LanguageTool {version} {state}: {len(jars)} jars in {server.maven_folder(jars)}")


def progress_line(version: str, state: server.FetchProgress) -> str:
    if state.files == 0:
        return f"fetching LanguageTool {version} with Maven: resolving"
    size = state.size / 1e6
    return (
        f"fetching LanguageTool {version} with Maven: {state.files} files, {size:.1f} MB"
        f" ({state.last})"
    )


@contextmanager
def _fetch_status(
    version: str, on_terminal: bool
) -> Iterator[Callable[[server.FetchProgress], None] | None]:
    """A transient status line on standard error when it is a terminal; nothing otherwise."""
    if not on_terminal:
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    with console.status(progress_line(version, server.FetchProgress())) as status:
        yield lambda state: status.update(progress_line(version, state))


@app.command("serve")
def serve(
    port: int = typer.Option(server.DEFAULT_PORT, "--port", help="Port on 127.0.0.1."),
    detach: bool = typer.Option(
        False, "--detach", help="Run in the background; return once it answers."
    ),
    version: str = typer.Option(server.DEFAULT_VERSION, "--version", help=VERSION_HELP),
) -> None:
    """Run the LanguageTool HTTP server on 127.0.0.1 (foreground unless --detach).

    Example:  brieflint languagetool serve --detach --port 8081
    """
    if detach:
        entry = server.start_detached(port, version)
        typer.echo(f"LanguageTool {entry.version} at {entry.url} (pid {entry.pid})")
        typer.echo(f"export BRIEFLINT_LANGUAGETOOL_URL={entry.url}")
        return
    cmd = server.command(port, version)
    typer.echo(f"LanguageTool {version} at {server.url_for(port)} (Ctrl-C stops it)")
    proc = subprocess.Popen(cmd)
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        code = proc.wait()
    raise typer.Exit(0 if code in (0, 143, -15) else 1)


@app.command("status")
def status(
    port: int = typer.Option(None, "--port", help="Only this port."),
) -> None:
    """Say which LanguageTool servers run and answer; exit 1 when none does.

    Example:  brieflint languagetool status
    """
    entries = server.running_servers()
    if port is not None:
        entries = [e for e in entries if e.port == port]
    ok = False
    for entry in entries:
        alive = server.is_ours(entry.pid)
        answering = alive and server.answers(entry.url)
        ok = ok or answering
        state = "answering" if answering else ("starting or stuck" if alive else "not running")
        typer.echo(f"LanguageTool {entry.version} at {entry.url} (pid {entry.pid}): {state}")
    env_url = os.environ.get("BRIEFLINT_LANGUAGETOOL_URL")
    if env_url and all(e.url != env_url.rstrip("/") for e in entries):
        version = server.server_version(env_url.rstrip("/"))
        ok = ok or version is not None
        state = f"LanguageTool {version}, answering" if version else "not answering"
        typer.echo(f"BRIEFLINT_LANGUAGETOOL_URL={env_url}: {state}")
    if not entries and not env_url:
        fetched = "fetched" if server.is_fetched() else "not fetched"
        typer.echo(
            f"no LanguageTool server started by brieflint ({server.DEFAULT_VERSION} {fetched})"
        )
    raise typer.Exit(0 if ok else 1)


@app.command("stop")
def stop(
    port: int = typer.Option(server.DEFAULT_PORT, "--port", help="Port of the server to stop."),
) -> None:
    """Stop the LanguageTool server that `serve --detach` started on this port.

    Exit 0 when it stopped one, 1 when none was running there (as `status` exits 1).

    Example:  brieflint languagetool stop --port 8081
    """
    if server.stop(port):
        typer.echo(f"stopped LanguageTool at {server.url_for(port)}")
        return
    typer.echo(f"no LanguageTool server started by brieflint on port {port}")
    raise typer.Exit(1)
