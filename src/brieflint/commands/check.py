"""``brieflint check``: lint drafts and report findings."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from brieflint import display, reporters, session, shard
from brieflint.errors import BrieflintError
from brieflint.report import Report

HELP = """Lint drafts (files, folders, or - for standard input).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error.

Example:  brieflint check briefs/ --style secureblacksea --format sarif --output lint.sarif

Example:  brieflint check briefs/ --changed-since origin/main --baseline .brieflint-baseline.json

Example:  brieflint check briefs/ -f text -o - -f html -o report.html

Example:  brieflint check briefs/ --shard 2/4 -f sarif -o shard-2.sarif   (then `report merge`)
"""

# formats that show or fingerprint the drafts' text: the runner keeps it for them
NEEDS_TEXT = frozenset({"html", "codequality"})


def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint; - reads stdin."),
    format: list[str] = typer.Option(
        ["text"],
        "--format",
        "-f",
        help="Output format (repeatable): text, json, sarif, github, junit, codequality, html, "
        "docx (a reviewed copy of each .docx, with --output), pdf (an annotated copy of each PDF, "
        "with --output).",
    ),
    output: list[Path] = typer.Option(
        [],
        "--output",
        "-o",
        help="Write the report to FILE (one per --format, in order; - is stdout).",
    ),
    fail_on: str = typer.Option(
        None, "--fail-on", help="Lowest severity that fails the run: error|warning|info|never."
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    stdin_filename: str = typer.Option(
        None, "--stdin-filename", help="Name for text read from - (picks Markdown or text)."
    ),
    languagetool: str = typer.Option(
        None,
        "--languagetool",
        help="Grammar via LanguageTool: off | optional (warn when unreachable) | required.",
    ),
    grammar: str = typer.Option(
        None,
        "--grammar",
        help="Grammar backend: harper (offline, the harper extra) | languagetool | off.",
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the cache."),
    baseline_file: Path = typer.Option(
        None,
        "--baseline",
        help="Report only findings not recorded in this baseline file "
        "(see `brieflint baseline create`).",
    ),
    changed_since: str = typer.Option(
        None,
        "--changed-since",
        metavar="REV",
        help="Check only drafts changed since the git revision REV (committed since the merge "
        "base, uncommitted, or untracked), among the paths given.",
    ),
    max_draft_mb: float = typer.Option(
        None,
        "--max-draft-mb",
        metavar="MB",
        help="Refuse drafts larger than this many MB (default: the config's max_draft_mb, 10).",
    ),
    shard_of: str = typer.Option(
        None,
        "--shard",
        metavar="I/N",
        help="Check only the I-th of N parts of the drafts (a split by path, the same on every "
        "machine), for a CI matrix; combine the reports with `brieflint report merge`.",
    ),
) -> None:
    part = shard.parse(shard_of) if shard_of is not None else None
    for name in format:
        if name not in reporters.REPORTERS:
            raise BrieflintError(
                f"unknown format {name!r} (choose from {', '.join(reporters.REPORTERS)})",
                key="--format",
            )
    if output and len(output) != len(format):
        raise BrieflintError("give one --output per --format", key="--output")
    for index, name in enumerate(format):
        if reporters.REPORTERS[name].copies is None:
            continue
        if not output or str(output[index]) == "-":
            raise BrieflintError(
                f"--format {name} writes a copy of the draft: name it with --output", key="--output"
            )
        if paths and "-" in paths:
            raise BrieflintError(
                f"--format {name} needs the draft as a file, not standard input", key="--format"
            )
    if fail_on is not None and fail_on not in session.FAIL_ON:
        raise BrieflintError(
            f"--fail-on must be one of {', '.join(session.FAIL_ON)}", key="--fail-on"
        )
    options = session.options(
        config=config,
        style=style,
        select=select,
        ignore=ignore,
        jobs=jobs,
        languagetool=languagetool,
        grammar=grammar,
        no_cache=no_cache,
        keep_text=baseline_file is not None
        or any(name in NEEDS_TEXT or reporters.REPORTERS[name].copies for name in format),
        stdin_filename=stdin_filename,
        max_draft_mb=max_draft_mb,
    )
    if changed_since is not None and not changed_since.strip():
        raise BrieflintError("give a git revision", key="--changed-since")
    run = session.Session(options).lint(
        paths or ["."],
        changed_since=changed_since,
        show_progress=lambda files, grammar: session.wants_progress(format, quiet, files, grammar),
        part=part,
    )
    report = run.report
    report.fail_on = session.fail_on(run.setup, fail_on)
    if baseline_file is not None:
        from brieflint import baseline

        report.findings, known = baseline.apply(baseline_file, report.findings, report.texts)
        if known and not quiet:
            print(
                f"brieflint: {known} finding(s) recorded in {baseline_file} not shown",
                file=sys.stderr,
            )
    for index, name in enumerate(format):
        info = reporters.REPORTERS[name]
        destination = output[index] if output and str(output[index]) != "-" else None
        if info.copies is not None and destination is not None:
            if not run.errors:  # a draft that could not be read: nothing is written
                _write_copies(name, report, destination, quiet)
            continue
        color = destination is None and not info.machine and sys.stdout.isatty()
        if destination is not None:
            reporters.write_report(destination, reporters.chunks(name, report, color))
        elif quiet and name == "text":
            text = reporters.render(name, report, color)
            sys.stdout.write(text.rsplit("\n", 2)[0] + "\n" if report.findings else "")
        else:
            sys.stdout.writelines(reporters.chunks(name, report, color))
    for message in run.errors:
        print(display.error_line(message), file=sys.stderr)
    if run.errors:
        raise typer.Exit(2)
    raise typer.Exit(run.exit_code(fail_on))


def _write_copies(name: str, report: Report, destination: Path, quiet: bool) -> None:
    for draft, copy, notes in reporters.write_copies(name, report, destination):
        if not quiet:
            shown = display.for_terminal(str(copy))
            print(
                f"brieflint: {display.for_terminal(draft)}: {notes} comment(s) in {shown}",
                file=sys.stderr,
            )
