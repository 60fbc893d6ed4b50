"""Recording decisions in a work tree: find the brief, lint it, check the move, write a record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brieflint.errors import BrieflintError, InputError
from brieflint.gitrepo import GitRepo
from brieflint.review import records as rec
from brieflint.review import signing
from brieflint.review.policy import POLICY_PATH, Policy, load_file
from brieflint.review.state import BriefState, derive, records_for

if TYPE_CHECKING:  # pragma: no cover - typing only
    from brieflint import ruleset


@dataclass
class Brief:
    repo: GitRepo
    rel: str
    policy: Policy

    @property
    def path(self) -> Path:
        return self.repo.absolute(self.rel)


def open_repo(start: Path) -> tuple[GitRepo, Policy]:
    repo = GitRepo.discover(start)
    return repo, load_file(repo.root) or Policy()


def open_brief(raw: str) -> Brief:
    """The brief at ``raw``: inside a git work tree, an existing file, matched by the policy."""
    path = Path(raw)
    if not path.exists():
        raise InputError("no such file", path=raw)
    repo, policy = open_repo(path.absolute().parent)
    rel = repo.relative(path)
    if repo.absolute(rel).is_dir():
        raise InputError("is a directory, not a brief", path=raw)
    if not policy.is_brief(rel):
        raise InputError(
            f"not a brief: matches none of the briefs globs in {POLICY_PATH} "
            f"({', '.join(policy.briefs)})",
            path=raw,
        )
    return Brief(repo, rel, policy)


def staged_blob(brief: Brief) -> str:
    """The blob a decision binds to: the index entry, which must match the work tree."""
    if not brief.path.is_file():
        raise InputError("no such file", path=brief.rel)
    blob = brief.repo.index_blob(brief.rel)
    if blob is None:
        raise InputError(
            "not tracked by git: `git add` it first (a decision binds to the staged content)",
            path=brief.rel,
        )
    if not brief.repo.worktree_matches_index(brief.rel):
        raise InputError(
            "has changes that are not staged: `git add` the version the decision is about",
            path=brief.rel,
        )
    return blob


def names(brief: Brief) -> list[str]:
    """The brief's path and its earlier names (committed and staged renames)."""
    rev = "HEAD" if brief.repo.has_commits() else None
    found = brief.repo.path_history(rev, brief.rel)
    for old in brief.repo.staged_renames_to(brief.rel):
        found.extend(n for n in brief.repo.path_history(rev, old) if n not in found)
    return found


def ledger(repo: GitRepo) -> list[rec.Record]:
    records, errors = rec.load_all(rec.read_worktree(repo.root))
    if errors:
        raise BrieflintError(errors[0].message, path=errors[0].path)
    return records


def reviewed_briefs(repo: GitRepo, policy: Policy, under: str = "") -> list[str]:
    """Where the briefs that have records are now (repository-relative, sorted): the names
    records were made under, and the names those briefs were renamed to since (committed or
    staged), as ``status PATH`` and the gate follow them. Only files inside folder ``under``
    ("" for all) that exist in the work tree; a renamed file only when it is still a brief and
    its own history (``names``) leads back to a name with records."""
    named = {r.payload.brief for r in ledger(repo)}
    successors: dict[str, set[str]] = {}
    for old, new in repo.renames():
        successors.setdefault(old, set()).add(new)
    reached = set(named)
    pending = list(named)
    while pending:
        for new in successors.get(pending.pop(), ()):
            if new not in reached:
                reached.add(new)
                pending.append(new)
    prefix = "" if under in ("", ".") else under.rstrip("/") + "/"
    found: list[str] = []
    for rel in sorted(reached):
        if not rel.startswith(prefix) or not repo.absolute(rel).is_file():
            continue
        if rel not in named and (
            not policy.is_brief(rel) or named.isdisjoint(names(Brief(repo, rel, policy)))
        ):
            continue
        found.append(rel)
    return found


def current_state(brief: Brief, blob: str | None) -> tuple[BriefState, list[rec.Record]]:
    mine = records_for(ledger(brief.repo), names(brief))
    return derive(brief.rel, blob, mine, brief.policy), mine


def lint_summary(
    path: Path, display: str, text: str | None = None, setup: ruleset.Setup | None = None
) -> rec.LintSummary:
    """Lint one brief as ``brieflint check`` would: with ``setup``, or else the config
    discovered for the file."""
    from brieflint import runner, session

    if setup is None:
        setup = session.Session(session.options(config=None, no_cache=True)).setup_for(str(path))
    result = runner.lint_job(
        runner.Job(display=display, source=str(path), explicit=True), setup, text=text
    )
    if result.error:
        raise InputError(result.error, path=display)
    counts = Counter(f.severity.label for f in result.findings)
    threshold = setup.loaded.config.fail_on
    return rec.LintSummary(
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        fail_on=threshold,
        passed=session.passes(result.findings, threshold),
    )


@dataclass
class Decision:
    action: rec.Action
    comment: str = ""
    role: str | None = None
    clears: tuple[str, ...] = ()
    force: bool = False
    sign_key: Path | None = None


_REVIEWING = ("in-review", "changes-requested", "approved")


def record(brief: Brief, decision: Decision) -> tuple[rec.Record, Path, BriefState]:
    """Check that ``decision`` is allowed now, write its record, return the new state."""
    repo = brief.repo
    if repo.is_detached():
        raise BrieflintError(
            "HEAD is detached: switch to a branch before recording a decision "
            "(`git switch -c review/<name>`), or the record may be lost"
        )
    reviewer = repo.user_email().lower()
    blob = staged_blob(brief)
    before, mine = current_state(brief, blob)
    role = _role(brief.policy, reviewer, decision)
    _check_move(brief, before, reviewer, decision)
    lint: rec.LintSummary | None = None
    if decision.action in ("submit", "approve", "request-changes", "publish"):
        lint = lint_summary(brief.path, brief.rel)
    if decision.action == "submit" and lint is not None and not lint.passed:
        if not decision.force:
            raise BrieflintError(
                f"lint fails ({lint.error} error(s), {lint.warning} warning(s) at fail_on "
                f"{lint.fail_on}): fix the draft, or use --force --reason '...'",
                path=brief.rel,
            )
        lint = lint.model_copy(update={"forced": True})
    payload = rec.Payload(
        brief=brief.rel,
        blob=blob,
        action=decision.action,
        state="draft",
        reviewer=reviewer,
        role=role,
        timestamp=rec.now_timestamp(),
        lint=lint,
        comment=decision.comment,
        clears=sorted({c.lower() for c in decision.clears}),
    )
    after = derive(brief.rel, blob, [*mine, rec.make(payload)], brief.policy)
    payload = payload.model_copy(update={"state": after.state})
    signature = None
    key = _signing_key(brief, decision)
    if key is not None:
        signature = signing.sign(payload.canonical(), key)
    made = rec.make(payload, signature)
    written = rec.write(repo.root, made)
    return made, written, after


def _role(policy: Policy, reviewer: str, decision: Decision) -> str | None:
    held = policy.roles_of(reviewer)
    if decision.role is not None:
        if decision.role not in held:
            raise BrieflintError(
                f"{reviewer} does not hold role {decision.role!r} in {POLICY_PATH}", key="--role"
            )
        return decision.role
    needs_role = decision.action in ("approve", "request-changes", "publish") or bool(
        decision.clears
    )
    if not held:
        if needs_role:
            raise BrieflintError(
                f"{reviewer} holds no role in {POLICY_PATH}: only reviewers named there may "
                f"{decision.action}",
                key="roles",
            )
        return None
    if len(held) > 1 and needs_role:
        raise BrieflintError(
            f"{reviewer} holds several roles ({', '.join(held)}): choose one with --role",
            key="--role",
        )
    return held[0]


def _check_move(brief: Brief, before: BriefState, reviewer: str, decision: Decision) -> None:
    state = before.state
    action = decision.action

    def refuse(why: str) -> BrieflintError:
        return BrieflintError(f"cannot {action}: {why}", path=brief.rel)

    if action == "submit" and state not in ("draft", "withdrawn"):
        raise refuse(f"the brief is already {state}")
    if action in ("approve", "request-changes") and state not in _REVIEWING:
        raise refuse(f"the brief is {state}; it must be submitted for review first")
    if action == "request-changes" and not decision.comment.strip():
        raise refuse("say what must change (-m)")
    if action == "withdraw" and (state == "withdrawn" or before.records == 0):
        raise refuse(f"the brief is {state}")
    if action == "publish" and state != "approved":
        missing = ", ".join(f"{r} {n}" for r, n in before.missing().items())
        detail = f" (missing approvals: {missing})" if missing else ""
        raise refuse(f"the brief is {state}, not approved at this content{detail}")
    if action == "clear":
        targets = [c.lower() for c in decision.clears] or [reviewer]
        for target in targets:
            if target not in before.requests:
                raise refuse(f"{target} has no open change request")
            if target != reviewer and not brief.policy.can_override(reviewer):
                raise refuse(
                    f"only {target} or a holder of an override role "
                    f"({', '.join(brief.policy.override_roles) or 'none defined'}) may clear it"
                )


def _signing_key(brief: Brief, decision: Decision) -> Path | None:
    if decision.sign_key is not None:
        return decision.sign_key
    configured = brief.repo.config_value("user.signingkey")
    if brief.policy.signatures.required:
        if configured is None:
            raise BrieflintError(
                "the review policy requires signed records: pass --sign-key or set "
                "`git config user.signingkey ~/.ssh/id_ed25519.pub`",
                key="signatures.required",
            )
        if configured.startswith("key::"):
            raise BrieflintError(
                "user.signingkey holds a literal key; brieflint needs a key file: pass --sign-key",
                key="user.signingkey",
            )
        return Path(configured).expanduser()
    return None
