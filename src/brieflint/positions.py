"""Offsets (code points into the text) ↔ 1-based (line, column) positions.

Line breaks are ``\\r\\n``, ``\\r`` or ``\\n``; columns count code points, so a tab or an emoji is
one column, as LSP-style editors with code-point columns and SARIF's default expect.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self._text = text
        # machine integers (4 bytes a line where a list holds a 40-byte int object and pointer)
        self.starts: array[int] = array("i" if len(text) < 2**31 else "q", [0])
        self.starts.extend(m.end() for m in _BREAK.finditer(text))

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; offsets inside a CRLF belong to its line end."""
        offset = max(0, min(offset, len(self._text)))
        idx = bisect_right(self.starts, offset) - 1
        return idx + 1, offset - self.starts[idx] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (clamped to the text)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, len(self._text))

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of ``line`` without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self._text)
        text = self._text
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self._text[start:end]
