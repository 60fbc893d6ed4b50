"""Helpers for the OCR rule tests: lint with one rule, return (matched text, fix applied)."""

from __future__ import annotations

from brieflint.fixer import apply_edits
from tests.conftest import lint_text


def found(text: str, rule: str, path: str = "draft.txt") -> list[str]:
    """The text each finding of ``rule`` covers."""
    return [text[f.start : f.end] for f in lint_text(text, select=[rule], path=path)]


def fixed(text: str, rule: str, path: str = "draft.txt") -> str:
    """``text`` with every fix of ``rule`` applied once."""
    edits = [e for f in lint_text(text, select=[rule], path=path) if f.fix for e in f.fix.edits]
    return apply_edits(text, edits)
