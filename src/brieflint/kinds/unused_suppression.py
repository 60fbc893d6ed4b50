"""unused-suppression: a brieflint-disable comment that suppressed nothing.

A post-pass: it runs after every other rule, over their findings and the document's suppression
comments. A comment is judged only when every rule it names ran this time. A comment whose
directive or rule names nothing is reported too, whatever it suppressed.
"""

from __future__ import annotations

from collections.abc import Iterator

from brieflint import suppress
from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Mark, Options, Outcome


class UnusedSuppressionOptions(Options):
    pass


def check(doc: Document, options: UnusedSuppressionOptions, ctx: Context) -> Iterator[Hit]:
    return iter(())


def after(
    doc: Document, options: UnusedSuppressionOptions, ctx: Context, outcome: Outcome
) -> Iterator[Mark]:
    for s in outcome.suppressions:
        message = _suppression_problem(s, outcome)
        # a suppression naming a rule that did not run this time cannot be judged
        judged = all(any(suppress.matches(rid, p) for rid in outcome.rules) for p in s.rules)
        if message is not None:
            yield Mark(s.line, s.column, s.end_column, message=message)
        elif not s.used and s.action != "enable" and judged:
            what = ", ".join(s.rules) or "all rules"
            yield Mark(s.line, s.column, s.end_column, {"rules": what})


def _suppression_problem(s: suppress.Suppression, outcome: Outcome) -> str | None:
    """Why a suppression comment can never work (an unknown directive or rule), or None."""
    if not s.known:
        return (
            f"'brieflint-{s.action}' is not a suppression directive (disable, "
            "disable-next-line or enable), so it suppresses nothing"
        )
    unknown = [p for p in s.rules if not outcome.names_a_rule(p)]
    if unknown:
        names = ", ".join(unknown)
        return f"suppression comment names no rule: {names} (`brieflint rules` lists them)"
    return None


KIND = Kind(
    "unused-suppression",
    UnusedSuppressionOptions,
    check,
    "Suppression comments that suppress nothing.",
    whole_document=True,
    post_pass=after,
)
