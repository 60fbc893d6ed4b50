"""Where a person finds a finding in a file that is not plain text: the source's own places.

A plain-text or Markdown draft needs nothing beyond ``line:column``. A Word file is found by its
paragraphs (as Word counts body paragraphs), tables and pages; a PDF by its pages, the lines on a
page and boxes. A reader that turns such a file into a :class:`~brieflint.document.Document`
gives the document a :class:`SourceMap`; the engine asks it for the :class:`Location` of every
finding, and reporters show the location as it is (``¶14 (p. 3)``, ``p. 2, line 7``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

Box = tuple[float, float, float, float]
"""A rectangle on a PDF page: ``(x0, y0, x1, y1)`` in points, origin at the bottom left."""


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the source file, in the terms of its format. Every field is optional: a
    reader fills what its format has. Numbers are 1-based; ``offset`` counts code points from
    the start of the paragraph (or line, for PDF)."""

    part: str = "body"  # body, table, header, footer, footnote, endnote, textbox
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None
    offset: int | None = None
    boxes: tuple[Box, ...] = ()
    note: int | None = None  # the footnote's or endnote's number (part footnote, endnote)

    def describe(self) -> str:
        """The location as a person reads it: ``¶14 (p. 3)``, ``table 2, row 1, cell 3``,
        ``p. 2, line 7``, ``footer``."""
        bits: list[str] = []
        if self.part not in ("body", "table"):
            bits.append(self.part if self.note is None else f"{self.part} {self.note}")
        if self.table is not None:
            cell = f"table {self.table}"
            if self.row is not None:
                cell += f", row {self.row}"
            if self.cell is not None:
                cell += f", cell {self.cell}"
            bits.append(cell)
        if self.paragraph is not None:
            bits.append(f"¶{self.paragraph}")
        where = ", ".join(bits)
        if self.page is not None:
            page = f"p. {self.page}" + (f", line {self.line}" if self.line is not None else "")
            where = f"{where} ({page})" if where else page
        return where or self.part

    def as_json(self) -> dict[str, object]:
        """The fields that are set, as JSON values (the ``location`` of the JSON contract)."""
        out: dict[str, object] = {"part": self.part}
        for name in ("paragraph", "table", "row", "cell", "page", "line", "offset", "note"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.boxes:
            out["boxes"] = [[round(v, 2) for v in box] for box in self.boxes]
        out["description"] = self.describe()
        return out

    @classmethod
    def from_json(cls, item: Mapping[str, object]) -> Location:
        def number(name: str) -> int | None:
            value = item.get(name)
            return int(value) if isinstance(value, int | float | str) else None

        raw_boxes = item.get("boxes") or []
        boxes: list[Box] = []
        if isinstance(raw_boxes, list):
            for box in raw_boxes:
                if isinstance(box, list | tuple) and len(box) == 4:
                    x0, y0, x1, y1 = (float(v) for v in box)
                    boxes.append((x0, y0, x1, y1))
        return cls(
            part=str(item.get("part", "body")),
            paragraph=number("paragraph"),
            table=number("table"),
            row=number("row"),
            cell=number("cell"),
            page=number("page"),
            line=number("line"),
            offset=number("offset"),
            boxes=tuple(boxes),
            note=number("note"),
        )


class SourceMap(Protocol):
    """Offsets of a document's text back to places in its source file."""

    def locate(self, start: int, end: int) -> Location | None:
        """The location of ``text[start:end]`` (None: no place to name)."""
        ...


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` came from one place of the source (a paragraph, a cell, a line)."""

    start: int
    end: int
    location: Location


class SegmentMap:
    """A source map made of segments in text order: a finding gets the location of the segment
    it starts in, with ``offset`` set to where in that segment it starts."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.start)
        self._starts = [s.start for s in self.segments]

    def locate(self, start: int, end: int) -> Location | None:
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        segment = self.segments[i]
        if start > segment.end:
            return None
        return replace(segment.location, offset=start - segment.start)
