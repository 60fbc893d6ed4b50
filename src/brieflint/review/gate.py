"""The CI gate: is every brief a pull request changes lint-clean and approved at the content that
will land?

- The policy and allowed signers are read from the **base** commit, so a pull request cannot
  grant itself a role or a key; so is the lint configuration (``review/baselint.py``), so a pull
  request cannot switch off the lint it is gated on.
- The ledger only grows in **every commit** of the pull request (``merge-base..head``, each
  merge commit against each of its parents), so a record added and deleted again inside the pull
  request is seen.
- Briefs are judged at the content that will land: the tree of merging head into base
  (``git merge-tree``), not the head's, so an edit merged into base meanwhile cannot combine with
  the pull request's into a text nobody approved.
- Every record is replayed through the same transition rules as the recording commands
  (``state.refusal``); a record of the pull request that the rules refuse fails the gate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from brieflint import readers
from brieflint.decode import decode
from brieflint.display import one_line as safe
from brieflint.errors import BrieflintError, ConfigError
from brieflint.gitrepo import Change, GitRepo, TreeEntry
from brieflint.review import records as rec
from brieflint.review import signing
from brieflint.review.baselint import BaseLint, Judged, changes_configuration
from brieflint.review.policy import POLICY_PATH, Policy, load_text
from brieflint.review.state import HOLDING_BACK, BriefState, derive, records_for

LEDGER_PREFIX = rec.LEDGER_DIR + "/"


@dataclass
class Row:
    brief: str
    state: str
    lint: str
    approvals: str
    stale: int
    requests: str
    ok: bool
    reasons: list[str] = field(default_factory=list)
    changed_by: str = "-"


@dataclass
class GateResult:
    base: str
    head: str
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # ledger and record problems
    notes: list[str] = field(default_factory=list)
    # which lint configuration judged which briefs: description → briefs
    lint_configs: dict[str, list[str]] = field(default_factory=dict)
    authorship: str = ""  # how the "changed by" column is known

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.ok for r in self.rows)

    def config_lines(self) -> list[str]:
        several = len(self.lint_configs) > 1
        return [
            f"lint judged by the configuration as of base {self.base[:12]}: {description}"
            + (f" [{', '.join(briefs)}]" if several else "")
            for description, briefs in self.lint_configs.items()
        ]

    def _cells(self, row: Row) -> tuple[str, ...]:
        result = "ok" if row.ok else "FAIL: " + "; ".join(row.reasons)
        cells = (
            row.brief,
            row.state,
            row.lint,
            row.approvals,
            str(row.stale),
            row.requests or "-",
            row.changed_by,
            result,
        )
        return tuple(safe(c) for c in cells)

    def text(self) -> str:
        """The report for a terminal or CI log. Everything from git or records is escaped
        (``display.one_line``) and every line but the last starts with two spaces or a fixed word,
        so nothing a pull request controls can print a line that reads as the verdict."""
        head = (
            "brief",
            "state",
            "lint",
            "approvals",
            "stale",
            "change requests",
            "changed by",
            "result",
        )
        cells = [head] + [self._cells(r) for r in self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(head) - 1)]
        lines = [
            "  "
            + "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True))
            + "  "
            + row[-1]
            for row in cells
        ]
        if not self.rows:
            lines = ["no brief changed between base and head"]
        lines += [safe(line) for line in self.config_lines()]
        if self.authorship:
            lines.append(self.authorship)
        lines += [f"problem: {safe(p)}" for p in self.problems]
        lines += [f"note: {safe(n)}" for n in self.notes]
        verdict = "passed" if self.ok else "FAILED"
        lines.append(f"review gate {verdict} ({self.base[:12]}..{self.head[:12]})")
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        icon = "✅" if self.ok else "❌"
        out = [f"### {icon} brieflint review gate {'passed' if self.ok else 'failed'}", ""]
        if self.rows:
            out += [
                "| brief | state | lint | approvals | stale | change requests | changed by "
                "| result |",
                "|---|---|---|---|---|---|---|---|",
            ]
            for r in self.rows:
                out.append("| " + " | ".join(_md(c) for c in self._cells(r)) + " |")
        else:
            out.append("No brief changed between base and head.")
        if self.lint_configs:
            out += [""] + [f"- {_md(line)}" for line in self.config_lines()]
        if self.authorship:
            out += ["", f"- {_md(self.authorship)}"]
        if self.problems:
            out += ["", "**Problems**", ""] + [f"- {_md(p)}" for p in self.problems]
        if self.notes:
            out += ["", "**Notes**", ""] + [f"- {_md(n)}" for n in self.notes]
        out.append("")
        out.append(f"`{self.base[:12]}..{self.head[:12]}`")
        return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """One table cell or list item of Markdown: escaped, and nothing that renders as markup."""
    text = safe(text)
    for char in "\\`*_[]<>|#!~":
        text = text.replace(char, "\\" + char)
    return text


def base_policy(repo: GitRepo, base: str) -> tuple[Policy, str | None]:
    """The policy and allowed-signers text at ``base``; a ConfigError when broken or missing."""
    data = repo.read_at(base, POLICY_PATH)
    if data is None:
        raise ConfigError(
            f"no review policy at the base commit {base[:12]} (add {POLICY_PATH} to it first)",
            path=POLICY_PATH,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("the review policy is not UTF-8", path=POLICY_PATH) from None
    policy = load_text(text, f"{POLICY_PATH} (at base {base[:12]})")
    signers: str | None = None
    raw = repo.read_at(base, policy.signatures.allowed_signers)
    if raw is not None:
        signers = raw.decode("utf-8", "replace")
    if policy.signatures.required and signers is None:
        raise ConfigError(
            f"signatures are required but {policy.signatures.allowed_signers} is missing at the "
            f"base commit {base[:12]}",
            path=POLICY_PATH,
            key="signatures.allowed_signers",
        )
    return policy, signers


def check_record(record: rec.Record, path: str, policy: Policy, signers: str | None) -> list[str]:
    """Why ``record`` (added at ``path``) is not acceptable under ``policy``; empty when fine."""
    problems: list[str] = []
    p = record.payload
    if p.role is not None and not policy.holds(p.reviewer, p.role):
        problems.append(
            f"record {path}: {p.reviewer} does not hold role {p.role!r} in the base policy"
        )
    if p.role is None and (p.action in ("approve", "request-changes", "publish") or p.clears):
        problems.append(f"record {path}: a {p.action} needs a role")
    others = [c for c in p.clears if c != p.reviewer.lower()]
    if others and not policy.can_override(p.reviewer):
        problems.append(f"record {path}: {p.reviewer} may not clear others' change requests")
    if record.signature is not None or policy.signatures.required:
        if record.signature is None:
            problems.append(f"record {path}: not signed, and the base policy requires signatures")
        elif signers is None:
            problems.append(f"record {path}: signed, but there is no allowed_signers file")
        else:
            reason = signing.verify(p.canonical(), record.signature, p.reviewer, signers)
            if reason is not None:
                problems.append(f"record {path}: bad signature ({reason})")
    return problems


def split_ledger_renames(
    changes: list[Change],
    before: Callable[[str], bytes | None],
    after: Callable[[str], bytes | None],
) -> list[Change]:
    """git pairs a deleted record with an added file that looks like it as a rename; unless the
    content is the same, that is a deletion plus an addition, and the addition is checked too."""
    result: list[Change] = []
    for change in changes:
        old, new = change.old_path, change.new_path
        if (
            change.status == "R"
            and old is not None
            and new is not None
            and old.startswith(LEDGER_PREFIX)
            and before(old) != after(new)
        ):
            result += [Change("D", old, None), Change("A", None, new)]
        else:
            result.append(change)
    return result


def ledger_history_problems(repo: GitRepo, fork: str, head: str) -> list[str]:
    """Records changed, renamed or deleted in any commit of ``fork..head`` (each merge commit
    compared with each parent): the ledger must only grow at every step, not only overall."""
    problems: list[str] = []
    seen: set[str] = set()
    for commit, parents in repo.commits_with_parents(fork, head):
        for parent in parents:
            changes = repo.tree_diff(parent, commit)
            added = {c.new_sha for c in changes if c.status == "A"}
            for change in changes:
                if (
                    change.status == "A"
                    or change.path in seen
                    or not change.path.startswith(LEDGER_PREFIX)
                ):
                    continue
                seen.add(change.path)
                if change.status == "D":
                    verb = "renamed" if change.old_sha in added else "deleted"
                else:
                    verb = "changed"
                problems.append(
                    f"record {change.path} was {verb}: records may only be added, never changed "
                    f"or deleted (commit {commit[:12]})"
                )
    return problems


@dataclass
class _Ledger:
    """The records as they will be after the merge, and which of them the pull request adds."""

    records: list[rec.Record]
    added: set[str]  # ids of records the pull request adds (valid ones)
    path_of: dict[str, str]  # record id → path

    @property
    def settled(self) -> set[str]:
        """Ids of the records already on base."""
        return set(self.path_of) - self.added


def _load_ledger(
    repo: GitRepo,
    fork: str,
    head: str,
    landed: str,
    policy: Policy,
    signers: str | None,
    result: GateResult,
) -> _Ledger:
    """Check every file the pull request adds to the ledger; load the landed ledger."""
    at_fork = repo.tree_entries(fork, rec.LEDGER_DIR)
    at_head = repo.tree_entries(head, rec.LEDGER_DIR)
    bad: set[str] = set()
    added_paths = sorted(set(at_head) - set(at_fork))
    for path in added_paths:
        problem = _entry_problem(at_head[path])
        if problem is not None:
            result.problems.append(f"record {path}: {problem}")
            bad.add(path)
            continue
        try:
            record = rec.parse(path, repo.blob(at_head[path].sha))
        except rec.RecordError as exc:
            result.problems.append(f"record {exc.path}: {exc.message}")
            bad.add(path)
            continue
        found = check_record(record, path, policy, signers)
        if found:
            result.problems.extend(found)
            bad.add(path)
    records: list[rec.Record] = []
    path_of: dict[str, str] = {}
    for path, entry in sorted(repo.tree_entries(landed, rec.LEDGER_DIR).items()):
        if path in bad or not path.endswith(".json") or not entry.is_regular_file:
            continue
        try:
            record = rec.parse(path, repo.blob(entry.sha))
        except rec.RecordError:
            continue  # a broken record on base counts for nothing; the pull request's are named
        records.append(record)
        path_of[record.id] = path
    records.sort(key=lambda r: r.sort_key)
    added = {rid for rid, path in path_of.items() if path in added_paths}
    return _Ledger(records, added, path_of)


def _entry_problem(entry: TreeEntry) -> str | None:
    if entry.kind == "commit":
        return "is a submodule (gitlink), not a record file"
    if entry.mode == "120000":
        return "is a symbolic link, not a record file"
    if not entry.is_regular_file:
        return f"is not a regular file (mode {entry.mode})"
    return None


def run(repo: GitRepo, base_rev: str, head_rev: str) -> GateResult:
    if repo.is_shallow():
        raise BrieflintError(
            "this is a shallow clone: the gate needs the history between base and head "
            "(actions/checkout with fetch-depth: 0, or `git fetch --unshallow`)"
        )
    base = repo.resolve(base_rev, what="base")
    head = repo.resolve(head_rev, what="head")
    policy, signers = base_policy(repo, base)
    fork = repo.merge_base(base, head)
    result = GateResult(base=base, head=head)

    # 1. the ledger only grows, in every commit the pull request brings
    result.problems.extend(ledger_history_problems(repo, fork, head))

    # 2. the content that will land: head merged into base
    landed, conflicts = repo.merge_tree(base, head)
    if landed is None:
        result.problems.append(
            "head does not merge cleanly into base (conflicts in "
            + ", ".join(conflicts or ["?"])
            + "): merge base into the branch, resolve, and have the result reviewed"
        )
        return result

    # 3. every record the pull request adds is valid and authorised by the base policy
    ledger = _load_ledger(repo, fork, head, landed, policy, signers, result)
    if any(c.path == POLICY_PATH for c in repo.tree_diff(fork, head, ".brieflint")):
        result.notes.append(f"{POLICY_PATH} changes here; the gate used the base commit's policy")

    # 4. every brief the merge changes: lint-clean by the base's lint configuration, approved at
    #    the landed content; briefs the merge deletes leave no change request behind
    landed_changes = repo.tree_diff(base, landed)
    briefs: list[str] = []
    deleted: list[str] = []
    for change in landed_changes:
        if change.path.startswith(".brieflint/") or not policy.is_brief(change.path):
            continue
        (deleted if change.status == "D" else briefs).append(change.path)
    judged_names: dict[str, list[str]] = {}
    for path in briefs:
        judged_names[path] = _names(repo, path, (head, base))
    used: list[Judged] = []
    covered: set[str] = set()
    if briefs:
        with BaseLint.at(repo, base) as lint:
            for path in briefs:
                names = judged_names[path]
                row, judged, state = _gate_brief(
                    repo, policy, (fork, head, landed), path, names, ledger, lint
                )
                result.rows.append(row)
                _refused_problems(state, ledger, result)
                covered.update(r.id for r in records_for(ledger.records, names))
                if judged is not None:
                    result.lint_configs.setdefault(judged.description, []).append(path)
                    used.append(judged)
    _check_deleted(repo, policy, (fork, head, base), deleted, judged_names, ledger, result)
    _check_other_records(repo, policy, (fork, head, landed), covered, ledger, result)
    if result.rows:
        result.authorship = _authorship_note(policy)

    # 5. lint configuration changed here: say that the base's judged (it takes effect once merged)
    files = {f for j in used for f in j.files}
    folders = {f for j in used for f in j.folders}
    changed = sorted({c.path for c in repo.tree_diff(fork, head)})
    for path in changed:
        if (
            path in files
            or any(f == "." or path.startswith(f + "/") for f in folders)
            or changes_configuration(repo, path, (fork, head))
        ):
            result.notes.append(
                f"{path} changes the lint configuration here; lint was judged by the "
                f"configuration as of base {base[:12]} (merge configuration changes first, "
                "on their own)"
            )
    return result


def _names(repo: GitRepo, path: str, revs: Iterable[str]) -> list[str]:
    """``path`` and its earlier names in the history of each of ``revs`` that holds it."""
    names: list[str] = []
    for rev in revs:
        if repo.blob_at(rev, path) is None:
            continue
        names += [n for n in repo.path_history(rev, path) if n not in names]
    return names or [path]


def _authors(
    repo: GitRepo, fork: str, head: str, names: list[str], ledger: _Ledger
) -> dict[str, str]:
    """Who changed the brief in the pull request, and how the gate knows: e-mail → source."""
    found = {email: "commit" for email in sorted(repo.change_authors(fork, head, names))}
    wanted = set(names)
    for record in ledger.records:
        p = record.payload
        if record.id in ledger.added and p.action == "submit" and p.brief in wanted:
            source = "signed submit" if record.signature else "submit"
            who = p.reviewer.lower()
            if source not in found.get(who, "").split(", "):
                found[who] = f"{found[who]}, {source}" if who in found else source
    return found


def _changed_by(authors: dict[str, str]) -> str:
    return ", ".join(f"{email} ({how})" for email, how in sorted(authors.items())) or "-"


def _gate_brief(
    repo: GitRepo,
    policy: Policy,
    revs: tuple[str, str, str],
    path: str,
    names: list[str],
    ledger: _Ledger,
    lint_at_base: BaseLint,
) -> tuple[Row, Judged | None, BriefState]:
    fork, head, landed = revs
    blob = repo.blob_at(landed, path)
    authors = _authors(repo, fork, head, names, ledger)
    state = derive(path, blob, records_for(ledger.records, names), policy, authors, ledger.settled)
    reasons: list[str] = []
    head_blob = repo.blob_at(head, path)
    if head_blob != blob:
        reasons.append(
            "the content that will land is not the head's (base changed it too): merge base "
            "into the branch and have the result approved"
        )
    data = repo.blob(blob) if blob is not None else b""
    judged: Judged | None = None
    try:
        textual = readers.for_path(path).textual
        summary, judged = lint_at_base.lint(path, decode(data, path) if textual else data)
        lint = "pass" if summary.passed else f"FAIL ({summary.error}E {summary.warning}W)"
        if not summary.passed:
            reasons.append(f"lint fails at fail_on {summary.fail_on}")
    except BrieflintError as exc:
        lint = "error"
        reasons.append(str(exc))
    if state.state not in ("approved", "published"):
        reasons.append(f"state is {state.state}")
    if state.requests:
        reasons.append("open change requests from " + ", ".join(sorted(state.requests)))
    missing = state.missing()
    if missing and state.state != "published":
        reasons.append("missing approvals: " + ", ".join(f"{r} {n}" for r, n in missing.items()))
    for approval, why in state.ignored:
        reasons.append(f"approval by {approval.reviewer} not counted ({why})")
    passing = state.state in ("approved", "published") and not state.requests
    row = Row(
        brief=path,
        state=state.state,
        lint=lint,
        approvals=state.approvals_text(),
        stale=len(state.stale),
        requests=", ".join(sorted(state.requests)),
        ok=passing and lint == "pass" and head_blob == blob,
        reasons=reasons,
        changed_by=_changed_by(authors),
    )
    return row, judged, state


def _refused_problems(state: BriefState, ledger: _Ledger, result: GateResult) -> None:
    """A record the pull request adds that the review rules refuse fails the gate (unless it
    can only hold the brief back: a submit, request-changes or withdraw)."""
    for record, why in state.refused:
        if record.id in ledger.added and record.payload.action not in HOLDING_BACK:
            problem = f"record {ledger.path_of[record.id]}: refused by the review rules ({why})"
            if problem not in result.problems:
                result.problems.append(problem)


def _check_deleted(
    repo: GitRepo,
    policy: Policy,
    revs: tuple[str, str, str],
    deleted: list[str],
    judged_names: dict[str, list[str]],
    ledger: _Ledger,
    result: GateResult,
) -> None:
    """A brief the pull request deletes must not take open change requests with it: unless git
    follows it to a brief the gate judges (a rename), they must be cleared first."""
    fork, head, base = revs
    for path in deleted:
        successors = [p for p, names in judged_names.items() if path in names]
        if successors:
            result.notes.append(f"{path} was renamed to {', '.join(successors)}")
            continue
        names = _names(repo, path, (base, fork))
        authors = _authors(repo, fork, head, names, ledger)
        mine = records_for(ledger.records, names)
        state = derive(path, repo.blob_at(base, path), mine, policy, authors, ledger.settled)
        _refused_problems(state, ledger, result)
        if state.requests:
            result.problems.append(
                f"{path} is deleted with open change requests from "
                f"{', '.join(sorted(state.requests))}, and no brief here continues its history "
                "(git detects no rename): have them cleared first (`brieflint review clear`), "
                "or rename it with `git mv` in a commit of its own"
            )
        else:
            result.notes.append(f"{path} was deleted")


def _check_other_records(
    repo: GitRepo,
    policy: Policy,
    revs: tuple[str, str, str],
    covered: set[str],
    ledger: _Ledger,
    result: GateResult,
) -> None:
    """Records the pull request adds for briefs it does not change (a publish, a review of
    another brief) go through the same rules, at the content the brief will have."""
    fork, head, landed = revs
    pending = sorted(
        {r.payload.brief for r in ledger.records if r.id in ledger.added and r.id not in covered}
    )
    for brief in pending:
        names = _names(repo, brief, (head,))
        mine = records_for(ledger.records, names)
        if all(r.id in covered for r in mine if r.id in ledger.added):
            continue
        authors = _authors(repo, fork, head, names, ledger)
        state = derive(brief, repo.blob_at(landed, brief), mine, policy, authors, ledger.settled)
        _refused_problems(state, ledger, result)
        covered.update(r.id for r in mine)


def _authorship_note(policy: Policy) -> str:
    submits = "signed, verified" if policy.signatures.required else "unsigned, forgeable"
    return (
        "changed by: commit author and committer e-mails (not verified: whoever commits sets "
        f"them) and this pull request's submit records ({submits}); approvals by anyone listed "
        "do not count"
    )
