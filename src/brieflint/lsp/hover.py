"""Hover on a finding: its rule's description and why, from the rule's documentation."""

from __future__ import annotations

from brieflint import ruleset
from brieflint.findings import Finding
from brieflint.lsp.linting import spec_of


def text(findings: list[Finding], setup: ruleset.Setup) -> str | None:
    """Markdown for the findings under the cursor (None: there are none)."""
    parts: list[str] = []
    seen: set[str] = set()
    for finding in findings:
        if finding.rule in seen:
            continue
        seen.add(finding.rule)
        spec = spec_of(setup, finding.rule)
        lines = [f"**{finding.rule}**: {finding.message}"]
        if spec is not None:
            lines += ["", spec.description]
            if spec.why.strip():
                lines += ["", f"*Why:* {spec.why.strip()}"]
            if spec.id != finding.rule:
                lines += ["", f"(reported through `{spec.id}`)"]
            lines += ["", f"`brieflint rules show {spec.id}` shows its examples."]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts) if parts else None
