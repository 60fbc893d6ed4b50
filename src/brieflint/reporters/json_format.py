"""The versioned JSON contract (version 1), documented in the README."""

from __future__ import annotations

import json
from typing import Any

from brieflint.report import Report

JSON_VERSION = 1


def render(report: Report, color: bool) -> str:
    payload: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": "brieflint", "version": report.tool_version, "backends": report.backends},
        "findings": [{**f.as_json(), "fixable": f.fix is not None} for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
