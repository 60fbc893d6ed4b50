"""A Word document's text as brieflint lints it, with a map from every character back to the XML.

The body is read in document order: paragraphs, and tables cell by cell (rows top to bottom,
cells left to right, nested tables inside their cell); content controls (``w:sdt``) are read
through. Each paragraph is a block of the text, blocks separated by a blank line (as text
extracted from Word is). Paragraphs are numbered as Word's object model counts the body's
paragraphs (``ActiveDocument.Paragraphs(N)``): every ``w:p`` of the body in order, empty ones and
those in table cells included. Text boxes are read after the paragraph that anchors them (their
paragraphs are not numbered: Word keeps them in a story of their own); footnotes and endnotes
follow the body. Headers and footers are page furniture: kept apart, never linted as prose.

Tracked changes are read as if accepted: inserted text (``w:ins``, ``w:moveTo``) is read, deleted
text (``w:del``, ``w:moveFrom``) is not. Field instructions are skipped and their results read;
tabs read as a tab, line breaks as a line break, a non-breaking hyphen as ``-``; optional hyphens,
symbols (``w:sym``), equations, footnote marks and comments' own text are not read.

The page of a character is the one Word last laid it out on, when the file records it: Word
writes ``w:lastRenderedPageBreak`` where a page began when it last saved the document; files
without one (written by other programs) have no page numbers.

A paragraph is a heading when its style is one (Word's "Heading 1" to "Heading 9", "Title",
"Subtitle", or any style with an outline level, through the styles it is based on) or when it
sets an outline level itself: rules that treat headings apart (furniture, cut paragraphs,
heading case) see Word's own structure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

BLOCK_SEPARATOR = "\n\n"
BODY = "body"
TEXTBOX = "textbox"
FOOTNOTE = "footnote"
ENDNOTE = "endnote"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P = qn("w:p")
_R = qn("w:r")
_T = qn("w:t")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")
_TXBX = qn("w:txbxContent")
_LRPB = qn("w:lastRenderedPageBreak")
_CHOICE = f"{{{MC_NS}}}Choice"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
# inline containers whose runs are read; anything else in a paragraph is not text
_INLINE = frozenset(
    qn(t)
    for t in (
        "w:hyperlink",
        "w:ins",
        "w:moveTo",
        "w:smartTag",
        "w:customXml",
        "w:fldSimple",
        "w:sdt",
        "w:sdtContent",
        "w:dir",
        "w:bdo",
    )
)
# run children read as one character
_CHAR = {
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
CHAR_TAGS = tuple(_CHAR)
_DRAWINGS = frozenset(qn(t) for t in ("w:drawing", "w:pict", "w:object")) | {_ALTERNATE}


@dataclass(frozen=True, slots=True)
class Segment:
    """``length`` characters of a block from one node: a ``w:t`` (its text from ``offset``) or
    a one-character element (``w:tab``, ``w:br``...; ``offset`` -1). ``at``: offset in the
    block."""

    run: Any  # the w:r
    node: Any
    offset: int
    at: int
    length: int


@dataclass
class Block:
    """One paragraph of the text."""

    element: Any  # the w:p
    story: str  # BODY, TEXTBOX, FOOTNOTE, ENDNOTE
    text: str
    segments: list[Segment]
    number: int | None = None  # body paragraph number (1-based); for a text box, its host's
    cell: tuple[int, int, int] | None = None  # table, row, column (1-based)
    note: int | None = None  # footnote/endnote id
    page: int | None = None  # page of the block's first character, when known
    breaks: list[int] = field(default_factory=list)  # offsets where a rendered page begins
    start: int = 0  # offset of the block in the whole text
    heading: bool = False  # a heading by its style or outline level

    def page_at(self, offset: int) -> int | None:
        """The page of the block's character at ``offset`` (block-relative)."""
        if self.page is None:
            return None
        return self.page + bisect_right(self.breaks, offset)


@dataclass
class WordText:
    text: str
    blocks: list[Block]
    furniture: list[str]  # header and footer paragraphs (not linted as prose)
    tracked_changes: bool  # the file holds tracked changes (read as accepted)
    paged: bool  # the file records Word's page layout
    _filled: list[Block] = field(default_factory=list, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    def block_at(self, offset: int) -> Block | None:
        """The non-empty block holding ``offset`` of the text (or the last one before it: the
        separator after a block belongs to it)."""
        if self._starts is None:
            self._filled = [b for b in self.blocks if b.text]
            self._starts = [b.start for b in self._filled]
        i = bisect_right(self._starts, offset) - 1
        return self._filled[i] if i >= 0 else None


@dataclass
class _Walk:
    blocks: list[Block] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    page: int = 1
    heading_styles: frozenset[str] = frozenset()  # ids of the styles that make a heading


def read(document: Any) -> WordText:
    """The text of a python-docx ``Document`` and the blocks it is made of."""
    body = document.element.body
    paged = next(body.iter(_LRPB), None) is not None
    walk = _Walk(heading_styles=heading_styles(document))
    _container(body, walk, BODY, None, paged)
    for story, notes in _note_parts(document):
        for note in notes:
            note_id = _int(note.get(qn("w:id")))
            if note_id is None or note_id <= 0:
                continue  # the separator and continuation notes
            start = len(walk.blocks)
            _container(note, walk, story, None, False)
            for block in walk.blocks[start:]:
                block.note = note_id
    tracked = any(True for _ in _tracked(document))
    return WordText(
        text=_join(walk.blocks),
        blocks=walk.blocks,
        furniture=list(_furniture(document)),
        tracked_changes=tracked,
        paged=paged,
    )


def _join(blocks: list[Block]) -> str:
    parts: list[str] = []
    at = 0
    for block in blocks:
        if parts and block.text:
            parts.append(BLOCK_SEPARATOR)
            at += len(BLOCK_SEPARATOR)
        block.start = at
        if block.text:
            parts.append(block.text)
            at += len(block.text)
    return "".join(parts)


def _container(
    element: Any,
    walk: _Walk,
    story: str,
    cell: tuple[int, int, int] | None,
    paged: bool,
    host: int | None = None,
) -> None:
    """The paragraphs and tables of a body, cell, text box or note, in order."""
    for child in element:
        tag = child.tag
        if tag == _P:
            _paragraph(child, walk, story, cell, paged, host)
        elif tag == _TBL:
            _table(child, walk, story, paged, host)
        elif tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if tag == _SDT else child
            if inner is not None:
                _container(inner, walk, story, cell, paged, host)


def _table(table: Any, walk: _Walk, story: str, paged: bool, host: int | None) -> None:
    walk.tables += 1
    number = walk.tables
    for r, row in enumerate(_children(table, _TR), 1):
        for c, tc in enumerate(_children(row, _TC), 1):
            _container(tc, walk, story, (number, r, c), paged, host)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            inner = child.find(_SDT_CONTENT)
            if inner is not None:
                yield from _children(inner, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _paragraph(
    p: Any,
    walk: _Walk,
    story: str,
    cell: tuple[int, int, int] | None,
    paged: bool,
    host: int | None,
) -> None:
    number = host
    if story == BODY:
        walk.paragraphs += 1
        number = walk.paragraphs
    scanned = scan(p, story == BODY)
    text, segments, breaks, boxes = scanned.text, scanned.segments, scanned.breaks, scanned.boxes
    page: int | None = None
    if paged and story == BODY:
        page = walk.page + sum(1 for b in breaks if b == 0)  # the block opens a page
        walk.page += len(breaks)
        breaks = [b for b in breaks if b > 0]
    block = Block(p, story, text, segments, number, cell, page=page, breaks=breaks)
    block.heading = story == BODY and _is_heading(p, walk.heading_styles)
    walk.blocks.append(block)
    for box in boxes:
        start = len(walk.blocks)
        _container(box, walk, TEXTBOX, cell, paged, number)
        for inner in walk.blocks[start:]:
            inner.page = block.page_at(len(block.text)) if page is not None else None
            inner.breaks = []


_PPR = qn("w:pPr")
_PSTYLE = qn("w:pStyle")
_OUTLINE = qn("w:outlineLvl")
_VAL = qn("w:val")
_BODY_LEVEL = 9  # outline level 9 is body text
_HEADING_NAMES = re.compile(r"(?i)(?:heading\s*[1-9]|title|subtitle)")


def heading_styles(document: Any) -> frozenset[str]:
    """The ids of the paragraph styles that make a heading, by name or outline level, directly
    or through the styles they are based on."""
    try:
        styles = list(document.styles)
    except (AttributeError, KeyError, ValueError):
        return frozenset()
    own: dict[str, bool] = {}
    base: dict[str, str | None] = {}
    for style in styles:
        element = style.element
        style_id = element.get(qn("w:styleId"))
        if not style_id or element.get(qn("w:type")) not in (None, "paragraph"):
            continue
        name = style.name or ""
        level = _outline_level(element.find(_PPR))
        own[style_id] = bool(_HEADING_NAMES.fullmatch(name.strip())) or (
            level is not None and level < _BODY_LEVEL
        )
        based = element.find(qn("w:basedOn"))
        base[style_id] = based.get(_VAL) if based is not None else None
    found = set()
    for style_id in own:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and current in own:
            if own[current]:
                found.add(style_id)
                break
            seen.add(current)
            current = base.get(current)
    return frozenset(found)


def _outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    level = ppr.find(_OUTLINE)
    return _int(level.get(_VAL)) if level is not None else None


def _is_heading(p: Any, styles: frozenset[str]) -> bool:
    ppr = p.find(_PPR)
    if ppr is None:
        return False
    level = _outline_level(ppr)
    if level is not None:
        return level < _BODY_LEVEL
    style = ppr.find(_PSTYLE)
    return style is not None and style.get(_VAL) in styles


@dataclass
class Scan:
    """What one paragraph reads as."""

    text: str
    segments: list[Segment]
    breaks: list[int]  # offsets where a rendered page begins
    boxes: list[Any]  # text boxes anchored in it


def scan(p: Any, body: bool = True) -> Scan:
    """The text of the paragraph ``p`` and where each character comes from (page breaks are
    counted in the body only)."""
    text: list[str] = []
    segments: list[Segment] = []
    breaks: list[int] = []
    boxes: list[Any] = []
    at = 0
    for run in _runs(p):
        for node in run:
            tag = node.tag
            if tag == _T:
                value = node.text or ""
                if value:
                    segments.append(Segment(run, node, 0, at, len(value)))
                    text.append(value)
                    at += len(value)
            elif tag in _CHAR:
                segments.append(Segment(run, node, -1, at, 1))
                text.append(_CHAR[tag])
                at += 1
            elif tag == _LRPB and body:
                breaks.append(at)
            elif tag in _DRAWINGS:
                boxes.extend(_boxes(node))
    return Scan("".join(text), segments, breaks, boxes)


def _runs(element: Any) -> Iterator[Any]:
    """The ``w:r`` of a paragraph whose text reads with tracked changes accepted."""
    for child in element:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _INLINE:
            yield from _runs(child)


def _boxes(node: Any) -> Iterator[Any]:
    """The text boxes of a drawing: for alternate content, its first choice only (the fallback
    repeats the same box for older readers)."""
    if node.tag == _ALTERNATE:
        choice = node.find(_CHOICE)
        if choice is None:
            choice = node.find(_FALLBACK)
        if choice is not None:
            for child in choice:
                yield from _boxes(child)
        return
    for box in node.iter(_TXBX):
        if _outermost(box, node):
            yield box


def _outermost(box: Any, top: Any) -> bool:
    """Whether ``box`` is not inside another text box below ``top`` (those are read with it)."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == _TXBX or parent.tag == _FALLBACK:
            return False
        parent = parent.getparent()
    return True


def _note_parts(document: Any) -> Iterator[tuple[str, Any]]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    wanted = {RT.FOOTNOTES: FOOTNOTE, RT.ENDNOTES: ENDNOTE}
    for rel in list(document.part.rels.values()):
        if rel.is_external or rel.reltype not in wanted:
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        yield wanted[rel.reltype], element if element is not None else _parse(part.blob)


def _parse(blob: bytes) -> Any:
    from docx.oxml.parser import parse_xml

    return parse_xml(blob)


def _furniture(document: Any) -> Iterator[str]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in list(document.part.rels.values()):
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        for p in element.iter(_P):
            text = "".join(t.text or "" for r in _runs(p) for t in r.iter(_T))
            if text.strip():
                yield text


def _tracked(document: Any) -> Iterator[Any]:
    body = document.element.body
    for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"):
        yield from body.iter(qn(tag))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
