"""Reporters, keyed by ``--format``. Each turns a Report into the text of one output."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from brieflint import display
from brieflint.atomic import failure, write_bytes, write_text
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


@dataclass(frozen=True)
class AnnotatorInfo:
    """A format whose output is a copy of the checked file with the findings inside it."""

    name: str
    module: str  # brieflint.reporters.<module>, with ``annotate(report, path, data) -> bytes``
    suffixes: tuple[str, ...]  # the files it copies
    description: str


ANNOTATORS: dict[str, AnnotatorInfo] = {
    info.name: info
    for info in (
        AnnotatorInfo(
            "pdf", "pdf", (".pdf",), "a copy of the PDF with a highlight and a note per finding"
        ),
    )
}


def known(name: str) -> bool:
    return name in REPORTERS or name in ANNOTATORS


def machine(name: str) -> bool:
    """Whether format ``name`` is for machines (no colour, no progress bar)."""
    return name in ANNOTATORS or REPORTERS[name].machine


def write_copy(name: str, report: Report, paths: Sequence[str], destination: Path | None) -> None:
    """Write the copy that format ``name`` makes of the one file of its type among ``paths``
    (the files named on the command line), with the findings of ``report`` in it."""
    info = ANNOTATORS[name]
    what = "/".join(info.suffixes)
    if destination is None:
        raise BrieflintError(
            f"--format {name} writes a file: give --output FILE (e.g. brief.annotated{what})",
            key="--output",
        )
    chosen = [p for p in paths if Path(p).suffix.lower() in info.suffixes]
    if len(chosen) != 1:
        raise BrieflintError(
            f"--format {name} annotates one {what} file: name exactly one on the command line",
            key="--format",
        )
    source = Path(chosen[0])
    shown = display.printable(str(source))
    if destination.resolve() == source.resolve():
        raise BrieflintError(
            f"--output would overwrite the checked file {shown}: name another file",
            key="--output",
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise BrieflintError(f"cannot read: {failure(exc)}", path=shown) from None
    module = importlib.import_module(f"{__name__}.{info.module}")
    copy: bytes = module.annotate(display.reports_safe(report), shown, data)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(destination, copy)
    except OSError as exc:
        raise BrieflintError(
            f"cannot write the report: {failure(exc)}", path=display.printable(str(destination))
        ) from None


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
