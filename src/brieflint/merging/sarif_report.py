"""Merge SARIF 2.1.0 logs of brieflint: one run, its rules the union, results re-indexed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brieflint.display import printable
from brieflint.findings import Severity
from brieflint.merging.parts import Part, error, fails, shard_block
from brieflint.reporters.sarif import artifact_uri

_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.INFO}


@dataclass
class Loaded:
    part: Part
    log: dict[str, Any]
    run: dict[str, Any]
    rules: dict[str, dict[str, Any]]
    results: list[dict[str, Any]]


def load(name: str, value: dict[str, Any]) -> Loaded:
    """A SARIF log's one brieflint run, checked for the shape ``merge`` relies on."""
    part = Part(name)
    if value.get("version") != "2.1.0":
        raise error(part, f"SARIF version {value.get('version')!r}: brieflint merges 2.1.0")
    runs = value.get("runs")
    if not isinstance(runs, list) or len(runs) != 1 or not isinstance(runs[0], dict):
        raise error(part, "not a brieflint SARIF log (it has not exactly one run)")
    run = runs[0]
    driver = run.get("tool", {}).get("driver") if isinstance(run.get("tool"), dict) else None
    if not isinstance(driver, dict) or driver.get("name") != "brieflint":
        raise error(part, "not a brieflint SARIF log (its tool is not brieflint)")
    part.version = str(driver.get("version"))
    rules_list = driver.get("rules", [])
    results = run.get("results")
    if not isinstance(rules_list, list) or not isinstance(results, list):
        raise error(part, "a SARIF run without rules or results")
    rules: dict[str, dict[str, Any]] = {}
    uris: set[str] = set()
    for rule in rules_list:
        if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
            raise error(part, "a rule without an id")
        rules[rule["id"]] = rule
    for number, result in enumerate(results, 1):
        if (
            not isinstance(result, dict)
            or not isinstance(result.get("ruleId"), str)
            or result["ruleId"] not in rules
            or not isinstance(result.get("level"), str)
            or result["level"] not in _SEVERITY
        ):
            raise error(part, f"result {number} has no known rule or level")
        uris.add(_uri_of(part, number, result))
    properties = run.get("properties", {})
    if not isinstance(properties, dict):
        raise error(part, "the run's properties are not an object")
    backends = properties.get("backends")
    part.backends = backends if isinstance(backends, dict) else None
    if "shard" in properties:
        shard_block(part, properties["shard"])
    part.files = {artifact_uri(name) for name in part.files} | uris
    return Loaded(part, value, run, rules, results)


def _uri_of(part: Part, number: int, result: dict[str, Any]) -> str:
    try:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    except (KeyError, IndexError, TypeError):
        raise error(part, f"result {number} has no location") from None
    if not isinstance(uri, str):
        raise error(part, f"result {number} has no location")
    return uri


def merge(loaded: Sequence[Loaded], threshold: str) -> tuple[str, bool]:
    """The merged log's text, and whether a result fails at ``threshold``."""
    rules: dict[str, dict[str, Any]] = {}
    owner: dict[str, str] = {}
    first = loaded[0]
    described = {rid for rid, rule in first.rules.items() if "shortDescription" in rule}
    for one in loaded:
        mine = {rid for rid, rule in one.rules.items() if "shortDescription" in rule}
        if mine != described:
            odd = sorted(mine ^ described)[0]
            raise error(
                one.part,
                f"made with other rules than {printable(first.part.name)} (rule {odd}): "
                "merge reports of one configuration",
            )
        for rid, rule in one.rules.items():
            if rid in rules and rules[rid] != rule:
                raise error(
                    one.part,
                    f"describes rule {rid} otherwise than {printable(owner[rid])}: "
                    "merge reports of one configuration",
                )
            rules.setdefault(rid, rule)
            owner.setdefault(rid, one.part.name)
    ordered = sorted(rules)
    index = {rid: i for i, rid in enumerate(ordered)}
    results = []
    for one in loaded:
        for result in one.results:
            results.append({**result, "ruleIndex": index[result["ruleId"]]})
    results.sort(key=lambda r: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    run = dict(first.run)
    run["tool"] = {
        **first.run["tool"],
        "driver": {**first.run["tool"]["driver"], "rules": [rules[rid] for rid in ordered]},
    }
    properties = {k: v for k, v in run.get("properties", {}).items() if k != "shard"}
    run["properties"] = properties
    run["results"] = results
    log = {**first.log, "runs": [run]}
    failing = any(fails(_SEVERITY[r["level"]], threshold) for r in results)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n", failing
