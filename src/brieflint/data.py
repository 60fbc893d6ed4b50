"""Where the shipped rule and style data live (inside the wheel, or the source tree)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """``brieflint/_data`` in an installed wheel; the repository root in a source checkout."""
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent


def rules_dir() -> Path:
    return data_root() / "rules"


def styles_dir() -> Path:
    return data_root() / "style"
