"""Run rules over one document: findings with ids, severities, positions and suppressions."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

from brieflint import suppress
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.findings import Edit, Finding, Fix, Severity
from brieflint.kinds import Hit
from brieflint.ruleset import ActiveRule, Setup

UNUSED_SUPPRESSION = "meta.unused-suppression"


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def format_message(template: str, params: Mapping[str, object]) -> str:
    try:
        return one_line(_FORMATTER.vformat(template, (), _Params(params)))
    except (ValueError, IndexError, AttributeError):
        return one_line(template)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def one_line(message: str) -> str:
    """A message on one line (reporters print a finding a line): a line break in the quoted
    text, as in a word broken across lines, shows as ⏎."""
    return _LINE_BREAK.sub("⏎", message) if "\n" in message or "\r" in message else message


def lint_document(doc: Document, rules: Iterable[ActiveRule], setup: Setup) -> list[Finding]:
    findings: list[Finding] = []
    active = list(rules)
    for rule in active:
        if rule.id == UNUSED_SUPPRESSION:
            continue
        try:
            hits = list(rule.kind.check(doc, rule.options, setup.context))
        except BrieflintError:
            raise
        except RecursionError:
            raise BrieflintError(
                f"rule {rule.id} gave up (input too deeply nested)", path=doc.path
            ) from None
        findings.extend(_finding(doc, rule, hit) for hit in hits)
    suppressions = suppress.parse(doc)
    findings = suppress.apply(findings, suppressions)
    unused = next((r for r in active if r.id == UNUSED_SUPPRESSION), None)
    if unused is not None:
        active_ids = [r.id for r in active]
        for s in suppressions:
            message = _suppression_problem(s, setup)
            # a suppression naming a rule that did not run this time cannot be judged
            judged = all(any(suppress.matches(rid, p) for rid in active_ids) for p in s.rules)
            if message is None and not s.used and s.action != "enable" and judged:
                what = ", ".join(s.rules) or "all rules"
                message = format_message(unused.spec.message, {"rules": what})
            if message is not None:
                findings.append(
                    Finding(
                        path=doc.path,
                        line=s.line,
                        column=s.column,
                        end_line=s.line,
                        end_column=s.end_column,
                        rule=unused.id,
                        severity=unused.severity,
                        message=message,
                    )
                )
    findings.sort(key=lambda f: f.sort_key)
    return findings


def _suppression_problem(s: suppress.Suppression, setup: Setup) -> str | None:
    """Why a suppression comment can never work (an unknown directive or rule), or None."""
    if not s.known:
        return (
            f"'brieflint-{s.action}' is not a suppression directive (disable, "
            "disable-next-line or enable), so it suppresses nothing"
        )
    unknown = [p for p in s.rules if not _names_a_rule(p, setup)]
    if unknown:
        names = ", ".join(unknown)
        return f"suppression comment names no rule: {names} (`brieflint rules` lists them)"
    return None


def _names_a_rule(prefix: str, setup: Setup) -> bool:
    # LanguageTool's findings carry its own rule ids under "lt."
    if prefix.startswith("lt.") or "lt.".startswith(prefix):
        return True
    return any(suppress.matches(rid, prefix) for rid in setup.catalogue)


def _finding(doc: Document, rule: ActiveRule, hit: Hit) -> Finding:
    start = max(0, min(hit.start, len(doc.text)))
    end = max(start, min(hit.end, len(doc.text)))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    params: dict[str, object] = {"match": doc.text[start:end], **hit.params}
    if hit.suggestions and "suggestion" not in params:
        params["suggestion"] = hit.suggestions[0]
    if hit.message is not None:
        message = one_line(hit.message)
    else:
        message = format_message(rule.spec.message, params)
    fix = None
    if hit.fix:
        declared = rule.kind.fix_declaration(hit.fix_as)
        edits = tuple(sorted(hit.fix, key=lambda e: e.start))
        fix = Fix(edits, description=declared.name, applicability=declared.applicability)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=hit.rule or rule.id,
        severity=hit.severity or rule.severity,
        message=message,
        suggestions=hit.suggestions,
        fix=fix,
        start=start,
        end=end,
        context=doc.text[start:end],
    )


def max_severity(findings: Iterable[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)


__all__ = ["Edit", "format_message", "lint_document", "max_severity"]
