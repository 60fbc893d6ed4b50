"""Recording decisions in a work tree: find the brief, lint it, check the move, write a record."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brieflint.errors import BrieflintError, InputError
from brieflint.gitrepo import GitRepo
from brieflint.review import records as rec
from brieflint.review import signing
from brieflint.review.policy import POLICY_PATH, Policy, load_file
from brieflint.review.state import BriefState, derive, records_for, refusal

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


# where a pull request would be merged, when the command is not told: the first that exists
LOCAL_BASES = ("origin/HEAD", "origin/main", "origin/master", "main", "master")


def local_fork(repo: GitRepo) -> str | None:
    """The commit the current branch forked from the branch it would be merged into (the first
    of ``LOCAL_BASES`` that exists); None before the first commit or when none exists."""
    if not repo.has_commits():
        return None
    for ref in LOCAL_BASES:
        try:
            target = repo.resolve(ref)
        except BrieflintError:
            continue
        return repo.merge_base(target, "HEAD")
    return None


def local_authors(
    brief: Brief, all_names: list[str], records: list[rec.Record]
) -> tuple[set[str], set[str]]:
    """Who the gate would count as the brief's authors if the branch were a pull request now:
    authors and committers of its commits since the fork (``local_fork``) that changed the
    brief, and the submitters of its records not on the base yet; and the ids of the records
    that are on the base (settled, see ``state.derive``)."""
    repo = brief.repo
    fork = local_fork(repo)
    found: set[str] = set()
    base_ids: set[str] = set()
    if fork is not None:
        found |= repo.change_authors(fork, "HEAD", all_names)
        base_ids = {
            path.rsplit("-", 1)[-1].removesuffix(".json")
            for path in repo.tree_entries(fork, rec.LEDGER_DIR)
        }
    found |= {
        r.payload.reviewer.lower()
        for r in records
        if r.payload.action == "submit" and r.short not in base_ids
    }
    return found, {r.id for r in records if r.short in base_ids}


def briefs_in(repo: GitRepo, policy: Policy, under: str) -> list[str]:
    """Every brief in folder ``under`` of the work tree (tracked, or untracked and not ignored),
    with records or not."""
    return [
        rel
        for rel in repo.work_tree_files(under)
        if policy.is_brief(rel) and repo.absolute(rel).is_file()
    ]


def current_state(
    brief: Brief, blob: str | None, *, authors: bool = True
) -> tuple[BriefState, list[rec.Record]]:
    """The brief's state at ``blob``, with the gate's rules: approvals by those who changed it
    on this branch (``local_authors``) do not count."""
    all_names = names(brief)
    mine = records_for(ledger(brief.repo), all_names)
    who, settled = local_authors(brief, all_names, mine) if authors else (set(), set())
    return derive(brief.rel, blob, mine, brief.policy, who, settled), mine


def lint_summary(
    path: Path,
    display: str,
    text: str | bytes | None = None,
    setup: ruleset.Setup | None = None,
) -> rec.LintSummary:
    """Lint one brief as ``brieflint check`` would: with ``setup``, or else the config
    discovered for the file; ``text`` (or, for a .docx, the file's bytes) in place of the
    file's."""
    from brieflint import runner, session

    lint_session = session.Session(session.options(config=None, no_cache=True))
    if setup is None:
        setup = lint_session.setup_for(str(path))
    job = runner.Job(display=display, source=str(path), explicit=True)
    if isinstance(text, bytes):
        result = lint_session.lint_one(job, None, setup, data=text)
    else:
        result = lint_session.lint_one(job, text, setup)
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


class LintRefused(BrieflintError):
    """``submit`` refused because the brief fails lint: a failing lint is exit 1, as in
    ``brieflint check``, not an error."""


@dataclass
class Recorded:
    record: rec.Record
    path: Path
    state: BriefState  # after the decision
    warnings: list[str]


def record(brief: Brief, decision: Decision) -> Recorded:
    """Check that ``decision`` is allowed now, write its record, return the new state."""
    repo = brief.repo
    if repo.is_detached():
        raise BrieflintError(
            "HEAD is detached: switch to a branch before recording a decision "
            "(`git switch -c review/<name>`), or the record may be lost"
        )
    reviewer = repo.user_email().lower()
    blob = staged_blob(brief)
    all_names = names(brief)
    mine = records_for(ledger(repo), all_names)
    authors, settled = local_authors(brief, all_names, mine)
    before = derive(brief.rel, blob, mine, brief.policy, authors, settled)
    role = _role(brief.policy, reviewer, decision)
    _check_move(brief, before, reviewer, role, decision)
    warnings: list[str] = []
    if decision.action == "approve" and reviewer in authors and brief.policy.exclude_authors:
        warnings.append(
            f"{brief.rel}: you changed this brief on this branch (a commit or its submit), so "
            "the gate will not count your approval (exclude_authors)"
        )
    lint: rec.LintSummary | None = None
    if decision.action in ("submit", "approve", "request-changes", "publish"):
        lint = lint_summary(brief.path, brief.rel)
    if decision.action == "submit" and lint is not None and not lint.passed:
        if not decision.force:
            raise LintRefused(
                f"cannot submit: lint fails ({lint.error} error(s), {lint.warning} warning(s) at "
                f"fail_on {lint.fail_on}); see them with `brieflint check {brief.rel}`, fix the "
                "draft, or use --force --reason '...'",
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
    after = derive(brief.rel, blob, [*mine, rec.make(payload)], brief.policy, authors, settled)
    payload = payload.model_copy(update={"state": after.state})
    signature = None
    key = _signing_key(brief, decision)
    if key is not None:
        signature = signing.sign(payload.canonical(), key)
        if brief.policy.signatures.required:
            _check_own_signature(brief, payload, signature, key)
    made = rec.make(payload, signature)
    written = rec.write(repo.root, made)
    return Recorded(made, written, after, warnings)


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


def _check_move(
    brief: Brief, before: BriefState, reviewer: str, role: str | None, decision: Decision
) -> None:
    """Refuse a move the review rules refuse (``state.refusal``, which the gate applies too)."""
    why = refusal(
        before,
        decision.action,
        reviewer,
        role=role,
        clears=decision.clears,
        comment=decision.comment,
        policy=brief.policy,
    )
    if why is not None:
        raise BrieflintError(f"cannot {decision.action}: {why}", path=brief.rel)


def allowed_signers(repo: GitRepo, policy: Policy) -> str | None:
    """The work tree's allowed-signers text, or None when there is none."""
    path = repo.absolute(policy.signatures.allowed_signers)
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        return None


def signature_verifies(repo: GitRepo, policy: Policy, record: rec.Record) -> bool | None:
    """Whether ``record``'s signature verifies for its reviewer by the work tree's allowed
    signers; None when it has no signature."""
    if record.signature is None:
        return None
    signers = allowed_signers(repo, policy)
    if signers is None:
        return False
    p = record.payload
    return signing.verify(p.canonical(), record.signature, p.reviewer, signers) is None


def _check_own_signature(brief: Brief, payload: rec.Payload, signature: str, key: Path) -> None:
    """With signatures required, refuse to write a record the gate would refuse."""
    where = brief.policy.signatures.allowed_signers
    signers = allowed_signers(brief.repo, brief.policy)
    if signers is None:
        raise BrieflintError(
            f"signatures are required but there is no {where}: an administrator adds one line per "
            "reviewer (see docs/review.md, Signatures)",
            key="signatures.allowed_signers",
        )
    reason = signing.verify(payload.canonical(), signature, payload.reviewer, signers)
    if reason is not None:
        raise BrieflintError(
            f"the signature by {key} does not verify for {payload.reviewer} with {where} "
            f"({reason}): the gate would refuse this record. Ask an administrator to add your "
            "public key for this e-mail to it (merged to the base branch), or sign with the key "
            "listed there",
            key="user.signingkey",
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
        path = Path(configured).expanduser()
        if not path.is_file():
            gpg = brief.repo.config_value("gpg.format") in (None, "openpgp", "x509")
            looks_gpg = re.fullmatch(r"(0x)?[0-9A-Fa-f]{8,40}!?|.*@.*|[^/~.]+", configured)
            if gpg and looks_gpg:
                raise BrieflintError(
                    f"user.signingkey is {configured!r}, which looks like a GPG key (gpg.format "
                    "is not ssh); review records are signed with an SSH key: pass --sign-key "
                    "~/.ssh/id_ed25519.pub, or set `git config user.signingkey` to an SSH key "
                    "file",
                    key="user.signingkey",
                )
            raise BrieflintError(
                "the SSH key file that user.signingkey names does not exist",
                path=str(path),
                key="user.signingkey",
            )
        return path
    return None
