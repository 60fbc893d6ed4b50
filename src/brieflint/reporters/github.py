"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding."""

from __future__ import annotations

from brieflint.findings import Severity
from brieflint.report import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, color: bool) -> str:
    lines = []
    for f in report.findings:
        props = ",".join(
            (
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_escape_property(f.rule)}",
            )
        )
        message = f.message + (f" (→ {f.suggestions[0]})" if f.suggestions else "")
        lines.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
