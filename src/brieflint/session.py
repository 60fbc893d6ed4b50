"""One lint session: every command that lints (``check``, ``fix``, ``baseline create``, ``review
submit``/``gate``) asks it for the drafts to lint, their setups, a run and a verdict.

A session is built from the command line (``options`` validates the flags the commands share)
and resolves each configuration file once. The pass/fail threshold is ``Report.exit_code``'s, and
``fail_on`` says which threshold applies: the command line's, else the configuration's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from brieflint import (
    backends,
    discover,
    display,
    engine,
    reporters,
    ruleset,
    runner,
    shard,
    sources,
)
from brieflint.config import DEFAULT_INCLUDE, GRAMMAR_CHOICES, require_file
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.report import Report, ShardRecord

FAIL_ON = ("error", "warning", "info", "never")
LANGUAGETOOL_MODES = ("off", "optional", "required")
GRAMMAR_BACKENDS = GRAMMAR_CHOICES
# a progress bar is shown (on a terminal) from this many drafts, or whenever LanguageTool runs
PROGRESS_MIN_FILES = 20


def options(
    *,
    config: Path | None,
    style: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int = 1,
    languagetool: str | None = None,
    no_cache: bool = False,
    keep_text: bool = False,
    stdin_filename: str | None = None,
    grammar: str | None = None,
    max_draft_mb: float | None = None,
) -> runner.Options:
    """The session's options from the flags the commands share, validated (``jobs`` 0: every
    core)."""
    if languagetool is not None and languagetool not in LANGUAGETOOL_MODES:
        raise BrieflintError(
            "--languagetool must be off, optional or required", key="--languagetool"
        )
    if grammar is not None and grammar not in GRAMMAR_BACKENDS:
        raise BrieflintError("--grammar must be harper, languagetool or off", key="--grammar")
    if jobs < 0:
        raise BrieflintError("--jobs must be 0 or more", key="--jobs")
    sources.check_option(max_draft_mb)
    if config is not None:
        require_file(config)
    return runner.Options(
        config_path=config,
        build=ruleset.BuildOptions(
            style=style,
            select=split_list(select),
            ignore=split_list(ignore),
            languagetool=languagetool,
            grammar=grammar,
            use_cache=not no_cache,
            max_draft_mb=max_draft_mb,
        ),
        jobs=jobs or cpu_count(),
        stdin_filename=stdin_filename,
        keep_text=keep_text,
    )


def split_list(values: Sequence[str]) -> tuple[str, ...]:
    """``--select prose,ocr --select spelling`` → (prose, ocr, spelling): comma lists, as ruff."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fail_on(setup: ruleset.Setup, chosen: str | None = None) -> str:
    """The lowest severity that fails: the command line's ``chosen``, else the config's."""
    return chosen or setup.loaded.config.fail_on


def passes(findings: Iterable[Finding], threshold: str) -> bool:
    """Whether ``findings`` pass at ``threshold`` (``Report.exit_code`` is the one rule)."""
    return Report(findings=list(findings), files=0).exit_code(threshold) == 0


@dataclass
class Run:
    """What linting produced, before any reporter sees it."""

    report: Report
    errors: list[str]
    setup: ruleset.Setup  # the first target's setup: its config gives the default --fail-on

    def exit_code(self, chosen: str | None = None) -> int:
        """1 when findings reach the threshold (the command line's, else the config's)."""
        return self.report.exit_code(fail_on(self.setup, chosen))


class Session:
    """The setups, drafts and runs of one command invocation."""

    def __init__(self, options: runner.Options) -> None:
        self.options = options
        self.setups = runner.SetupCache(options)

    def setup_for(self, target: str) -> ruleset.Setup:
        """The setup of a file or folder (``-``: standard input, configured as the cwd)."""
        return self.setups.setup_for(target if target != "-" else _stdin_path())

    def jobs(
        self,
        targets: Sequence[str],
        changed_since: str | None = None,
        part: shard.Shard | None = None,
    ) -> list[runner.Job]:
        """The drafts to lint under ``targets``; with ``changed_since``, only those changed
        since; with ``part``, only those of that shard."""
        changed: dict[Path, frozenset[Path]] = {}
        keys = shard.Keys() if part is not None else None
        stdin_name = self.options.stdin_filename
        jobs_list: list[runner.Job] = []
        for raw in targets:
            explicit = not Path(raw).is_dir() or raw == "-"
            cfg = self.setup_for(raw).loaded.config
            include = cfg.include or list(DEFAULT_INCLUDE)
            found_list = discover.expand([raw], include, cfg.exclude)
            if changed_since is not None and raw != "-":
                from brieflint.changed import changed_files

                folder = Path(raw) if Path(raw).is_dir() else Path(raw).parent
                folder = folder.resolve()
                if folder not in changed:
                    changed[folder] = changed_files(changed_since, folder)
                found_list = [f for f in found_list if Path(f).resolve() in changed[folder]]
            if part is not None and keys is not None:
                if raw == "-":
                    message = "cannot split standard input (-) into shards"
                    raise BrieflintError(message, key="--shard")
                found_list = shard.select(found_list, raw, part, keys)
            for found in found_list:
                display = (stdin_name or "-") if found == "-" else found
                jobs_list.append(runner.Job(display=display, source=found, explicit=explicit))
        return jobs_list

    def lint_one(
        self,
        job: runner.Job,
        text: str | None = None,
        setup: ruleset.Setup | None = None,
        data: bytes | None = None,
    ) -> runner.FileResult:
        """Lint one draft (``text``, or the file's bytes ``data``: instead of reading it) with
        its setup (or ``setup``: one the caller resolved, as the review gate does with the base
        commit's configuration)."""
        chosen = setup if setup is not None else self.setup_for(job.source)
        return runner.lint_job(job, chosen, text=text, keep_text=self.options.keep_text, data=data)

    def lint(
        self,
        targets: Sequence[str],
        *,
        changed_since: str | None = None,
        show_progress: Callable[[int, bool], bool] | None = None,
        part: shard.Shard | None = None,
    ) -> Run:
        """Lint ``targets`` as ``check`` does (``part``: only that shard's drafts);
        ``show_progress(files, languagetool)`` says whether to show a progress bar."""
        started = time.perf_counter()
        jobs_list = self.jobs(targets, changed_since, part)
        first_setup = self.setup_for(targets[0])
        grammar = first_setup.context.languagetool.mode != "off"
        if show_progress is not None and show_progress(len(jobs_list), grammar):
            with _progress_bar(len(jobs_list)) as advance:
                results = runner.run(jobs_list, self.options, progress=advance, cache=self.setups)
        else:
            results = runner.run(jobs_list, self.options, cache=self.setups)
        for r in results:
            if r.skipped:
                print(f"brieflint: skipped {display.for_terminal(r.skipped)}", file=sys.stderr)
        report = Report(
            findings=[f for r in results for f in r.findings],
            files=sum(1 for r in results if r.error is None and r.skipped is None),
            rules={rid: rule.spec for rid, rule in first_setup.base.items()},
            seconds=time.perf_counter() - started,
            backends=backends.describe(first_setup),
            texts={r.path: r.text for r in results if r.text is not None},
        )
        if part is not None:
            report.shard = ShardRecord(
                index=part.index,
                count=part.count,
                files=tuple(job.display for job in jobs_list),
                config=shard.config_digest(first_setup, report.backends),
            )
        return Run(report, [r.error for r in results if r.error], first_setup)


def rule_findings(doc: Document, rule: ruleset.ActiveRule, setup: ruleset.Setup) -> list[Finding]:
    """One rule's findings in ``doc``, before the passes over every finding: for the language
    server, which lints the paragraphs an edit touched and joins their findings with the rest."""
    return engine.rule_findings(doc, rule, setup)


def reported(
    doc: Document,
    findings: list[Finding],
    rules: Sequence[ruleset.ActiveRule],
    setup: ruleset.Setup,
) -> list[Finding]:
    """The rules' ``findings`` in ``doc`` as ``check`` reports them (one per defect, suppression
    comments applied, post-pass findings added)."""
    return engine.finish(doc, findings, rules, setup)


def _stdin_path() -> str:
    return str(Path.cwd() / "stdin")


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


def cpu_count() -> int:
    import os

    return os.cpu_count() or 1
