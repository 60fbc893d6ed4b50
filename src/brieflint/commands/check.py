"""``brieflint check``: lint drafts and report findings."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from brieflint import backends, discover, reporters, runner
from brieflint.atomic import write_text
from brieflint.config import DEFAULT_INCLUDE
from brieflint.errors import BrieflintError
from brieflint.report import Report

HELP = """Lint drafts (files, folders, or - for standard input).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error.

Example:  brieflint check briefs/ --style secureblacksea --format sarif --output lint.sarif
"""

FAIL_ON = ("error", "warning", "info", "never")


def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint; - reads stdin."),
    format: list[str] = typer.Option(
        ["text"], "--format", "-f", help="Output format (repeatable): text, json, sarif, github."
    ),
    output: list[Path] = typer.Option(
        [], "--output", "-o", help="Write the report to FILE (one per --format, in order)."
    ),
    fail_on: str = typer.Option(
        None, "--fail-on", help="Lowest severity that fails the run: error|warning|info|never."
    ),
    style: str = typer.Option(None, "--style", help="House style: a built-in name or a folder."),
    config: Path = typer.Option(None, "--config", help="Use this config file (no discovery)."),
    select: list[str] = typer.Option([], "--select", help="Only these rules (id prefix)."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these rules (id prefix)."),
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
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the cache."),
) -> None:
    started = time.perf_counter()
    for name in format:
        if name not in reporters.REPORTERS:
            raise BrieflintError(
                f"unknown format {name!r} (choose from {', '.join(reporters.REPORTERS)})",
                key="--format",
            )
    if output and len(output) != len(format):
        raise BrieflintError("give one --output per --format", key="--output")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise BrieflintError(f"--fail-on must be one of {', '.join(FAIL_ON)}", key="--fail-on")
    if languagetool is not None and languagetool not in ("off", "optional", "required"):
        raise BrieflintError(
            "--languagetool must be off, optional or required", key="--languagetool"
        )
    if jobs < 0:
        raise BrieflintError("--jobs must be 0 or more", key="--jobs")
    if config is not None and not config.is_file():
        raise BrieflintError("config file not found", path=str(config))
    options = runner.Options(
        config_path=config,
        style=style,
        select=select,
        ignore=ignore,
        jobs=jobs or _cpu_count(),
        stdin_filename=stdin_filename,
        languagetool=languagetool,
        use_cache=not no_cache,
    )
    cache = runner.SetupCache(options)
    targets = paths or ["."]
    jobs_list: list[runner.Job] = []
    for raw in targets:
        explicit = not Path(raw).is_dir() or raw == "-"
        setup = cache.setup_for(raw if raw != "-" else str(Path.cwd() / "stdin"))
        cfg = setup.loaded.config
        include = cfg.include or list(DEFAULT_INCLUDE)
        for found in discover.expand([raw], include, cfg.exclude):
            display = stdin_filename or "-" if found == "-" else found
            jobs_list.append(runner.Job(display=display, source=found, explicit=explicit))
    results = runner.run(jobs_list, options)
    findings = [f for r in results for f in r.findings]
    errors = [r.error for r in results if r.error]
    for r in results:
        if r.skipped:
            print(f"brieflint: skipped {r.skipped}", file=sys.stderr)
    first_setup = cache.setup_for(targets[0] if targets[0] != "-" else str(Path.cwd() / "stdin"))
    report = Report(
        findings=findings,
        files=sum(1 for r in results if r.error is None and r.skipped is None),
        rules={rid: rule.spec for rid, rule in first_setup.base.items()},
        seconds=time.perf_counter() - started,
        backends=backends.describe(first_setup),
    )
    for index, name in enumerate(format):
        info = reporters.REPORTERS[name]
        destination = output[index] if output else None
        color = destination is None and not info.machine and sys.stdout.isatty()
        text = reporters.render(name, report, color)
        if destination is not None:
            write_text(destination, text)
        elif quiet and name == "text":
            sys.stdout.write(text.rsplit("\n", 2)[0] + "\n" if findings else "")
        else:
            sys.stdout.write(text)
    for message in errors:
        print(f"brieflint: error: {message}", file=sys.stderr)
    if errors:
        raise typer.Exit(2)
    effective = fail_on or first_setup.loaded.config.fail_on
    raise typer.Exit(report.exit_code(effective))


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1
