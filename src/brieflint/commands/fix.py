"""``brieflint fix``: apply the fixes rules offer (safe ones only, unless asked), in place,
atomically."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import typer

from brieflint import display, fixdiff, runner, session
from brieflint.atomic import failure, write_bytes
from brieflint.decode import BinaryFileError
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.fixer import FixResult, encode_like, fix_text

HELP = """Apply safe fixes (look-alike letters, invisible characters, ligatures, line-end
hyphenation, spacing, known misspellings) to drafts, in place.

Every fix is safe (certain whatever the context) or unsafe (probably right; a person should
look): `brieflint rules` and `brieflint rules show ID` say which. Only safe fixes are applied,
unless --unsafe-fixes is given. Exit codes: 0 nothing to change, 1 something was (or, with
--diff/--dry-run, would be) changed, 2 usage/config/input error.

Example:  brieflint fix briefs/ --select ocr --diff
"""


@dataclass(frozen=True)
class _Mode:
    diff: bool
    dry_run: bool
    unsafe: bool
    show_fixes: bool
    color: bool
    track: bool = True  # .docx: tracked changes (False: --no-track)


def command(
    paths: list[str] = typer.Argument(None, help="Files or folders to fix; - reads stdin."),
    select: list[str] = typer.Option(
        [], "--select", help="Only these rules (id prefixes; comma list or repeated)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", help="Skip these rules (id prefixes; comma list or repeated)."
    ),
    diff: bool = typer.Option(
        False, "--diff", help="Print the changed words with their rules; write nothing."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change; write nothing."),
    unsafe_fixes: bool = typer.Option(
        False, "--unsafe-fixes", help="Apply unsafe fixes too (probably right; check them)."
    ),
    show_fixes: bool = typer.Option(
        False, "--show-fixes", help="List the fixes applied (or, with --dry-run, to apply)."
    ),
    no_track: bool = typer.Option(
        False,
        "--no-track",
        help="Word .docx: apply fixes directly instead of as tracked changes by brieflint.",
    ),
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
    mode = _Mode(diff, dry_run, unsafe_fixes, show_fixes, sys.stdout.isatty(), not no_track)
    withheld = 0
    for job in lint_session.jobs(paths or ["."]):
        try:
            result = _fix_one(job, lint_session, mode)
            changed += result.changed
            withheld += len(result.withheld)
        except BinaryFileError as exc:
            if job.explicit:
                errors.append(str(exc))
        except BrieflintError as exc:
            errors.append(str(exc))
    if withheld and not unsafe_fixes:
        print(
            f"{withheld} more fix(es) available with --unsafe-fixes "
            "(check them: `brieflint fix --unsafe-fixes --diff`)",
            file=sys.stderr,
        )
    for message in errors:
        print(display.error_line(message), file=sys.stderr)
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if changed else 0)


def _fix_one(job: runner.Job, lint_session: session.Session, mode: _Mode) -> FixResult:
    """Fix one draft (or say how it would be fixed)."""
    if runner.reader_of(job).name == "docx":
        return _fix_docx(job, lint_session, mode)
    if runner.reader_of(job).name == "pdf":  # skipped in a folder, an error when named
        raise BinaryFileError(
            "a PDF is not fixed in place: fix the document it was made from "
            "(`brieflint check --format pdf -o FILE` marks every finding in a copy)",
            path=job.display,
        )
    stdin = job.source == "-"
    text = runner.read_source(job, lint_session.setup_for(job.source).max_draft_mb)
    head = b"" if stdin else _head(job)  # the byte-order mark to write back, if any

    def lint(current: str) -> list[Finding]:
        result = lint_session.lint_one(job, text=current)
        if result.error:
            raise BrieflintError(result.error)
        return result.findings

    result = fix_text(text, lint, unsafe=mode.unsafe)
    if mode.diff:
        name = display.for_terminal(job.display)
        sys.stdout.write(fixdiff.render(name, text, result, mode.color))
    elif stdin:
        sys.stdout.write(result.text)
    elif result.changed and not mode.dry_run:
        try:
            write_bytes(Path(job.source), encode_like(head, result.text))
        except OSError as exc:
            raise BrieflintError(
                f"cannot write the fixed draft: {failure(exc)}; the draft is unchanged",
                path=job.display,
            ) from None
    if result.changed and not mode.diff:
        verb = "would fix" if mode.dry_run else "fixed"
        rules = sorted({f.rule for f in result.applied})
        print(
            f"{display.for_terminal(job.display)}: {verb} {len(result.applied)} finding(s) "
            f"({', '.join(rules)})",
            file=sys.stderr,
        )
    if mode.show_fixes and result.changed:
        print(_applied(display.for_terminal(job.display), result), file=sys.stderr, end="")
    return result


def _fix_docx(job: runner.Job, lint_session: session.Session, mode: _Mode) -> FixResult:
    """Fix a Word document: as tracked changes by brieflint (or directly, ``--no-track``),
    written over the file atomically; the edits that a .docx cannot take are reported."""
    from brieflint import docxfix
    from brieflint.word import archive, comments

    if job.source == "-":
        raise BrieflintError("a .docx is fixed as a file, not from standard input", path="-")
    data = runner.read_bytes(job, lint_session.setup_for(job.source).max_draft_mb)
    document = archive.open_document(data, job.display, len(data))

    def lint(current: str) -> list[Finding]:
        result = lint_session.lint_one(job, text=current)
        if result.error:
            raise BrieflintError(result.error)
        return result.findings

    fixed = archive.guarded(
        job.display,
        lambda: docxfix.fix_document(document, lint, track=mode.track, unsafe=mode.unsafe),
    )
    result = fixed.as_text_result()
    name = display.for_terminal(job.display)
    if mode.diff:
        sys.stdout.write(fixdiff.render(name, fixed.text, result, mode.color))
    elif result.changed and not mode.dry_run:
        try:
            write_bytes(
                Path(job.source), archive.guarded(job.display, lambda: comments.save(document))
            )
        except OSError as exc:
            raise BrieflintError(
                f"cannot write the fixed draft: {failure(exc)}; the draft is unchanged",
                path=job.display,
            ) from None
    if result.changed and not mode.diff:
        verb = "would fix" if mode.dry_run else "fixed"
        how = "as tracked changes by brieflint" if mode.track else "directly (--no-track)"
        rules = sorted({f.rule for f in result.applied})
        print(
            f"{name}: {verb} {len(result.applied)} finding(s) {how} ({', '.join(rules)})",
            file=sys.stderr,
        )
    if fixed.unplaced:
        print(
            f"{name}: {len(fixed.unplaced)} fix(es) left for a person: a .docx cannot take them "
            "as they are (across paragraphs, in a note, or in another author's tracked change)",
            file=sys.stderr,
        )
    if mode.show_fixes and result.changed:
        print(_applied(name, result), file=sys.stderr, end="")
    return result


def _head(job: runner.Job) -> bytes:
    with Path(job.source).open("rb") as handle:
        return handle.read(4)


def _applied(name: str, result: FixResult) -> str:
    """Each rule's applied fixes, counted, with their tier and what they do."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for f in result.applied:
        if f.fix is not None:
            counts[(f.rule, f.fix.applicability.value, f.fix.description)] += 1
    lines = [f"{name}:"]
    for (rule, tier, what), n in sorted(counts.items()):
        lines.append(f"  {n} × {rule} ({tier}): {what}")
    return "\n".join(lines) + "\n"
