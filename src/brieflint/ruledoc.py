"""A rule's documentation in Markdown: ``brieflint rules show`` prints it, ``docs/rules.md`` is
made of it."""

from __future__ import annotations

import json
from typing import Any

from brieflint import kinds, ruleset
from brieflint.rulespec import RuleSpec


def fix_tiers(kind: kinds.Kind[Any] | None) -> list[str]:
    """The tiers of a kind's fixes ("safe", "unsafe"), from its declaration."""
    return [a.value for a in kind.applicabilities] if kind is not None else []


def fix_summary(kind: kinds.Kind[Any] | None) -> str:
    """One line on what ``brieflint fix`` does with a kind's findings."""
    tiers = fix_tiers(kind)
    if not tiers:
        return "no automatic fix"
    if tiers == ["safe"]:
        return "safe fix: applied by `brieflint fix`"
    if tiers == ["unsafe"]:
        return "unsafe fix: applied only by `brieflint fix --unsafe-fixes`"
    return "safe and unsafe fixes: `brieflint fix` applies the safe ones, --unsafe-fixes the rest"


def render_fixes(kind: kinds.Kind[Any] | None) -> list[str]:
    """The **Fix** section of a rule's documentation: each declared fix, its tier and why."""
    if kind is None or not kind.fixes:
        return []
    lines = ["", "**Fix**", ""]
    for declared in kind.fixes:
        tier = declared.applicability.value
        lines.append(f"- {tier}: {declared.name}. {declared.why}")
    return lines


def render_doc(spec: RuleSpec, setup: ruleset.Setup | None = None) -> str:
    """Markdown documentation of one rule (used by ``rules show`` and docs/rules.md)."""
    kind = kinds.get(spec.kind)
    lines = [
        f"## {spec.id}",
        "",
        f"{spec.description}",
        "",
        f"- kind: `{spec.kind}`",
        f"- fix: {fix_summary(kind)}",
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
        *render_fixes(kind),
    ]
    if spec.options:
        lines += ["", "**Options** (defaults)", "", "```yaml"]
        for key, value in spec.options.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("```")
    return "\n".join(lines) + "\n"
