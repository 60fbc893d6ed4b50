"""Helpers for kind tests: a house style with one rule of the kind under test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from brieflint.findings import Finding
from tests.conftest import lint_text

RULE = "house.under-test"


def house_style(tmp_path: Path, kind: str, options: dict[str, Any], message: str) -> str:
    """A style folder (extending ``brief``) with one rule, ``house.under-test``, of ``kind``."""
    folder = tmp_path / "house"
    (folder / "rules").mkdir(parents=True)
    (folder / "style.yaml").write_text("extends: brief\n", encoding="utf-8")
    spec = {
        "id": RULE,
        "kind": kind,
        "severity": "warning",
        "message": message,
        "description": "The rule under test.",
        "why": "A test.",
        "examples": {"bad": "x", "good": "y"},
        "options": options,
    }
    (folder / "rules" / f"{RULE}.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    return str(folder)


def lint_house(text: str, style: str, path: str = "draft.txt") -> list[Finding]:
    return lint_text(text, select=[RULE], style=style, path=path)
