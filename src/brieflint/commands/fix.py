"""``brieflint fix``: apply the safe fixes rules offer, in place, atomically."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import typer

from brieflint import display, runner, session
from brieflint.atomic import failure, write_bytes
from brieflint.decode import BinaryFileError
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.fixer import FixResult, encode_like, fix_text

HELP = """Apply safe fixes (homoglyphs, invisible characters, ligatures, broken words and
paragraphs, page furniture, spacing, known misspellings) to drafts, in place.

Only fixes a rule is certain of are applied; everything else stays a finding for `check`.
Exit codes: 0 nothing to change, 1 something was (or, with --diff/--dry-run, would be) changed,
2 usage/config/input error.

Example:  brieflint fix briefs/ --select ocr --diff
"""


def command(
    paths: list[str] = typer.Argument(None, help="Files or folders to fix; - reads stdin."),
    select: list[str] = typer.Option(
        [], "--select", help="Only these rules (id prefixes; comma list or repeated)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", help="Skip these rules (id prefixes; comma list or repeated)."
    ),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff; write nothing."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change; write nothing."),
    style: str = typer.Option(None, "--style", help="House style: a built-in name or a folder."),
    config: Path = typer.Option(None, "--config", help="Use this config file (no discovery)."),
    stdin_filename: str = typer.Option(
        None, "--stdin-filename", help="Name for text read from - (picks Markdown or text)."
    ),
    max_draft_mb: float = typer.Option(
        None,
        "--max-draft-mb",
        metavar="MB",
        help="Refuse drafts larger than this many MB (default: the config's max_draft_mb, 10).",
    ),
) -> None:
    options = session.options(
        config=config,
        style=style,
        select=select,
        ignore=ignore,
        stdin_filename=stdin_filename,
        languagetool="off",  # fixes come from brieflint's own rules; no server needed
        grammar="off",  # nor Harper, whose findings carry suggestions, never fixes
        max_draft_mb=max_draft_mb,
    )
    lint_session = session.Session(options)
    changed = 0
    errors: list[str] = []
    for job in lint_session.jobs(paths or ["."]):
        try:
            changed += _fix_one(job, lint_session, diff=diff, dry_run=dry_run)
        except BinaryFileError as exc:
            if job.explicit:
                errors.append(str(exc))
        except BrieflintError as exc:
            errors.append(str(exc))
    for message in errors:
        print(display.error_line(message), file=sys.stderr)
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if changed else 0)


def _fix_one(job: runner.Job, lint_session: session.Session, *, diff: bool, dry_run: bool) -> int:
    """Fix one draft; 1 when it changed (or would), else 0."""
    stdin = job.source == "-"
    text = runner.read_source(job, lint_session.setup_for(job.source).max_draft_mb)
    head = b"" if stdin else _head(job)  # the byte-order mark to write back, if any

    def lint(current: str) -> list[Finding]:
        result = lint_session.lint_one(job, text=current)
        if result.error:
            raise BrieflintError(result.error)
        return result.findings

    result = fix_text(text, lint)
    if diff:
        _print_diff(job.display, text, result)
    elif stdin:
        sys.stdout.write(result.text)
    elif result.changed and not dry_run:
        try:
            write_bytes(Path(job.source), encode_like(head, result.text))
        except OSError as exc:
            raise BrieflintError(
                f"cannot write the fixed draft: {failure(exc)}; the draft is unchanged",
                path=job.display,
            ) from None
    if result.changed and not diff:
        verb = "would fix" if dry_run else "fixed"
        rules = sorted({f.rule for f in result.applied})
        print(
            f"{display.for_terminal(job.display)}: {verb} {len(result.applied)} finding(s) "
            f"({', '.join(rules)})",
            file=sys.stderr,
        )
    return 1 if result.changed else 0


def _head(job: runner.Job) -> bytes:
    with Path(job.source).open("rb") as handle:
        return handle.read(4)


def _print_diff(name: str, before: str, result: FixResult) -> None:
    if not result.changed:
        return
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        result.text.splitlines(keepends=True),
        fromfile=f"a/{display.for_terminal(name)}",
        tofile=f"b/{display.for_terminal(name)}",
    )
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        sys.stdout.write(line)
