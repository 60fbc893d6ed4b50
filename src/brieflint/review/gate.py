"""The CI gate: is every brief changed between base and head lint-clean and approved at head?

The policy and allowed signers are read from the **base** commit, so a pull request cannot grant
itself a role or a key; so is the lint configuration (``review/baselint.py``), so a pull request
cannot switch off the lint it is gated on. Changes are taken from the merge base of base and head
(what a pull request adds), so records merged into base meanwhile are not mistaken for deletions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from brieflint.decode import decode
from brieflint.errors import BrieflintError, ConfigError
from brieflint.gitrepo import Change, GitRepo
from brieflint.review import records as rec
from brieflint.review import signing
from brieflint.review.baselint import BaseLint, Judged, changes_configuration
from brieflint.review.policy import POLICY_PATH, Policy, load_text
from brieflint.review.state import BriefState, derive, records_for


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


@dataclass
class GateResult:
    base: str
    head: str
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # ledger and record problems
    notes: list[str] = field(default_factory=list)
    # which lint configuration judged which briefs: description → briefs
    lint_configs: dict[str, list[str]] = field(default_factory=dict)

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

    def text(self) -> str:
        head = ("brief", "state", "lint", "approvals", "stale", "change requests", "result")
        cells = [head] + [
            (
                r.brief,
                r.state,
                r.lint,
                r.approvals,
                str(r.stale),
                r.requests or "-",
                "ok" if r.ok else "FAIL: " + "; ".join(r.reasons),
            )
            for r in self.rows
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(len(head) - 1)]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1]
            for row in cells
        ]
        if not self.rows:
            lines = ["no brief changed between base and head"]
        lines += self.config_lines()
        lines += [f"problem: {p}" for p in self.problems]
        lines += [f"note: {n}" for n in self.notes]
        verdict = "passed" if self.ok else "FAILED"
        lines.append(f"review gate {verdict} ({self.base[:12]}..{self.head[:12]})")
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        icon = "✅" if self.ok else "❌"
        out = [f"### {icon} brieflint review gate {'passed' if self.ok else 'failed'}", ""]
        if self.rows:
            out += [
                "| brief | state | lint | approvals | stale | change requests | result |",
                "|---|---|---|---|---|---|---|",
            ]
            for r in self.rows:
                result = "ok" if r.ok else "FAIL: " + "; ".join(r.reasons)
                cells = (r.brief, r.state, r.lint, r.approvals, str(r.stale), r.requests or "-")
                out.append("| " + " | ".join(_md(c) for c in (*cells, result)) + " |")
        else:
            out.append("No brief changed between base and head.")
        if self.lint_configs:
            out += [""] + [f"- {_md(line)}" for line in self.config_lines()]
        if self.problems:
            out += ["", "**Problems**", ""] + [f"- {_md(p)}" for p in self.problems]
        if self.notes:
            out += ["", "**Notes**", ""] + [f"- {_md(n)}" for n in self.notes]
        out.append("")
        out.append(f"`{self.base[:12]}..{self.head[:12]}`")
        return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
            and old.startswith(rec.LEDGER_DIR + "/")
            and before(old) != after(new)
        ):
            result += [Change("D", old, None), Change("A", None, new)]
        else:
            result.append(change)
    return result


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
    changes = split_ledger_renames(
        repo.diff(fork, head),
        lambda path: repo.read_at(fork, path),
        lambda path: repo.read_at(head, path),
    )

    # 1. the ledger only grows; every added record is valid and authorised by the base policy
    ledger_files = repo.files_at(head, rec.LEDGER_DIR)
    bad: set[str] = set()
    for change in changes:
        touched = [p for p in (change.old_path, change.new_path) if p]
        if not any(p.startswith(rec.LEDGER_DIR + "/") for p in touched):
            continue
        if change.status == "A" and change.new_path is not None:
            path = change.new_path
            try:
                record = rec.parse(path, ledger_files[path])
            except rec.RecordError as exc:
                result.problems.append(f"record {exc.path}: {exc.message}")
                bad.add(path)
                continue
            found = check_record(record, path, policy, signers)
            if found:
                result.problems.extend(found)
                bad.add(path)
        else:
            verb = {"M": "changed", "D": "deleted", "R": "renamed"}[change.status]
            result.problems.append(
                f"record {change.old_path} was {verb}: records may only be added, never "
                "changed or deleted"
            )
    if any(POLICY_PATH in (c.old_path, c.new_path) for c in changes):
        result.notes.append(f"{POLICY_PATH} changes here; the gate used the base commit's policy")

    # 2. every changed brief: lint-clean by the base's lint configuration, approved at head
    records, _errors = rec.load_all({p: d for p, d in ledger_files.items() if p not in bad})
    briefs: list[str] = []
    for change in changes:
        path = change.path
        if path.startswith(".brieflint/") or not policy.is_brief(path):
            continue
        if change.status == "D":
            result.notes.append(f"{path} was deleted")
            continue
        briefs.append(path)
    used: list[Judged] = []
    if briefs:
        with BaseLint.at(repo, base) as lint:
            for path in briefs:
                row, judged = _gate_brief(repo, policy, fork, head, path, records, lint)
                result.rows.append(row)
                if judged is not None:
                    result.lint_configs.setdefault(judged.description, []).append(path)
                    used.append(judged)

    # 3. lint configuration changed here: say that the base's judged (it takes effect once merged)
    files = {f for j in used for f in j.files}
    folders = {f for j in used for f in j.folders}
    changed = sorted({p for c in changes for p in (c.old_path, c.new_path) if p is not None})
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


def _gate_brief(
    repo: GitRepo,
    policy: Policy,
    fork: str,
    head: str,
    path: str,
    records: list[rec.Record],
    lint_at_base: BaseLint,
) -> tuple[Row, Judged | None]:
    blob = repo.blob_at(head, path)
    names = repo.path_history(head, path)
    authors = repo.authors(fork, head, names)
    state: BriefState = derive(path, blob, records_for(records, names), policy, authors)
    reasons: list[str] = []
    data = repo.read_at(head, path) or b""
    judged: Judged | None = None
    try:
        summary, judged = lint_at_base.lint(path, decode(data, path))
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
    row = Row(
        brief=path,
        state=state.state,
        lint=lint,
        approvals=state.approvals_text(),
        stale=len(state.stale),
        requests=", ".join(sorted(state.requests)),
        ok=state.state in ("approved", "published") and lint == "pass",
        reasons=reasons,
    )
    return row, judged
