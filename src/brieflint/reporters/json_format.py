"""The versioned JSON contract (version 1), documented in the README."""

from __future__ import annotations

import json
from typing import Any

from brieflint.findings import Finding
from brieflint.report import Report

JSON_VERSION = 1


def render(report: Report, color: bool) -> str:
    payload: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": "brieflint", "version": report.tool_version, "backends": report.backends},
        "findings": [
            {**f.as_json(), "fixable": f.fix is not None, "fix": _fix(f)} for f in report.findings
        ],
        "summary": report.summary(),
    }
    if report.shard is not None:
        payload["shard"] = report.shard.as_json(report.fail_on)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _fix(f: Finding) -> dict[str, Any] | None:
    """The fix a finding carries: its tier (``safe``: ``brieflint fix`` applies it; ``unsafe``:
    only ``--unsafe-fixes`` does), what it does, and its edits as code-point offsets into the
    file's text (``end`` exclusive)."""
    if f.fix is None:
        return None
    return {
        "applicability": f.fix.applicability.value,
        "description": f.fix.description,
        "edits": [
            {"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits
        ],
    }
