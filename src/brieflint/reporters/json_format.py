"""The versioned JSON contract (version 1), documented in the README."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from brieflint.findings import Finding
from brieflint.report import Report
from brieflint.reporters import jsonstream

JSON_VERSION = 1


def render(report: Report, color: bool) -> str:
    return "".join(chunks(report, color))


def chunks(report: Report, color: bool) -> Iterator[str]:
    """The report's text a finding at a time (see ``jsonstream``)."""
    payload: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": "brieflint", "version": report.tool_version, "backends": report.backends},
        "findings": jsonstream.placeholder(),
        "summary": report.summary(),
    }
    if report.shard is not None:
        payload["shard"] = report.shard.as_json(report.fail_on)
    findings = (
        {**f.as_json(), "fixable": f.fix is not None, "fix": _fix(f)} for f in report.findings
    )
    return jsonstream.chunks(payload, findings)


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
