"""The one Finding model shared by every rule and every reporter."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from brieflint.location import Location


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


class Applicability(enum.Enum):
    """How far a fix can be trusted unseen (ruff's model).

    ``SAFE``: certain; the result is right whatever the context, so ``brieflint fix`` applies it.
    ``UNSAFE``: probably right, but a person should look; applied only with ``--unsafe-fixes``.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"

    @classmethod
    def parse(cls, value: str) -> Applicability:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown fix applicability {value!r} (safe, unsafe)") from None


@dataclass(frozen=True, slots=True)
class Fix:
    """An automatic correction: one or more non-overlapping edits, with how far it can be
    trusted (declared by the kind of the rule that makes it)."""

    edits: tuple[Edit, ...]
    description: str = ""
    applicability: Applicability = Applicability.UNSAFE


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
    # Where in a .docx or PDF (None for text drafts, whose line and column say it all).
    location: Location | None = field(default=None, compare=False)

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
            **({"location": self.location.as_json()} if self.location is not None else {}),
        }
