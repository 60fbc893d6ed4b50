"""A rule's documentation in Markdown: ``brieflint rules show`` prints it, ``docs/rules.md`` is
made of it.

What a rule's options are comes from its kind's pydantic ``Options`` model (type, default,
description, constraints), so the documentation cannot drift from what the code accepts.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from brieflint import kinds, ruleset
from brieflint.rulespec import RuleSpec

# cells longer than this show their start; the rule file and `rules show` have the whole value
MAX_CELL = 60
# placeholders every rule's message may use, filled by the engine
COMMON_PLACEHOLDERS = {
    "match": "the text found",
    "suggestion": "the first suggestion",
}


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


def render_doc(
    spec: RuleSpec, setup: ruleset.Setup | None = None, heading: str | None = None
) -> str:
    """Markdown documentation of one rule (used by ``rules show`` and docs/rules.md); with
    ``setup``, options show the values that setup gives them."""
    kind = kinds.get(spec.kind)
    lines = [
        f"## {heading or spec.id}",
        "",
        f"{spec.description}",
        "",
        f"- kind: `{spec.kind}`",
        f"- fix: {fix_summary(kind)}",
        f"- default severity: {spec.severity}",
        f"- enabled by default: {'yes' if spec.enabled else 'no'}",
        *(_declarations(kind) if kind else []),
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
        *_fixed(spec.examples.fixed),
        "**Good**",
        "",
        "```",
        spec.examples.good.rstrip("\n"),
        "```",
        *render_fixes(kind),
        "",
        *_message(spec.message),
    ]
    if kind is not None and kind.options.model_fields:
        active = _active(spec.id, setup)
        values = active.options.model_dump() if active is not None else dict(spec.options)
        column = "value" if active is not None else "default"
        lines += ["", "**Options**", "", *options_table(kind.options, values, column)]
        lines += _nested_tables(kind.options)
    if spec.options:
        lines += ["", "**Set by this rule file**", "", "```yaml"]
        for key, value in spec.options.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("```")
    return "\n".join(lines) + "\n"


def _fixed(text: str | None) -> list[str]:
    if text is None:
        return []
    return ["**Fixed** by `brieflint fix`", "", "```", text.rstrip("\n"), "```", ""]


def _active(rule_id: str, setup: ruleset.Setup | None) -> ruleset.ActiveRule | None:
    if setup is None:
        return None
    return setup.base.get(rule_id) or setup.disabled.get(rule_id)


def _declarations(kind: kinds.Kind[Any]) -> list[str]:
    found = []
    if kind.backend == "spelling":
        found.append("- uses the offline lexicon (wordfreq and the house vocabulary)")
    elif kind.backend == "grammar":
        found.append("- uses a LanguageTool server (`languagetool.mode`)")
    if kind.whole_document:
        found.append("- reads the whole draft: a finding can depend on text elsewhere in it")
    if kind.post_pass is not None:
        found.append("- runs after the other rules, over their findings")
    if not kind.cacheable:
        found.append("- findings are not stored in the result cache while its backend is in use")
    return found


def placeholders(template: str) -> list[str]:
    """The ``{names}`` a message template uses, in order, once each."""
    names: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return names
    for _, name, _, _ in parsed:
        if name and name not in names:
            names.append(name)
    return names


def _message(template: str) -> list[str]:
    lines = ["**Message**", "", f"`{template}`"]
    used = placeholders(template)
    if used:
        described = [
            f"`{{{name}}}` ({COMMON_PLACEHOLDERS[name]})"
            if name in COMMON_PLACEHOLDERS
            else f"`{{{name}}}`"
            for name in used
        ]
        lines += ["", "Placeholders: " + ", ".join(described) + "."]
    return lines


def options_table(
    model: type[BaseModel], values: Mapping[str, Any], column: str = "default"
) -> list[str]:
    """A Markdown table of ``model``'s fields: name, type, value (``values`` or the field's
    default) and description."""
    schema = model.model_json_schema()
    defs: dict[str, Any] = schema.get("$defs", {})
    rows = [f"| option | type | {column} | description |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        prop = schema.get("properties", {}).get(name, {})
        if name in values:
            value = _value(values[name])
        elif info.is_required():
            value = "(required)"
        else:
            value = _value(info.get_default(call_default_factory=True))
        rows.append(
            f"| `{name}` | {_cell(type_of(prop, defs))} | {_cell(_shorten(value))} "
            f"| {_cell(info.description or '')} |"
        )
    return rows


def _nested_tables(model: type[BaseModel]) -> list[str]:
    """Tables for the models that ``model``'s options are made of (metadata's fields)."""
    lines: list[str] = []
    for name, nested in _nested_models(model).items():
        lines += ["", f"`{name}`:", "", *options_table(nested, {})]
    return lines


def _nested_models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    pending = [model]
    while pending:
        current = pending.pop(0)
        for info in current.model_fields.values():
            for candidate in _models_in(info.annotation):
                if candidate is not model and candidate.__name__ not in found:
                    found[candidate.__name__] = candidate
                    pending.append(candidate)
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        found.extend(_models_in(arg))
    return found


def type_of(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
    """A JSON Schema type, as a reader says it: ``list of string``, ``integer ≥ 2``."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(json.dumps(v, ensure_ascii=False) for v in schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if "anyOf" in schema:
        parts = [type_of(part, defs) for part in schema["anyOf"]]
        return " or ".join(dict.fromkeys(parts))
    kind = schema.get("type")
    if kind == "array":
        return f"list of {type_of(schema.get('items', {}), defs)}"
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return f"mapping of string to {type_of(extra, defs)}"
        return "mapping"
    text = str(kind) if kind else "any"
    bounds = [
        ("minimum", "≥"),
        ("exclusiveMinimum", ">"),
        ("maximum", "≤"),
        ("exclusiveMaximum", "<"),
    ]
    limits = [f"{sign} {schema[key]}" for key, sign in bounds if key in schema]
    return text + (" " + ", ".join(limits) if limits else "")


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
