"""Reporters, keyed by ``--format``. Each turns a Report into the text of one output."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from brieflint import display
from brieflint.atomic import failure, write_text
from brieflint.errors import BrieflintError
from brieflint.report import Report

Render = Callable[[Report, bool], str]


@dataclass(frozen=True)
class ReporterInfo:
    name: str
    module: str
    description: str
    machine: bool  # machine-readable: no colour, no progress


REPORTERS: dict[str, ReporterInfo] = {
    info.name: info
    for info in (
        ReporterInfo("text", "text", "grouped by file, for people", False),
        ReporterInfo("json", "json_format", "versioned JSON contract (version 1)", True),
        ReporterInfo("sarif", "sarif", "SARIF 2.1.0, for GitHub code scanning", True),
        ReporterInfo("github", "github", "GitHub Actions workflow commands", True),
        ReporterInfo("junit", "junit", "JUnit XML, for GitLab/Jenkins test reports", True),
        ReporterInfo("codequality", "codequality", "GitLab Code Quality JSON", True),
        ReporterInfo("html", "html", "one self-contained HTML page, for editors", False),
    )
}


def render(name: str, report: Report, color: bool = False) -> str:
    """Render ``report`` in format ``name`` (a key of REPORTERS)."""
    info = REPORTERS[name]
    module = importlib.import_module(f"{__name__}.{info.module}")
    fn: Render = module.render
    return fn(display.reports_safe(report), color)


def write_report(destination: Path, text: str) -> None:
    """Write one report file, creating its folder (CI jobs often name e.g. ``reports/x.xml``)."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_text(destination, text)
    except OSError as exc:
        raise BrieflintError(
            f"cannot write the report: {failure(exc)}", path=display.printable(str(destination))
        ) from None
