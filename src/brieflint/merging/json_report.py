"""Merge reports of the JSON contract (version 1): findings concatenated, the summary summed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brieflint.findings import Severity
from brieflint.merging.parts import Part, error, fails, shard_block
from brieflint.reporters.json_format import JSON_VERSION

_SEVERITIES = ("error", "warning", "info")


@dataclass
class Loaded:
    part: Part
    tool: dict[str, Any]
    findings: list[dict[str, Any]]
    files: int


def load(name: str, value: dict[str, Any]) -> Loaded:
    """A JSON report's contents, checked for the shape ``merge`` relies on."""
    part = Part(name)
    version = value.get("version")
    if version != JSON_VERSION:
        raise error(
            part, f"JSON report version {version!r}: this brieflint reads version {JSON_VERSION}"
        )
    tool = value.get("tool")
    if not isinstance(tool, dict) or tool.get("name") != "brieflint":
        raise error(part, "not a brieflint JSON report (its tool is not brieflint)")
    part.version = str(tool.get("version"))
    backends = tool.get("backends")
    part.backends = backends if isinstance(backends, dict) else None
    findings = value.get("findings")
    summary = value.get("summary")
    if not isinstance(findings, list) or not isinstance(summary, dict):
        raise error(part, "a JSON report without findings or summary")
    for number, item in enumerate(findings, 1):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("path"), str)
            and isinstance(item.get("severity"), str)
            and item["severity"] in _SEVERITIES
        ):
            raise error(part, f"finding {number} has no path or severity")
        part.files.add(item["path"])
    files = summary.get("files")
    if not isinstance(files, int) or files < 0:
        raise error(part, "the summary has no count of files")
    part.file_count = files
    if "shard" in value:
        shard_block(part, value["shard"])
    return Loaded(part, tool, findings, files)


def merge(loaded: Sequence[Loaded], threshold: str) -> tuple[str, bool]:
    """The merged report's text, and whether a finding fails at ``threshold``."""
    findings = sorted((f for one in loaded for f in one.findings), key=lambda f: f["path"])
    counts = {name: sum(f["severity"] == name for f in findings) for name in _SEVERITIES}
    payload: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": loaded[0].tool,
        "findings": findings,
        "summary": {"files": sum(one.files for one in loaded), **counts},
    }
    failing = any(fails(Severity.parse(f["severity"]), threshold) for f in findings)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n", failing
