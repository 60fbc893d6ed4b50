"""``brieflint review``: record editorial decisions in git, show states, gate pull requests."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from brieflint.display import one_line as safe
from brieflint.errors import BrieflintError
from brieflint.review import workflow
from brieflint.review.workflow import Decision

app = typer.Typer(
    help="""Record review decisions on briefs in git, and gate pull requests on them.

Decisions are JSON files under .brieflint/reviews/, bound to the brief's staged git blob;
commit them with the brief. See docs/review.md.

Example:  brieflint review submit briefs/trade.md && git add .brieflint && git commit -m "Submit"
""",
    no_args_is_help=True,
    rich_markup_mode=None,
)

MESSAGE = typer.Option("", "--message", "-m", help="Comment recorded with the decision.")
ROLE = typer.Option(None, "--role", help="Role to act in, when you hold several.")
SIGN_KEY = typer.Option(
    None, "--sign-key", help="SSH key to sign the record with (default: git user.signingkey)."
)


def _record(path: str, decision: Decision) -> None:
    brief = workflow.open_brief(path)
    try:
        done = workflow.record(brief, decision)
    except workflow.LintRefused as exc:
        typer.echo(f"brieflint: {safe(str(exc))}", err=True)
        raise typer.Exit(1) from None
    made, after = done.record, done.state
    rel = done.path.relative_to(brief.repo.root).as_posix()
    for warning in done.warnings:
        typer.echo(f"brieflint: warning: {safe(warning)}", err=True)
    typer.echo(
        safe(f"{brief.rel}: {made.payload.action} recorded ({made.short}); state: {after.state}")
    )
    typer.echo(f"  {safe(rel)}")
    typer.echo("  commit it: git add .brieflint/reviews && git commit")


@app.command(
    "submit",
    help="""Submit a draft for review (draft → in-review). Refuses while lint fails (exit 1),
unless --force with --reason (the reason is recorded).

Example:  brieflint review submit briefs/trade.md
""",
)
def submit(
    path: str = typer.Argument(..., help="The brief."),
    force: bool = typer.Option(False, "--force", help="Submit although lint fails."),
    reason: str = typer.Option("", "--reason", help="Why --force (required with it)."),
    message: str = MESSAGE,
    sign_key: Path = SIGN_KEY,
) -> None:
    if force and not reason.strip():
        raise BrieflintError("--force needs --reason '...'", key="--reason")
    comment = f"forced: {reason.strip()}" if force else message
    if force and message:
        comment += f"\n{message}"
    _record(path, Decision("submit", comment=comment, force=force, sign_key=sign_key))


@app.command(
    "approve",
    help="""Approve the staged content of a brief (clears your own change request).

Example:  brieflint review approve briefs/trade.md -m "Ready"
""",
)
def approve(
    path: str = typer.Argument(..., help="The brief."),
    message: str = MESSAGE,
    role: str = ROLE,
    sign_key: Path = SIGN_KEY,
) -> None:
    _record(path, Decision("approve", comment=message, role=role, sign_key=sign_key))


@app.command(
    "request-changes",
    help="""Request changes; in force until you approve or clear, or an override role clears it.

Example:  brieflint review request-changes briefs/trade.md -m "Source the 12% figure"
""",
)
def request_changes(
    path: str = typer.Argument(..., help="The brief."),
    message: str = typer.Option(..., "--message", "-m", help="What must change."),
    role: str = ROLE,
    sign_key: Path = SIGN_KEY,
) -> None:
    _record(path, Decision("request-changes", comment=message, role=role, sign_key=sign_key))


@app.command(
    "clear",
    help="""Clear a change request: your own, or (override role) another reviewer's with --of.

Example:  brieflint review clear briefs/trade.md --of ed@example.org -m "Handled in review call"
""",
)
def clear(
    path: str = typer.Argument(..., help="The brief."),
    of: list[str] = typer.Option([], "--of", help="Reviewer whose request to clear."),
    message: str = MESSAGE,
    role: str = ROLE,
    sign_key: Path = SIGN_KEY,
) -> None:
    _record(
        path, Decision("clear", comment=message, role=role, clears=tuple(of), sign_key=sign_key)
    )


@app.command(
    "withdraw",
    help="""Withdraw a brief from review (from any state; submit again to resume).

Example:  brieflint review withdraw briefs/trade.md -m "Superseded by brief 8"
""",
)
def withdraw(
    path: str = typer.Argument(..., help="The brief."),
    message: str = MESSAGE,
    sign_key: Path = SIGN_KEY,
) -> None:
    _record(path, Decision("withdraw", comment=message, sign_key=sign_key))


@app.command(
    "publish",
    help="""Mark a brief published; only when it is approved at exactly this content.

Example:  brieflint review publish briefs/trade.md
""",
)
def publish(
    path: str = typer.Argument(..., help="The brief."),
    message: str = MESSAGE,
    role: str = ROLE,
    sign_key: Path = SIGN_KEY,
) -> None:
    _record(path, Decision("publish", comment=message, role=role, sign_key=sign_key))


@app.command(
    "status",
    help="""Show each brief's state, approvals by role, stale approvals and open change requests.

Without PATHS: every brief that has records; a folder: every brief in it, with records or not.
Approvals the gate would not count (by the brief's authors on this branch) are shown as such.
Exit 0; 2 on errors.

Example:  brieflint review status briefs/ --format json
""",
)
def status(
    paths: list[str] = typer.Argument(None, help="Briefs or folders (default: all reviewed)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    from brieflint.review import records as rec

    if format not in ("text", "json"):
        raise BrieflintError("--format must be text or json", key="--format")
    repo, policy = workflow.open_repo(Path.cwd())
    # without paths: every reviewed brief in the repository (not only under the current folder)
    targets = (
        [] if paths else [str(repo.absolute(r)) for r in workflow.reviewed_briefs(repo, policy)]
    )
    for raw in paths or []:
        p = Path(raw)
        if p.is_dir():
            under = repo.relative(p)
            found = set(workflow.reviewed_briefs(repo, policy, under))
            found |= set(workflow.briefs_in(repo, policy, under))
            targets += [str(repo.absolute(r)) for r in sorted(found)]
        else:
            targets.append(raw)
    states = []
    for raw in targets:
        brief = workflow.open_brief(raw)
        blob = brief.repo.index_blob(brief.rel)
        state, _ = workflow.current_state(brief, blob)
        data = state.as_json()
        data["unstaged_changes"] = not brief.repo.worktree_matches_index(brief.rel)
        states.append(data)
    if format == "json":
        typer.echo(json.dumps({"version": rec.FORMAT_VERSION, "briefs": states}, indent=2))
        return
    if not states:
        typer.echo("no reviewed briefs")
        return
    rows = [("brief", "state", "approvals", "stale", "change requests")]
    for d in states:
        have = d["approvals"]
        needed = d["needed"]
        parts = [f"{r} {have.get(r, 0)}/{n}" for r, n in sorted(needed.items())]
        parts += [f"{r} {c}" for r, c in sorted(have.items()) if r not in needed]
        parts += [
            f"{n['reviewer']} not counted ({n['reason']})" for n in d["approvals_not_counted"]
        ]
        requests = ", ".join(f"{o['reviewer']}: {o['comment']}" for o in d["open_change_requests"])
        state = d["state"] + (" (unstaged changes)" if d["unstaged_changes"] else "")
        rows.append(
            (
                d["brief"],
                state,
                ", ".join(parts) or "none",
                str(len(d["stale_approvals"])),
                requests or "-",
            )
        )
    typer.echo(_table(rows))


@app.command(
    "log",
    help="""The decisions recorded for a brief (earlier names included), newest last.

Example:  brieflint review log briefs/trade.md
""",
)
def log(path: str = typer.Argument(..., help="The brief.")) -> None:
    brief = workflow.open_brief(path)
    _, mine = workflow.current_state(brief, brief.repo.index_blob(brief.rel))
    if not mine:
        typer.echo(f"{safe(brief.rel)}: no decisions recorded")
        return
    rows = [("when (UTC)", "action", "reviewer", "blob", "state", "signed", "comment")]
    signed = {True: "yes", False: "signed, not verifiable", None: "no"}
    for r in mine:
        p = r.payload
        who = p.reviewer + (f" ({p.role})" if p.role else "")
        name = "" if p.brief == brief.rel else f" [as {p.brief}]"
        rows.append(
            (
                p.timestamp[:19].replace("T", " "),
                p.action + name,
                who,
                p.blob[:12],
                p.state,
                signed[workflow.signature_verifies(brief.repo, brief.policy, r)],
                p.comment.replace("\n", " / "),
            )
        )
    typer.echo(_table(rows))


@app.command(
    "gate",
    help="""CI gate: the ledger only grows, records are valid and authorised by the BASE policy
(signatures verified where required), and every brief changed between base and head is
lint-clean by the BASE lint configuration (brieflint.yaml, styles, vocabularies) and approved at
its head content. Writes Markdown to $GITHUB_STEP_SUMMARY when set.

Exit 0 pass, 1 fail, 2 shallow clone, missing base or broken policy.

Example:  brieflint review gate --base origin/main --head HEAD
""",
)
def gate(
    base: str = typer.Option(..., "--base", help="Target branch or commit (e.g. origin/main)."),
    head: str = typer.Option("HEAD", "--head", help="Commit under review."),
) -> None:
    from brieflint.gitrepo import GitRepo
    from brieflint.review import gate as gate_mod

    repo = GitRepo.discover(Path.cwd())
    result = gate_mod.run(repo, base, head)
    sys.stdout.write(result.text())
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        _append_summary(Path(summary), result.markdown())
    raise typer.Exit(0 if result.ok else 1)


def _append_summary(target: Path, markdown: str) -> None:
    """Append to the job summary, keeping what earlier steps wrote byte for byte. A summary
    that cannot be written is a warning: it never changes the gate's verdict or exit code."""
    from brieflint.atomic import write_bytes

    try:
        before = target.read_bytes() if target.is_file() else b""
        write_bytes(target, before + markdown.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        typer.echo(
            f"brieflint: warning: {target}: cannot write the job summary ($GITHUB_STEP_SUMMARY): "
            f"{reason}",
            err=True,
        )


@app.command(
    "verify",
    help="""Pre-commit check of the ledger: staged records are only added, never changed or
deleted, and each one is valid (schema, id, file name, role, signature where required).

Example (.pre-commit-config.yaml):  entry: brieflint review verify, pass_filenames: false
""",
)
def verify() -> None:
    from brieflint.review import verify as verify_mod

    repo, policy = workflow.open_repo(Path.cwd())
    problems, count = verify_mod.staged(repo, policy)
    for problem in problems:
        typer.echo(f"brieflint: {safe(problem)}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"ledger ok ({count} record(s) added)")


def _table(rows: Sequence[tuple[str, ...]]) -> str:
    """Rows as aligned columns; every cell escaped (``display.one_line``): e-mails, comments and
    paths come from whoever pushed."""
    rows = [tuple(safe(c) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    out = []
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)]
        out.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(out)
