"""LSP positions ↔ offsets into a draft's text.

LSP counts lines by ``\\r\\n``, ``\\r`` and ``\\n`` only (as brieflint's own line index does) and
characters in the code units of the encoding the client and server agreed on: UTF-16 unless the
client offered another (``general.positionEncodings``). A character outside the Basic
Multilingual Plane (an emoji, a rare CJK ideograph) is two UTF-16 code units, four UTF-8 ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from brieflint.positions import LineIndex

ENCODINGS = ("utf-16", "utf-8", "utf-32")


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _width(ch: str, encoding: str) -> int:
    code = ord(ch)
    if encoding == "utf-32":
        return 1
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


@dataclass(frozen=True)
class Codec:
    """Positions in one text, counted in ``encoding``'s code units (0-based lines)."""

    text: str
    encoding: str = "utf-16"

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of the code-point ``offset``."""
        line, column = self.lines.position(offset)
        start = self.lines.starts[line - 1]
        return line - 1, units(self.text[start : start + column - 1], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of (line, character), clamped to the line (as LSP asks: a
        character past the end of a line means its end); a position inside a character (half a
        surrogate pair) moves to its end."""
        if line < 0:
            return 0
        if line >= self.lines.line_count:
            return len(self.text)
        start, end = self.lines.line_span(line + 1)
        offset, counted = start, 0
        while offset < end and counted < character:
            counted += _width(self.text[offset], self.encoding)
            offset += 1
        return offset


def apply_change(
    text: str, start: tuple[int, int], end: tuple[int, int], new: str, encoding: str
) -> str:
    """``text`` with the range ``start``–``end`` (LSP positions) replaced by ``new``."""
    codec = Codec(text, encoding)
    first = codec.offset(*start)
    last = max(first, codec.offset(*end))
    return text[:first] + new + text[last:]
