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
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "rule": f.rule,
                "severity": f.severity.label,
                "message": f.message,
                "suggestions": list(f.suggestions),
                "fixable": f.fix is not None,
            }
            for f in report.findings
        ],
        "summary": report.summary(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
