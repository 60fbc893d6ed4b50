"""Inline suppression comments in Markdown.

``<!-- brieflint-disable RULE[,RULE] -->`` … ``<!-- brieflint-enable [RULE] -->`` and
``<!-- brieflint-disable-next-line RULE -->``. Without rules they apply to every rule. Rules are
matched by prefix, like ``--select``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from brieflint.document import Document
from brieflint.findings import Finding

_COMMENT = regex.compile(
    r"<!--\s*brieflint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", regex.I
)


@dataclass
class Suppression:
    line: int
    column: int
    end_column: int
    action: str
    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    used: bool = False
    unknown: list[str] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        if not (self.first_line <= finding.line <= self.last_line):
            return False
        return not self.rules or any(matches(finding.rule, r) for r in self.rules)


def matches(rule_id: str, prefix: str) -> bool:
    return rule_id.startswith(prefix)


def parse(doc: Document) -> list[Suppression]:
    if not doc.markdown or "brieflint-" not in doc.text:
        return []
    result: list[Suppression] = []
    open_blocks: list[Suppression] = []
    last_line = doc.lines.line_count
    for m in _COMMENT.finditer(doc.text):
        action = m.group(1).lower()
        rules = tuple(r for r in regex.split(r"[\s,]+", m.group(2).strip()) if r)
        line, col = doc.position(m.start())
        end_col = doc.position(m.end())[1]
        if action == "disable-next-line":
            result.append(Suppression(line, col, end_col, action, rules, line + 1, line + 1))
        elif action == "disable":
            block = Suppression(line, col, end_col, action, rules, line, last_line)
            result.append(block)
            open_blocks.append(block)
        else:
            for block in list(open_blocks):
                if not rules or set(rules) & set(block.rules) or not block.rules:
                    block.last_line = line
                    open_blocks.remove(block)
    return result


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings; mark the suppressions that were used."""
    if not suppressions:
        return findings
    kept = []
    for finding in findings:
        hit = False
        for s in suppressions:
            if s.covers(finding):
                s.used = True
                hit = True
        if not hit:
            kept.append(finding)
    return kept
