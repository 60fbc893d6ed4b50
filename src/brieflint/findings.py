"""The one Finding model shared by every rule and every reporter."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``a >= b`` means "a is at least as serious as b"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (error, warning, info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe, automatic correction: one or more non-overlapping edits."""

    edits: tuple[Edit, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a file. Lines and columns are 1-based; ``end_column`` is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    context: str = field(default="", compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def as_json(self) -> dict[str, object]:
        """Where, what and how serious, as JSON values: the finding fields of the JSON contract
        (version 1) and the start of what the result cache stores."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
