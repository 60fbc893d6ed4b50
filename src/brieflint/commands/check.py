"""``brieflint check``: lint drafts and report findings."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import typer

from brieflint import backends, discover, reporters, ruleset, runner, sources
from brieflint.atomic import write_text
from brieflint.config import DEFAULT_INCLUDE, require_file
from brieflint.errors import BrieflintError
from brieflint.report import Report

HELP = """Lint drafts (files, folders, or - for standard input).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error.

Example:  brieflint check briefs/ --style secureblacksea --format sarif --output lint.sarif

Example:  brieflint check briefs/ --changed-since origin/main --baseline .brieflint-baseline.json

Example:  brieflint check briefs/ -f text -o - -f html -o report.html
"""

FAIL_ON = ("error", "warning", "info", "never")
# formats that show or fingerprint the drafts' text: the runner keeps it for them
NEEDS_TEXT = frozenset({"html", "codequality"})
# a progress bar is shown (on a terminal) from this many drafts, or whenever LanguageTool runs
PROGRESS_MIN_FILES = 20


@dataclass
class Run:
    """What linting produced, before any reporter sees it."""

    report: Report
    errors: list[str]
    setup: ruleset.Setup  # the first target's setup: its config gives the default --fail-on


def runner_options(
    *,
    config: Path | None,
    style: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    jobs: int,
    languagetool: str | None,
    no_cache: bool,
    keep_text: bool,
    stdin_filename: str | None = None,
    max_draft_mb: float | None = None,
) -> runner.Options:
    """The runner's options from the flags `check` and `baseline create` share, validated."""
    if languagetool is not None and languagetool not in ("off", "optional", "required"):
        raise BrieflintError(
            "--languagetool must be off, optional or required", key="--languagetool"
        )
    if jobs < 0:
        raise BrieflintError("--jobs must be 0 or more", key="--jobs")
    sources.check_option(max_draft_mb)
    if config is not None:
        require_file(config)
    return runner.Options(
        config_path=config,
        style=style,
        select=select,
        ignore=ignore,
        jobs=jobs or cpu_count(),
        stdin_filename=stdin_filename,
        languagetool=languagetool,
        use_cache=not no_cache,
        keep_text=keep_text,
        max_draft_mb=max_draft_mb,
    )


def _stdin_path() -> str:
    return str(Path.cwd() / "stdin")


def collect_jobs(
    targets: Sequence[str],
    cache: runner.SetupCache,
    stdin_filename: str | None,
    changed_since: str | None = None,
) -> list[runner.Job]:
    """The drafts to lint under ``targets``; with ``changed_since``, only those changed since."""
    changed: dict[Path, frozenset[Path]] = {}
    jobs_list: list[runner.Job] = []
    for raw in targets:
        explicit = not Path(raw).is_dir() or raw == "-"
        setup = cache.setup_for(raw if raw != "-" else _stdin_path())
        cfg = setup.loaded.config
        include = cfg.include or list(DEFAULT_INCLUDE)
        found_list = discover.expand([raw], include, cfg.exclude)
        if changed_since is not None and raw != "-":
            from brieflint.changed import changed_files

            folder = Path(raw) if Path(raw).is_dir() else Path(raw).parent
            folder = folder.resolve()
            if folder not in changed:
                changed[folder] = changed_files(changed_since, folder)
            found_list = [f for f in found_list if Path(f).resolve() in changed[folder]]
        for found in found_list:
            display = stdin_filename or "-" if found == "-" else found
            jobs_list.append(runner.Job(display=display, source=found, explicit=explicit))
    return jobs_list


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[int], None]]:
    """A transient progress bar on standard error."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("checking drafts"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("check", total=total)
        yield lambda n: bar.advance(task, n)


def wants_progress(formats: Sequence[str], quiet: bool, files: int, languagetool: bool) -> bool:
    """A progress bar only on a terminal, for people's formats, and for long runs."""
    if quiet or any(reporters.REPORTERS[name].machine for name in formats):
        return False
    if not sys.stderr.isatty():
        return False
    return files >= PROGRESS_MIN_FILES or (languagetool and files > 0)


def lint(
    targets: Sequence[str],
    options: runner.Options,
    *,
    changed_since: str | None = None,
    show_progress: Callable[[int, bool], bool] | None = None,
) -> Run:
    """Lint ``targets`` as ``check`` does; ``show_progress(files, languagetool)`` says whether
    to show a progress bar."""
    started = time.perf_counter()
    cache = runner.SetupCache(options)
    jobs_list = collect_jobs(targets, cache, options.stdin_filename, changed_since)
    first_setup = cache.setup_for(targets[0] if targets[0] != "-" else _stdin_path())
    grammar = first_setup.context.config.languagetool.mode != "off"
    if show_progress is not None and show_progress(len(jobs_list), grammar):
        with _progress_bar(len(jobs_list)) as advance:
            results = runner.run(jobs_list, options, progress=advance, cache=cache)
    else:
        results = runner.run(jobs_list, options, cache=cache)
    for r in results:
        if r.skipped:
            print(f"brieflint: skipped {r.skipped}", file=sys.stderr)
    report = Report(
        findings=[f for r in results for f in r.findings],
        files=sum(1 for r in results if r.error is None and r.skipped is None),
        rules={rid: rule.spec for rid, rule in first_setup.base.items()},
        seconds=time.perf_counter() - started,
        backends=backends.describe(first_setup),
        texts={r.path: r.text for r in results if r.text is not None},
    )
    return Run(report, [r.error for r in results if r.error], first_setup)


def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint; - reads stdin."),
    format: list[str] = typer.Option(
        ["text"],
        "--format",
        "-f",
        help="Output format (repeatable): text, json, sarif, github, junit, codequality, html.",
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
) -> None:
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
    options = runner_options(
        config=config,
        style=style,
        select=select,
        ignore=ignore,
        jobs=jobs,
        languagetool=languagetool,
        no_cache=no_cache,
        keep_text=baseline_file is not None or any(name in NEEDS_TEXT for name in format),
        stdin_filename=stdin_filename,
        max_draft_mb=max_draft_mb,
    )
    if changed_since is not None and not changed_since.strip():
        raise BrieflintError("give a git revision", key="--changed-since")
    run = lint(
        paths or ["."],
        options,
        changed_since=changed_since,
        show_progress=lambda files, grammar: wants_progress(format, quiet, files, grammar),
    )
    report = run.report
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
        color = destination is None and not info.machine and sys.stdout.isatty()
        text = reporters.render(name, report, color)
        if destination is not None:
            write_report(destination, text)
        elif quiet and name == "text":
            sys.stdout.write(text.rsplit("\n", 2)[0] + "\n" if report.findings else "")
        else:
            sys.stdout.write(text)
    for message in run.errors:
        print(f"brieflint: error: {message}", file=sys.stderr)
    if run.errors:
        raise typer.Exit(2)
    effective = fail_on or run.setup.loaded.config.fail_on
    raise typer.Exit(report.exit_code(effective))


def write_report(destination: Path, text: str) -> None:
    """Write one report file, creating its folder (CI jobs often name e.g. ``reports/x.xml``)."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_text(destination, text)
    except OSError as exc:
        raise BrieflintError(
            f"cannot write the report: {exc.strerror or exc}", path=str(destination)
        ) from None


def cpu_count() -> int:
    import os

    return os.cpu_count() or 1
