"""``path:line:col  severity  rule  message  (→ suggestion)``, grouped by file, with a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from brieflint import readers
from brieflint.display import for_terminal
from brieflint.findings import Applicability, Finding, Severity
from brieflint.report import Report

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


_QUOTE_MAX = 40


def _where(path: str, f: Finding) -> str:
    """``path:line:col`` for text drafts; for a .docx or PDF the place as its reader names it,
    with a short quote of the flagged text (``brief.docx: ¶14 (p. 3): “Brusse1s”``)."""
    if f.location is None:
        return f"{path}:{f.line}:{f.column}"
    quote = " ".join(f.context.split())
    if len(quote) > _QUOTE_MAX:
        quote = quote[: _QUOTE_MAX - 1] + "…"
    where = f"{path}: {for_terminal(f.location.describe())}"
    return f"{where}: “{for_terminal(quote)}”" if quote else where


def render(report: Report, color: bool) -> str:
    return "".join(chunks(report, color))


def chunks(report: Report, color: bool) -> Iterator[str]:
    """The report's text a file at a time, then the summary."""
    for raw_path, group in groupby(report.findings, key=lambda f: f.path):
        path = for_terminal(raw_path)  # names, messages and suggestions come from outside
        lines = [f"{_BOLD}{path}{_RESET}" if color else path]
        for f in group:
            sev = f.severity.label
            if color:
                sev = f"{_COLOURS[f.severity]}{sev:<7}{_RESET}"
                rule = f"{_DIM}{f.rule}{_RESET}"
            else:
                sev = f"{sev:<7}"
                rule = f.rule
            hint = f"  (→ {for_terminal(f.suggestions[0])})" if f.suggestions else ""
            if f.fix is not None:
                hint += f"  [{f.fix.applicability.value} fix]"
            message = for_terminal(f.message)
            lines.append(f"  {_where(path, f)}  {sev}  {rule}  {message}{hint}")
        yield "\n".join(lines) + "\n\n"
    yield summary(report) + "\n"


def summary(report: Report) -> str:
    """The last line: findings by severity, files, time, what ``fix`` would fix, backends."""
    s = report.summary()
    backends = for_terminal(", ".join(f"{k}: {v}" for k, v in report.backends.items()))
    files = "file" if s["files"] == 1 else "files"
    line = (
        f"{s['error']} error(s), {s['warning']} warning(s), {s['info']} info "
        f"in {s['files']} {files} checked ({report.seconds:.2f}s)"
    )
    edited = {path for path in {f.path for f in report.findings} if _edited_by_fix(path)}
    tiers = Counter(f.fix.applicability for f in report.findings if f.fix and f.path in edited)
    safe, unsafe = tiers[Applicability.SAFE], tiers[Applicability.UNSAFE]
    if safe or unsafe:
        more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
        line += f"; {safe} fixable with `brieflint fix`{more}"
    if backends:
        line += f"; {backends}"
    return line


def _edited_by_fix(path: str) -> bool:
    """Whether ``brieflint fix`` edits the draft ``path`` (a PDF's fixes only show where to
    correct the document it was made from)."""
    return readers.for_path(path).fixed_in_place
