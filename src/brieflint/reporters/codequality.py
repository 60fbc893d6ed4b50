"""GitLab Code Quality JSON (``artifacts:reports:codequality``): a list of issues.

Fingerprints are the baseline's (rule, matched text, surroundings, occurrence; no line numbers)
plus the path, so GitLab tells a moved finding from a new one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from brieflint.baseline import fingerprints, relative_path
from brieflint.findings import Severity
from brieflint.report import Report

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, color: bool) -> str:
    issues: list[dict[str, Any]] = []
    prints = fingerprints(report.findings, report.texts)
    cwd = Path.cwd()
    for f, fp in zip(report.findings, prints, strict=True):
        path = relative_path(f.path, cwd)  # CI runs from the repository root
        hint = f" (→ {f.suggestions[0]})" if f.suggestions else ""
        issues.append(
            {
                "type": "issue",
                "description": f"{f.message}{hint}",
                "check_name": f.rule,
                "categories": ["Style"],
                "fingerprint": hashlib.sha256(f"{path}\0{fp}".encode()).hexdigest()[:32],
                "severity": _SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
