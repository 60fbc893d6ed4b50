"""``brieflint baseline``: record an archive's current findings so that ``check`` shows new ones."""

from __future__ import annotations

from pathlib import Path

import typer

from brieflint import display, session
from brieflint.baseline import DEFAULT_FILE, dumps, entries, root_of
from brieflint.reporters import write_report

app = typer.Typer(
    help=(
        "Record existing findings so that `check --baseline` reports only new ones.\n\n"
        "Example:  brieflint baseline create briefs/ && brieflint check briefs/ --baseline "
        ".brieflint-baseline.json"
    ),
    no_args_is_help=True,
)

CREATE_HELP = """Write every current finding to a baseline file (default .brieflint-baseline.json).

Fingerprints do not use line numbers: a recorded finding stays recorded when lines are added or
removed elsewhere. Re-run to shrink the baseline once findings are fixed. Exit code 0, or 2 on a
usage, config or input error.

Example:  brieflint baseline create briefs/

then:     brieflint check briefs/ --baseline .brieflint-baseline.json
"""


@app.command("create", help=CREATE_HELP)
def create(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint."),
    output: Path = typer.Option(
        Path(DEFAULT_FILE), "--output", "-o", help="The baseline file to write."
    ),
    style: str = typer.Option(None, "--style", help="House style: a built-in name or a folder."),
    config: Path = typer.Option(None, "--config", help="Use this config file (no discovery)."),
    select: list[str] = typer.Option(
        [], "--select", help="Only these rules (id prefixes; comma list or repeated)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", help="Skip these rules (id prefixes; comma list or repeated)."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel processes (0: every core)."),
    languagetool: str = typer.Option(
        None,
        "--languagetool",
        help="Grammar via LanguageTool: off | optional (warn when unreachable) | required.",
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the cache."),
) -> None:
    options = session.options(
        config=config,
        style=style,
        select=select,
        ignore=ignore,
        jobs=jobs,
        languagetool=languagetool,
        no_cache=no_cache,
        keep_text=True,
    )
    run = session.Session(options).lint(
        paths or ["."],
        show_progress=lambda files, lt: session.wants_progress(["text"], False, files, lt),
    )
    if run.errors:
        for message in run.errors:
            typer.echo(display.error_line(message), err=True)
        typer.echo(f"brieflint: {output} not written", err=True)
        raise typer.Exit(2)
    items = entries(run.report.findings, run.report.texts, root_of(output))
    write_report(output, dumps(items))
    typer.echo(f"wrote {len(items)} finding(s) from {run.report.files} file(s) to {output}")
