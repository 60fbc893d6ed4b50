"""Errors that end a run with exit code 2 and one line on stderr."""

from __future__ import annotations

# set (to anything) in the environment: a bug shows its traceback instead of one line
DEBUG_VARIABLE = "BRIEFLINT_DEBUG"


class BrieflintError(Exception):
    """A usage, configuration or input error: reported as ``path:line: key: message``."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        key = f"{self.key}: " if self.key else ""
        return f"{where}{key}{self.message}"


class ConfigError(BrieflintError):
    """A problem in a configuration, rule or style file."""


class InputError(BrieflintError):
    """A draft that cannot be read (missing, binary, undecodable)."""
