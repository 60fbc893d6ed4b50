"""GitLab Code Quality JSON (``artifacts:reports:codequality``): a list of issues.

Fingerprints are the baseline's (rule, matched text, surroundings, occurrence; no line numbers)
plus the path, so GitLab tells a moved finding from a new one.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from brieflint.baseline import fingerprints
from brieflint.findings import Severity
from brieflint.report import Report

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _path(path: str) -> str:
    """Relative to the working directory (CI runs from the repository root) when inside it."""
    if not os.path.isabs(path):
        return Path(path).as_posix().removeprefix("./")
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def render(report: Report, color: bool) -> str:
    issues: list[dict[str, Any]] = []
    prints = fingerprints(report.findings, report.texts)
    for f, fp in zip(report.findings, prints, strict=True):
        path = _path(f.path)
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
