"""Run rules over one document: findings with ids, severities, positions and suppressions."""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

from brieflint import postpass, suppress
from brieflint.document import Document
from brieflint.errors import DEBUG_VARIABLE, BrieflintError
from brieflint.findings import Edit, Finding, Fix, Severity
from brieflint.kinds import Hit, Mark, Outcome
from brieflint.location import SourceMap
from brieflint.ruleset import ActiveRule, Setup


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
    active = list(rules)
    findings: list[Finding] = []
    for rule in active:
        if rule.kind.post_pass is None:
            findings.extend(rule_findings(doc, rule, setup))
    return finish(doc, findings, active, setup)


def rule_findings(doc: Document, rule: ActiveRule, setup: Setup) -> list[Finding]:
    """What one rule's ``check`` finds in ``doc``, before the passes over all findings."""
    with failures_named(rule.id, doc.path):
        hits = list(rule.kind.check(doc, rule.options, setup.context))
        return [_finding(doc, rule, hit) for hit in hits]


class RuleError(BrieflintError):
    """A rule that failed on a draft (a bug in it): the draft is reported as not checked,
    naming the rule, and the other drafts are checked as usual."""

    def __init__(self, message: str, *, rule: str, path: str) -> None:
        super().__init__(message, path=path)
        self.rule = rule


_DETAIL_MAX = 200  # characters of the exception's own message kept in the one line


@contextmanager
def failures_named(rule_id: str, path: str) -> Iterator[None]:
    """Turn an exception a rule raises into one line naming the rule and the draft (exit 2).
    With ``BRIEFLINT_DEBUG`` set the exception goes on, for its traceback."""
    try:
        yield
    except BrieflintError:
        raise
    except RecursionError:
        message = f"rule {rule_id} gave up (input too deeply nested)"
        raise RuleError(message, rule=rule_id, path=path) from None
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        detail = one_line(str(exc))
        if len(detail) > _DETAIL_MAX:
            detail = detail[: _DETAIL_MAX - 1] + "…"
        message = (
            f"rule {rule_id} failed ({type(exc).__name__}{': ' + detail if detail else ''}); "
            f"the draft is not checked (a bug: set {DEBUG_VARIABLE}=1 for a traceback, "
            "and please report it)"
        )
        raise RuleError(message, rule=rule_id, path=path) from exc


def finish(
    doc: Document, findings: list[Finding], rules: Sequence[ActiveRule], setup: Setup
) -> list[Finding]:
    """The rules' ``findings`` in ``doc`` as reported: one finding per defect, suppression
    comments applied, the post-pass kinds' findings added, in order (``rules``: every rule
    that ran, the post-pass ones too)."""
    findings = after_rules(doc, findings, rules)
    suppressions = suppress.parse(doc)
    findings = suppress.apply(findings, suppressions)
    outcome = Outcome(
        findings=tuple(findings),
        suppressions=suppressions,
        rules=tuple(r.id for r in rules),
        names_a_rule=lambda prefix: _names_a_rule(prefix, setup),
    )
    for rule in rules:
        if rule.kind.post_pass is not None:
            with failures_named(rule.id, doc.path):
                marks = rule.kind.post_pass(doc, rule.options, setup.context, outcome)
                findings.extend(_marked(doc, rule, mark) for mark in marks)
    if doc.source_map is not None:
        findings = [_located(doc.source_map, f) for f in findings]
    findings.sort(key=lambda f: f.sort_key)
    return findings


def _located(source_map: SourceMap, finding: Finding) -> Finding:
    """``finding`` with its place in the source file (a .docx paragraph, a PDF page)."""
    location = source_map.locate(finding.start, finding.end)
    return finding if location is None else replace(finding, location=location)


def after_rules(
    doc: Document, findings: list[Finding], rules: Sequence[ActiveRule]
) -> list[Finding]:
    """The one place where passes over all of a document's findings run: after every rule's
    ``check``, before the suppression comments and the post-pass kinds (which see the result)."""
    return postpass.one_per_defect(findings, doc.text, {r.id: r.kind.name for r in rules})


def _names_a_rule(prefix: str, setup: Setup) -> bool:
    """Whether ``prefix`` selects a rule of the setup, or findings a kind relays (``lt.``)."""
    for relayed in _relayed_prefixes(setup):
        if prefix.startswith(relayed) or relayed.startswith(prefix):
            return True
    return any(suppress.matches(rid, prefix) for rid in setup.catalogue)


def _relayed_prefixes(setup: Setup) -> set[str]:
    rules = (*setup.base.values(), *setup.disabled.values())
    return {rule.kind.relays for rule in rules if rule.kind.relays}


def _marked(doc: Document, rule: ActiveRule, mark: Mark) -> Finding:
    if mark.message is not None:
        message = one_line(mark.message)
    else:
        message = format_message(rule.spec.message, mark.params)
    return Finding(
        path=doc.path,
        line=mark.line,
        column=mark.column,
        end_line=mark.line,
        end_column=mark.end_column,
        rule=rule.id,
        severity=rule.severity,
        message=message,
    )


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


__all__ = [
    "Edit",
    "RuleError",
    "failures_named",
    "finish",
    "format_message",
    "lint_document",
    "max_severity",
    "rule_findings",
]
