"""Strings from outside (file names, server answers, config values) made safe to show.

Two jobs, one notation — a character shown as ``\\xNN`` or ``\\uNNNN``, as Python writes it:

- ``printable``: a file name that is not valid UTF-8 reaches brieflint with each undecodable
  byte as a lone surrogate (Python's ``surrogateescape``); no UTF-8 output can hold one. Each
  such byte is shown as ``\\xNN`` (``bad\\xff\\xfe.md``), any other lone surrogate as
  ``\\udNNN``. Every report format shows a name so (``reports_safe`` does a whole report).
- ``one_line``: stricter, for what git and review records hold (file names, e-mails, comments
  from whoever pushed): every character ``str.isprintable`` refuses — line breaks and tabs
  (``\\n``, ``\\t``), zero-width and separator characters too — is escaped, so a record's name
  cannot add a line of its own to a CI log (a forged verdict).
- ``for_terminal``: control characters (C0 but tab, DEL, C1), ESC sequences and the bidi controls
  that reorder what a terminal shows are escaped the same way, so that a LanguageTool message, a
  file name or a config value cannot move the cursor, recolour, retitle or hide text. The text
  report and every error line go through it.

A backslash is left as it is: ``\\x1b`` in a name is shown as ``\\x1b`` whether it was the escape
character or those four characters.
"""

from __future__ import annotations

import dataclasses
import re

from brieflint.report import Report

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` without lone surrogates (undecodable bytes shown as ``\\xNN``)."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


def for_terminal(text: str) -> str:
    """``text`` with control characters, lone surrogates and bidi controls escaped."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` with every character a terminal would act on, line breaks included, escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape_char(c) for c in text)


def error_line(message: str) -> str:
    """The one line an error is printed as, safe for a terminal."""
    return f"brieflint: error: {for_terminal(message)}"


def reports_safe(report: Report) -> Report:
    """``report`` with every path, message and suggestion ``printable`` (itself when all are)."""

    def clean(text: str) -> bool:
        return text.isascii() or _SURROGATE.search(text) is None

    shard_files = report.shard.files if report.shard is not None else ()
    if (
        all(
            clean(f.path) and clean(f.message) and all(map(clean, f.suggestions))
            for f in report.findings
        )
        and all(map(clean, report.texts))
        and all(map(clean, shard_files))
    ):
        return report
    findings = [
        dataclasses.replace(
            f,
            path=printable(f.path),
            message=printable(f.message),
            suggestions=tuple(map(printable, f.suggestions)),
        )
        for f in report.findings
    ]
    texts = {printable(path): text for path, text in report.texts.items()}
    shard = report.shard
    if shard is not None:
        shard = dataclasses.replace(shard, files=tuple(map(printable, shard.files)))
    return dataclasses.replace(report, findings=findings, texts=texts, shard=shard)
