"""Inline suppression comments in Markdown.

``<!-- brieflint-disable RULE[,RULE] -->`` … ``<!-- brieflint-enable [RULE] -->`` and
``<!-- brieflint-disable-next-line RULE -->``. Without rules they apply to every rule. Rules are
matched by prefix, like ``--select``.

Only real HTML comments count: a comment shown inside a code block or a code span is an example,
not a directive. A comment that starts like a directive but names no known directive (a typo such
as ``brieflint-disable-line``) suppresses nothing and is reported, as is a rule id that names no
rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from brieflint.document import Document
from brieflint.findings import Finding
from brieflint.masking import markdown_tokens

_COMMENT = regex.compile(r"<!--\s*brieflint-([\w-]*)([^>]*?)\s*-->", regex.I)
_ACTIONS = ("disable-next-line", "disable", "enable")


@dataclass
class Suppression:
    line: int
    column: int
    end_column: int
    action: str  # one of _ACTIONS, or the unknown directive as written
    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    used: bool = False

    @property
    def known(self) -> bool:
        return self.action in _ACTIONS

    def covers(self, finding: Finding) -> bool:
        if not self.known or self.action == "enable":
            return False
        if not (self.first_line <= finding.line <= self.last_line):
            return False
        return not self.rules or any(matches(finding.rule, r) for r in self.rules)


def matches(rule_id: str, prefix: str) -> bool:
    return rule_id.startswith(prefix)


def parse(doc: Document) -> list[Suppression]:
    if not doc.markdown or "brieflint-" not in doc.text:
        return []
    comments = _html_comments(doc)
    result: list[Suppression] = []
    open_blocks: list[Suppression] = []
    last_line = doc.lines.line_count
    for m in _COMMENT.finditer(doc.text):
        line, col = doc.position(m.start())
        if (line, m.group()) not in comments:
            continue  # shown in code, or otherwise not an HTML comment of the draft
        action = m.group(1).lower()
        rules = tuple(r for r in regex.split(r"[\s,]+", m.group(2).strip()) if r)
        end_col = doc.position(m.end())[1]
        if action == "disable-next-line":
            result.append(Suppression(line, col, end_col, action, rules, line + 1, line + 1))
        elif action == "disable":
            block = Suppression(line, col, end_col, action, rules, line, last_line)
            result.append(block)
            open_blocks.append(block)
        elif action == "enable":
            result.append(Suppression(line, col, end_col, action, rules, line, line))
            for block in list(open_blocks):
                if not rules or set(rules) & set(block.rules) or not block.rules:
                    block.last_line = line
                    open_blocks.remove(block)
        else:
            result.append(Suppression(line, col, end_col, m.group(1), rules, line, line))
    return result


def _html_comments(doc: Document) -> set[tuple[int, str]]:
    """(line, text) of the directive-like comments Markdown reads as HTML, not as code."""
    body_start = doc.front_matter.end if doc.front_matter is not None else 0
    first_line = doc.position(body_start)[0]
    found: set[tuple[int, str]] = set()
    for token in markdown_tokens(doc.text[body_start:]):
        if token.map is None:
            continue
        top = token.map[0] + first_line
        if token.type == "html_block":
            start = doc.lines.starts[top - 1]
            end = doc.lines.line_span(min(token.map[1] + first_line - 1, doc.lines.line_count))[1]
            for m in _COMMENT.finditer(doc.text, start, end):
                found.add((doc.position(m.start())[0], m.group()))
        elif token.type == "inline":
            line = top
            for child in token.children or ():
                if child.type == "html_inline" and _COMMENT.fullmatch(child.content):
                    found.add((line, child.content))
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                else:  # a comment may span lines
                    line += child.content.count("\n")
    return found


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
