"""JSON Schemas for ``brieflint.yaml`` and rule files, generated from the pydantic models.

``python -m brieflint.docs`` writes them to ``docs/schema/``; an editor that knows JSON Schema
(VS Code's YAML extension, JetBrains IDEs) then completes and checks keys, rule ids and each rule's
options while the file is written. The schemas say what brieflint accepts; brieflint itself
validates with pydantic, whose messages name the file, line and key.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from brieflint import data, kinds, rulespec, style
from brieflint.config import Config
from brieflint.rulespec import RuleSpec

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SEVERITIES = ["error", "warning", "info"]
# a rule's entry under ``rules:`` may be a severity, on/off (YAML 1.1 reads them as booleans)
SHORTHAND: list[dict[str, Any]] = [
    {"type": "boolean"},
    {"enum": ["on", "off", *SEVERITIES]},
]


def _kind_models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for name in kinds.names():
        kind = kinds.get(name)
        if kind is not None:
            found[name] = kind.options
    return found


def _definitions() -> tuple[dict[str, str], dict[str, Any]]:
    """Each kind's options definition name, and every definition (config, rule, options)."""
    models = _kind_models()
    wanted: list[tuple[type[BaseModel], Any]] = [(Config, "validation"), (RuleSpec, "validation")]
    wanted += [(model, "validation") for model in models.values()]
    refs, top = models_json_schema(wanted, ref_template="#/$defs/{model}")
    names = {
        kind: refs[(model, "validation")]["$ref"].rsplit("/", 1)[-1]
        for kind, model in models.items()
    }
    return names, dict(top.get("$defs", {}))


def _rule_kinds() -> dict[str, str]:
    """Every shipped rule id (all styles, every built-in style) with its kind."""
    found = {spec.id: spec.kind for spec, _ in rulespec.load_rule_dir(data.rules_dir()).values()}
    for name in style.builtin_styles():
        for layer in style.load_chain(name, None):
            for rid, (spec, _) in layer.rules.items():
                found.setdefault(rid, spec.kind)
    return dict(sorted(found.items()))


def _override(defs: dict[str, Any], options: dict[str, Any] | None) -> dict[str, Any]:
    """A rule's entry in ``rules:``: shorthand or {enabled, severity, options}."""
    settings = copy.deepcopy(defs["RuleOverride"])
    if options is not None:
        settings["properties"]["options"] = options
    return {"anyOf": [*SHORTHAND, settings]}


def config_schema() -> dict[str, Any]:
    """The schema of ``brieflint.yaml`` (and of ``[tool.brieflint]``)."""
    names, defs = _definitions()
    schema = defs.pop("Config")
    defs.pop("RuleSpec")
    # options given in a config are merged over the rule's own: each key is optional there
    for def_name in set(names.values()):
        defs[def_name].pop("required", None)
    rules: dict[str, Any] = {
        "type": "object",
        "description": schema["properties"]["rules"].get("description", ""),
        "properties": {
            rid: _override(defs, {"$ref": f"#/$defs/{names[kind]}"})
            for rid, kind in _rule_kinds().items()
            if kind in names
        },
        "additionalProperties": {"$ref": "#/$defs/RuleOverride"},
    }
    defs["RuleOverride"] = _override(defs, None)
    defs["RuleSettings"] = rules
    schema["properties"]["rules"] = {"$ref": "#/$defs/RuleSettings"}
    defs["Override"]["properties"]["rules"] = {"$ref": "#/$defs/RuleSettings"}
    return {
        "$schema": DIALECT,
        "title": "brieflint configuration (brieflint.yaml, .brieflint.yaml, [tool.brieflint])",
        **{k: v for k, v in schema.items() if k != "title"},
        "$defs": dict(sorted(defs.items())),
    }


def rule_schema() -> dict[str, Any]:
    """The schema of a rule file (``rules/<id>.yaml``, a style's ``rules/<id>.yaml``)."""
    names, defs = _definitions()
    schema = defs.pop("RuleSpec")
    defs.pop("Config")
    for unused in ("LanguageToolConfig", "Override", "RuleOverride"):
        defs.pop(unused, None)
    schema["properties"].pop("source", None)  # set by brieflint, not written in the file
    schema["properties"]["kind"]["enum"] = sorted(names)
    schema["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {"options": {"$ref": f"#/$defs/{def_name}"}}},
        }
        for kind, def_name in sorted(names.items())
    ]
    return {
        "$schema": DIALECT,
        "title": "brieflint rule file",
        **{k: v for k, v in schema.items() if k != "title"},
        "$defs": dict(sorted(defs.items())),
    }
