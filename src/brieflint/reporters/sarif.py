"""SARIF 2.1.0 (validated against the OASIS schema in the tests), for GitHub code scanning."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from brieflint.findings import Finding, Severity
from brieflint.location import Location
from brieflint.report import Report
from brieflint.reporters import jsonstream

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths percent-encoded (a space or "#" in a file
    name would otherwise break the URI), absolute ones as ``file://`` URIs."""
    if path == "-" or path.startswith("<"):
        return path
    p = Path(path)
    return quote(p.as_posix()) if not p.is_absolute() else p.as_uri()


def render(report: Report, color: bool) -> str:
    return "".join(chunks(report, color))


def chunks(report: Report, color: bool) -> Iterator[str]:
    """The log's text a result at a time (see ``jsonstream``)."""
    used = sorted({f.rule for f in report.findings} | set(report.rules))
    index = {rid: i for i, rid in enumerate(used)}
    rules: list[dict[str, Any]] = []
    for rid in used:
        spec = report.rules.get(rid)
        rule: dict[str, Any] = {"id": rid, "name": rid.replace(".", "-")}
        if spec is not None:
            rule["shortDescription"] = {"text": spec.description}
            rule["fullDescription"] = {"text": spec.why.strip()}
            rule["help"] = {
                "text": f"{spec.why.strip()}\n\nBad: {spec.examples.bad.strip()}\n"
                f"Good: {spec.examples.good.strip()}"
            }
            rule["defaultConfiguration"] = {"level": _LEVEL[Severity.parse(spec.severity)]}
        rules.append(rule)
    properties: dict[str, Any] = {"backends": report.backends}
    if report.shard is not None:
        properties["shard"] = report.shard.as_json(report.fail_on)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "brieflint",
                        "version": report.tool_version,
                        "rules": rules,
                    }
                },
                "properties": properties,
                "results": jsonstream.placeholder(),
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return jsonstream.chunks(log, map(partial(_result, index), report.findings))


def _result(index: dict[str, int], f: Finding) -> dict[str, Any]:
    """The SARIF result of ``f`` (``index``: each rule's place in the driver's rules)."""
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"brieflint/v1": _fingerprint(f.rule, f.context, f.message)},
    }
    if f.location is not None:
        _add_location(result, f, f.location)
    if f.fix is not None:
        result["fixes"] = [_fix(f)]
    return result


def _add_location(result: dict[str, Any], f: Finding, location: Location) -> None:
    """A .docx or PDF finding: the flagged text as the region's snippet (line and column count
    in the text brieflint read from the file), and the place in the file's own terms as a
    logical location, with its fields under ``properties.location``."""
    physical = result["locations"][0]["physicalLocation"]
    if f.context:
        physical["region"]["snippet"] = {"text": f.context}
    result["locations"][0]["logicalLocations"] = [
        {"name": location.describe(), "kind": location.part}
    ]
    result.setdefault("properties", {})["location"] = location.as_json()


def _fingerprint(rule: str, context: str, message: str) -> str:
    import hashlib

    return hashlib.sha256(f"{rule}\0{context}\0{message}".encode()).hexdigest()[:32]


def _fix(f: Any) -> dict[str, Any]:
    tier = f.fix.applicability.value
    return {
        "description": {"text": f"{f.fix.description or f.rule} ({tier} fix)"},
        "properties": {"applicability": tier},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(f.path)},
                "replacements": [
                    {
                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                        "insertedContent": {"text": e.replacement},
                    }
                    for e in f.fix.edits
                ],
            }
        ],
    }
