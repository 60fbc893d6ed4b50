"""``brieflint report``: work on reports that ``check`` wrote (``merge``: a sharded run's parts)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from brieflint import merging
from brieflint.errors import BrieflintError
from brieflint.merging.parts import FAIL_ON
from brieflint.reporters import write_report

app = typer.Typer(
    help=(
        "Work on reports written by `check`.\n\n"
        "Example:  brieflint report merge shard-*.sarif -o brieflint.sarif"
    ),
    no_args_is_help=True,
)

MERGE_HELP = """Merge the JSON, SARIF or JUnit reports of `check --shard I/N` into one report.

The reports must be of one format (recognised, or given with --format), from one brieflint
version and configuration, and no draft may be in two of them; reports of shards must be every
shard of one N. The merged report is what one `check` of all the drafts would have written (up to
order and timing). Exit codes: 0 no finding at or above --fail-on (default: the threshold the
shards ran with, else error), 1 findings at or above it, 2 a report that is not one, or reports
that do not add up.

Example:  brieflint report merge shard-1.sarif shard-2.sarif shard-3.sarif -o brieflint.sarif

Example:  brieflint report merge reports/*.json --fail-on warning -o merged.json
"""


@app.command("merge", help=MERGE_HELP)
def merge(
    reports: list[str] = typer.Argument(..., help="The report files to merge."),
    format: str = typer.Option(
        None, "--format", "-f", help="The reports' format: json, sarif or junit (default: found)."
    ),
    output: Path = typer.Option(
        None, "--output", "-o", help="Write the merged report to FILE (default, or -: stdout)."
    ),
    fail_on: str = typer.Option(
        None, "--fail-on", help="Lowest severity that fails: error|warning|info|never."
    ),
) -> None:
    if format is not None and format not in merging.FORMATS:
        raise BrieflintError(
            f"unknown format {format!r} (choose from {', '.join(merging.FORMATS)})",
            key="--format",
        )
    if fail_on is not None and fail_on not in FAIL_ON:
        raise BrieflintError(f"--fail-on must be one of {', '.join(FAIL_ON)}", key="--fail-on")
    merged = merging.merge(reports, format, fail_on)
    if output is not None and str(output) != "-":
        write_report(output, merged.text)
        print(
            f"brieflint: merged {merged.reports} {merged.format} report(s) into {output}",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(merged.text)
    raise typer.Exit(1 if merged.failing else 0)
