"""Reporters, keyed by ``--format``. Each turns a Report into the text of one output."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from brieflint import display
from brieflint.atomic import failure, write_bytes, write_chunks, write_text
from brieflint.errors import BrieflintError
from brieflint.report import Report

Render = Callable[[Report, bool], str]
Chunks = Callable[[Report, bool], Iterator[str]]


@dataclass(frozen=True)
class ReporterInfo:
    name: str
    module: str
    description: str
    machine: bool  # machine-readable: no colour, no progress
    # A format that writes a copy of each draft of this reader (``--format docx``): it needs
    # ``--output`` (a file for one draft, a folder for several) and has no text to render.
    copies: str | None = None


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
        ReporterInfo(
            "docx", "docx", "a copy of each .docx with a Word comment per finding", True, "docx"
        ),
        ReporterInfo(
            "pdf", "pdf", "a copy of each PDF with a highlight and a note per finding", True, "pdf"
        ),
    )
}


def render(name: str, report: Report, color: bool = False) -> str:
    """Render ``report`` in format ``name`` (a key of REPORTERS)."""
    info = REPORTERS[name]
    module = importlib.import_module(f"{__name__}.{info.module}")
    fn: Render = module.render
    return fn(display.reports_safe(report), color)


def chunks(name: str, report: Report, color: bool = False) -> Iterator[str]:
    """``render(name, report, color)`` in pieces, to be written as they come: a reporter with a
    ``chunks`` function (json, sarif, text) never holds its whole output, nor every finding's
    objects at once; the others give their text in one piece."""
    info = REPORTERS[name]
    module = importlib.import_module(f"{__name__}.{info.module}")
    stream: Chunks | None = getattr(module, "chunks", None)
    if stream is None:
        return iter((render(name, report, color),))
    return stream(display.reports_safe(report), color)


def write_copies(name: str, report: Report, output: Path) -> list[tuple[str, Path, int]]:
    """Write the copies format ``name`` makes of the drafts of its reader in ``report``
    (``report.texts`` lists every draft read): (draft, copy, notes added) for each."""
    from brieflint import readers

    info = REPORTERS[name]
    drafts = sorted(p for p in report.texts if readers.for_path(p).name == info.copies)
    if not drafts:
        raise BrieflintError(
            f"--format {name} writes copies of .{info.copies} drafts, and none was read",
            key="--format",
        )
    if output.is_dir():
        suffix: str = importlib.import_module(f"{__name__}.{info.module}").SUFFIX
        places = {d: output / (Path(d).stem + suffix) for d in drafts}
    elif len(drafts) == 1:
        places = {drafts[0]: output}
    else:
        raise BrieflintError(
            f"{len(drafts)} .{info.copies} drafts were read: give a folder for their copies",
            key="--output",
        )
    module = importlib.import_module(f"{__name__}.{info.module}")
    return [(d, dest, module.write_copy(report, d, dest)) for d, dest in places.items()]


def unchanged_since_check(report: Report, source: str, text: str) -> None:
    """Refuse to write a copy of ``source`` whose ``text`` is not the text that was checked."""
    if source in report.texts and report.texts[source] != text:
        raise BrieflintError("changed while it was checked; run the check again", path=source)


def write_copy_file(destination: Path, data: bytes, what: str) -> None:
    """Write ``what`` (a draft's reviewed or annotated copy) atomically, creating its folder."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(destination, data)
    except OSError as exc:
        raise BrieflintError(
            f"cannot write the {what}: {failure(exc)}", path=str(destination)
        ) from None


def write_report(destination: Path, text: str | Iterable[str]) -> None:
    """Write one report file (its text, or its pieces as ``chunks`` gives them), creating its
    folder (CI jobs often name e.g. ``reports/x.xml``)."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            write_text(destination, text)
        else:
            write_chunks(destination, (piece.encode("utf-8") for piece in text))
    except OSError as exc:
        raise BrieflintError(
            f"cannot write the report: {failure(exc)}", path=display.printable(str(destination))
        ) from None
