"""Findings as LSP diagnostics.

``code`` is the rule id, ``codeDescription.href`` a ``file://`` URL of the rule's definition
(``rules/<id>.yaml``, installed with brieflint: its description, why, examples), and ``data``
carries what the code actions need without asking the server again: the rule, the fix (its
title, tier and edits as LSP text edits), and the word a spelling finding is about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex
from lsprotocol import types

from brieflint.errors import BrieflintError, ConfigError
from brieflint.findings import Applicability, Finding, Severity
from brieflint.lsp.positions import Codec
from brieflint.positions import LineIndex

SOURCE = "brieflint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# what a house vocabulary holds: one word (letters, inner apostrophes, hyphens and full stops)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'’.-]*")


def lsp_range(codec: Codec, start: int, end: int) -> types.Range:
    s_line, s_char = codec.position(start)
    e_line, e_char = codec.position(end)
    return types.Range(types.Position(s_line, s_char), types.Position(e_line, e_char))


def range_json(r: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": r.start.line, "character": r.start.character},
        "end": {"line": r.end.line, "character": r.end.character},
    }


def range_of(data: Any) -> types.Range:
    s, e = data["start"], data["end"]
    return types.Range(
        types.Position(int(s["line"]), int(s["character"])),
        types.Position(int(e["line"]), int(e["character"])),
    )


def span(finding: Finding, lines: LineIndex) -> tuple[int, int]:
    """The code-point offsets a finding covers, from its lines and columns (which every finding
    has; those of the post-pass kinds, placed by line and column, have no offsets)."""
    start = lines.offset(finding.line, finding.column)
    return start, max(start, lines.offset(finding.end_line, finding.end_column))


def vocabulary_word(finding: Finding, backend: str | None) -> str | None:
    """The word a finding of the offline lexicon (``spelling``) is about, if it is one word."""
    if backend != "spelling":
        return None
    word = finding.context.strip()
    return word if _WORD.fullmatch(word) else None


def diagnostic(
    finding: Finding, codec: Codec, href: str | None, backend: str | None
) -> types.Diagnostic:
    data: dict[str, Any] = {"rule": finding.rule}
    fix = finding.fix
    if fix is not None and fix.edits:
        data["fix"] = {
            "title": fix.description or "fix",
            "safe": fix.applicability is Applicability.SAFE,
            "edits": [
                {"range": range_json(lsp_range(codec, e.start, e.end)), "newText": e.replacement}
                for e in fix.edits
            ],
        }
    word = vocabulary_word(finding, backend)
    if word is not None:
        data["word"] = word
    return types.Diagnostic(
        range=lsp_range(codec, *span(finding, codec.lines)),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        data=data,
    )


def problem(exc: BrieflintError, codec: Codec) -> types.Diagnostic:
    """What stopped the draft from being linted, as one diagnostic: at the draft's line the
    error names, else at its start."""
    # a configuration error's line is the configuration file's, not the draft's
    line = 0 if isinstance(exc, ConfigError) or exc.line is None else exc.line - 1
    line = min(max(line, 0), codec.lines.line_count - 1)
    start = codec.lines.starts[line]
    end = codec.lines.line_span(line + 1)[1]
    return types.Diagnostic(
        range=lsp_range(codec, start, end),
        message=str(exc),
        severity=types.DiagnosticSeverity.Error,
        code="config-error" if isinstance(exc, ConfigError) else "input-error",
        source=SOURCE,
    )


def href_of(source: str) -> str | None:
    """The ``file://`` URL of a rule file (None for a rule without one)."""
    if not source:
        return None
    path = Path(source)
    return path.resolve().as_uri() if path.is_absolute() or path.exists() else None
