"""A rule's documentation in Markdown: ``brieflint rules show`` prints it, ``docs/rules.md`` is
made of it."""

from __future__ import annotations

import json

from brieflint import kinds, ruleset
from brieflint.rulespec import RuleSpec


def render_doc(spec: RuleSpec, setup: ruleset.Setup | None = None) -> str:
    """Markdown documentation of one rule (used by ``rules show`` and docs/rules.md)."""
    kind = kinds.get(spec.kind)
    lines = [
        f"## {spec.id}",
        "",
        f"{spec.description}",
        "",
        f"- kind: `{spec.kind}`"
        + (" (fixable with `brieflint fix`)" if kind and kind.fixable else ""),
        f"- default severity: {spec.severity}",
        f"- enabled by default: {'yes' if spec.enabled else 'no'}",
        "",
        "**Why**",
        "",
        spec.why.strip(),
        "",
        "**Bad**",
        "",
        "```",
        spec.examples.bad.rstrip("\n"),
        "```",
        "",
        "**Good**",
        "",
        "```",
        spec.examples.good.rstrip("\n"),
        "```",
    ]
    if spec.options:
        lines += ["", "**Options** (defaults)", "", "```yaml"]
        for key, value in spec.options.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("```")
    return "\n".join(lines) + "\n"
