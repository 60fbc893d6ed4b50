"""A brief's review state, derived from its records (never stored in the brief).

``draft → in-review → changes-requested | approved → published``; ``withdrawn`` from any state.
Approvals count only at the blob they were given for (others are *stale*) and only when the
reviewer holds the role in the policy and did not author the changes under review. A change
request stays in force across new versions until its reviewer approves or clears it, or a holder
of an override role clears it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brieflint.review.policy import Policy
from brieflint.review.records import Record, State

REVIEWING: tuple[State, ...] = ("in-review", "changes-requested", "approved")


@dataclass(frozen=True)
class Approval:
    reviewer: str
    role: str
    blob: str
    record: str  # record id


@dataclass
class BriefState:
    brief: str
    blob: str | None
    state: State
    needed: dict[str, int]
    approvals: list[Approval] = field(default_factory=list)  # fresh and counted
    stale: list[Approval] = field(default_factory=list)
    ignored: list[tuple[Approval, str]] = field(default_factory=list)
    requests: dict[str, Record] = field(default_factory=dict)  # open, by reviewer
    published_blob: str | None = None
    records: int = 0
    refused: list[tuple[Record, str]] = field(default_factory=list)  # moves the rules refuse

    def counts(self) -> dict[str, int]:
        result = {role: 0 for role in self.needed}
        for role in sorted({a.role for a in self.approvals}):
            result[role] = len({a.reviewer for a in self.approvals if a.role == role})
        return result

    def missing(self) -> dict[str, int]:
        """Roles still short of approvals, and by how many."""
        have = self.counts()
        short = {r: n - have.get(r, 0) for r, n in self.needed.items() if have.get(r, 0) < n}
        if not self.approvals and not short:
            short["any role"] = 1
        return short

    @property
    def requirements_met(self) -> bool:
        return not self.missing()

    def approvals_text(self) -> str:
        have = self.counts()
        parts = [f"{role} {have.get(role, 0)}/{n}" for role, n in sorted(self.needed.items())]
        parts += [f"{role} {c}" for role, c in sorted(have.items()) if role not in self.needed]
        return ", ".join(parts) or "none"

    def as_json(self) -> dict[str, Any]:
        return {
            "brief": self.brief,
            "blob": self.blob,
            "state": self.state,
            "approvals": self.counts(),
            "needed": dict(self.needed),
            "missing": self.missing(),
            "stale_approvals": [
                {"reviewer": a.reviewer, "role": a.role, "blob": a.blob, "record": a.record}
                for a in self.stale
            ],
            "open_change_requests": [
                {
                    "reviewer": who,
                    "record": rec.id,
                    "comment": rec.payload.comment,
                    "blob": rec.payload.blob,
                }
                for who, rec in sorted(self.requests.items())
            ],
            "approvals_not_counted": [
                {"reviewer": a.reviewer, "role": a.role, "reason": why} for a, why in self.ignored
            ],
            "refused_records": [
                {"record": r.id, "action": r.payload.action, "reason": why}
                for r, why in self.refused
            ],
            "records": self.records,
        }


def records_for(records: Iterable[Record], names: Sequence[str]) -> list[Record]:
    """Records of a brief known under any of ``names`` (its path and earlier names)."""
    wanted = set(names)
    return sorted((r for r in records if r.payload.brief in wanted), key=lambda r: r.sort_key)


def refusal(
    before: BriefState,
    action: str,
    reviewer: str,
    *,
    role: str | None,
    clears: Sequence[str],
    comment: str,
    policy: Policy,
) -> str | None:
    """Why ``reviewer`` may not make the move ``action`` from ``before`` (the brief's state at
    the content the move is about); None when the move is allowed.

    The one set of transition rules: the recording commands refuse a move with this reason, and
    the gate replays every record through it (``derive``), so a record written by hand gains
    nothing the commands would not have allowed.
    """
    state = before.state
    who = reviewer.lower()
    if action == "submit" and state not in ("draft", "withdrawn"):
        return f"the brief is already {state}"
    if action in ("approve", "request-changes") and state not in REVIEWING:
        return f"the brief is {state}; it must be submitted for review first"
    if action == "request-changes" and not comment.strip():
        return "say what must change (-m)"
    if action == "withdraw" and (state == "withdrawn" or before.records == 0):
        return f"the brief is {state}"
    if action == "publish":
        if state != "approved":
            missing = ", ".join(f"{r} {n}" for r, n in before.missing().items())
            detail = f" (missing approvals: {missing})" if missing else ""
            return f"the brief is {state}, not approved at this content{detail}"
        allowed = policy.publish_roles_for(before.brief)
        if role is None or role not in allowed:
            return f"only a holder of {', '.join(sorted(allowed)) or 'no role'} may publish it" + (
                f" (not {role})" if role else ""
            )
    if action == "clear":
        for target in [c.lower() for c in clears] or [who]:
            if target not in before.requests:
                return f"{target} has no open change request"
            if target != who and not policy.can_override(who):
                return (
                    f"only {target} or a holder of an override role "
                    f"({', '.join(policy.override_roles) or 'none defined'}) may clear it"
                )
    return None


# moves that can only hold a brief back take effect even when the rules refuse them
HOLDING_BACK = ("submit", "request-changes", "withdraw")


@dataclass
class _Replay:
    """The running state of a replay of a brief's records."""

    brief: str
    policy: Policy
    excluded: set[str]
    lifecycle: State = "draft"
    given: dict[tuple[str, str], Approval] = field(default_factory=dict)
    requests: dict[str, Record] = field(default_factory=dict)
    published: str | None = None
    count: int = 0

    def apply(self, rec: Record) -> None:
        p = rec.payload
        who = p.reviewer.lower()
        self.count += 1
        if p.action == "submit":
            self.lifecycle = "in-review"
        elif p.action == "approve" and p.role is not None:
            self.given[(who, p.role)] = Approval(who, p.role, p.blob, rec.id)
            self.requests.pop(who, None)
            if self.lifecycle == "draft":
                self.lifecycle = "in-review"
        elif p.action == "request-changes":
            if self.policy.roles_of(who):
                self.requests[who] = rec
            self.given = {k: v for k, v in self.given.items() if k[0] != who}
            if self.lifecycle == "draft":
                self.lifecycle = "in-review"
        elif p.action == "clear":
            for target in p.clears or [who]:
                target = target.lower()
                if target == who or self.policy.can_override(who):
                    self.requests.pop(target, None)
        elif p.action == "withdraw":
            self.lifecycle = "withdrawn"
            self.given.clear()
        elif p.action == "publish":
            self.lifecycle = "published"
            self.published = p.blob

    def state_at(self, blob: str | None, *, exclude: bool = True) -> BriefState:
        """The state at ``blob``; ``exclude=False`` counts the authors' approvals too."""
        result = BriefState(
            brief=self.brief,
            blob=blob,
            state=self.lifecycle,
            needed=self.policy.required_for(self.brief),
            requests=dict(self.requests),
            published_blob=self.published,
            records=self.count,
        )
        for approval in self.given.values():
            if approval.blob != blob:
                result.stale.append(approval)
            elif not self.policy.holds(approval.reviewer, approval.role):
                why = f"does not hold role {approval.role!r} in the policy"
                result.ignored.append((approval, why))
            elif exclude and approval.reviewer in self.excluded:
                result.ignored.append((approval, "authored changes to the brief"))
            else:
                result.approvals.append(approval)
        if self.lifecycle == "published" and blob != self.published:
            result.state = "draft"  # a new version of a published brief starts over
        elif self.lifecycle == "in-review":
            if self.requests:
                result.state = "changes-requested"
            elif result.requirements_met:
                result.state = "approved"
        return result


def derive(
    brief: str,
    blob: str | None,
    records: Sequence[Record],
    policy: Policy,
    authors: Iterable[str] = (),
    settled: Container[str] = (),
) -> BriefState:
    """The state of ``brief`` whose current content is ``blob``, from its sorted ``records``.

    Each record is checked with ``refusal`` against the state at its own blob, given the
    records before it. A refused approve, clear or publish has no effect (it is listed in
    ``refused``); a refused submit, request-changes or withdraw takes effect all the same,
    since it can only hold the brief back.

    ``authors`` are those who changed the brief in the change under review: their approvals
    do not count, neither in the result nor when a new record's move is checked. Records whose
    id is in ``settled`` (already on the base branch, judged when they were merged, when other
    people were the authors) are checked without that exclusion.
    """
    excluded = {a.lower() for a in authors} if policy.exclude_authors else set()
    replay = _Replay(brief, policy, excluded)
    refused: list[tuple[Record, str]] = []
    for rec in records:
        p = rec.payload
        before = replay.state_at(p.blob, exclude=rec.id not in settled)
        reason = refusal(
            before,
            p.action,
            p.reviewer,
            role=p.role,
            clears=p.clears,
            comment=p.comment,
            policy=policy,
        )
        if reason is not None:
            refused.append((rec, f"cannot {p.action}: {reason}"))
            if p.action not in HOLDING_BACK:
                continue
        replay.apply(rec)
    result = replay.state_at(blob)
    result.refused = refused
    return result
