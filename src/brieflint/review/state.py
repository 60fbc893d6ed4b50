"""A brief's review state, derived from its records (never stored in the brief).

``draft → in-review → changes-requested | approved → published``; ``withdrawn`` from any state.
Approvals count only at the blob they were given for (others are *stale*) and only when the
reviewer holds the role in the policy and did not author the changes under review. A change
request stays in force across new versions until its reviewer approves or clears it, or a holder
of an override role clears it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brieflint.review.policy import Policy
from brieflint.review.records import Record, State


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
            "records": self.records,
        }


def records_for(records: Iterable[Record], names: Sequence[str]) -> list[Record]:
    """Records of a brief known under any of ``names`` (its path and earlier names)."""
    wanted = set(names)
    return sorted((r for r in records if r.payload.brief in wanted), key=lambda r: r.sort_key)


def derive(
    brief: str,
    blob: str | None,
    records: Sequence[Record],
    policy: Policy,
    authors: Iterable[str] = (),
) -> BriefState:
    """The state of ``brief`` whose current content is ``blob``, from its sorted ``records``."""
    excluded = {a.lower() for a in authors} if policy.exclude_authors else set()
    lifecycle: State = "draft"
    given: dict[tuple[str, str], Approval] = {}
    requests: dict[str, Record] = {}
    published: str | None = None
    for rec in records:
        p = rec.payload
        who = p.reviewer.lower()
        if p.action == "submit":
            lifecycle = "in-review"
        elif p.action == "approve" and p.role is not None:
            given[(who, p.role)] = Approval(who, p.role, p.blob, rec.id)
            requests.pop(who, None)
            if lifecycle == "draft":
                lifecycle = "in-review"
        elif p.action == "request-changes":
            if policy.roles_of(who):
                requests[who] = rec
            given = {k: v for k, v in given.items() if k[0] != who}
            if lifecycle == "draft":
                lifecycle = "in-review"
        elif p.action == "clear":
            for target in p.clears or [who]:
                target = target.lower()
                if target == who or policy.can_override(who):
                    requests.pop(target, None)
        elif p.action == "withdraw":
            lifecycle = "withdrawn"
            given.clear()
        elif p.action == "publish":
            lifecycle = "published"
            published = p.blob
    result = BriefState(
        brief=brief,
        blob=blob,
        state=lifecycle,
        needed=policy.required_for(brief),
        requests=requests,
        published_blob=published,
        records=len(records),
    )
    for approval in given.values():
        if approval.blob != blob:
            result.stale.append(approval)
        elif not policy.holds(approval.reviewer, approval.role):
            result.ignored.append((approval, f"does not hold role {approval.role!r} in the policy"))
        elif approval.reviewer in excluded:
            result.ignored.append((approval, "authored changes to the brief"))
        else:
            result.approvals.append(approval)
    if lifecycle == "published" and blob != published:
        result.state = "draft"  # a new version of a published brief starts over
    elif lifecycle == "in-review":
        if requests:
            result.state = "changes-requested"
        elif result.requirements_met:
            result.state = "approved"
    return result
