"""A reviewed copy of a Word document: one Word comment per finding, on exactly its text.

The runs are split at the finding's edges (each half keeps its formatting) and the comment's
range marks the runs between; the document's text stays the same, character for character. A
finding on no character (a missing space) marks the character before it (or after it, at the
start of a paragraph). A finding that runs on past its paragraph ends the comment at the end of
the paragraph where it ends, or of its own paragraph when it leaves a table cell or a text box.
Findings in footnotes and endnotes are commented on the note's mark in the body, quoting the
flagged text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from docx.oxml.ns import qn

from brieflint.word import runs, story

AUTHOR = "brieflint"
INITIALS = "BL"
_QUOTE = 60


@dataclass(frozen=True, slots=True)
class Note:
    """A comment to add: on ``[start, end)`` of the text ``story.read`` gives."""

    start: int
    end: int
    text: str


def annotate(document: Any, notes: Sequence[Note]) -> int:
    """Add ``notes`` to the python-docx ``document`` as comments; the number added."""
    read = story.read(document)
    added = 0
    for note in notes:
        anchor = _anchor(document, read, note)
        if anchor is None:
            continue
        first, last, prefix = anchor
        from docx.text.run import Run

        parent = cast(Any, document)
        document.add_comment(
            [Run(first, parent), Run(last, parent)],
            text=prefix + note.text,
            author=AUTHOR,
            initials=INITIALS,
        )
        added += 1
    return added


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _anchor(document: Any, read: story.WordText, note: Note) -> tuple[Any, Any, str] | None:
    """The first and last run to mark, and what to say before the note's text."""
    start, end = _widen(read, note.start, note.end)
    first = read.block_at(start)
    if first is None:
        return None
    if first.story in (story.FOOTNOTE, story.ENDNOTE):
        return _on_note_mark(document, read, first, start, end)
    last = read.block_at(max(start, end - 1))
    if last is None or last.story != first.story or last.cell != first.cell:
        last = first
    local_start = min(start - first.start, len(first.text) - 1)
    local_end = min(end - last.start, len(last.text))
    if last is first:
        local_end = max(local_end, local_start + 1)
        marked = runs.isolate(first.element, local_start, local_end)
        return (marked[0], marked[-1], "") if marked else None
    head = runs.isolate(first.element, local_start, len(first.text))
    tail = runs.isolate(last.element, 0, max(local_end, 1))
    if not head or not tail:
        return None
    return head[0], tail[-1], ""


def _widen(read: story.WordText, start: int, end: int) -> tuple[int, int]:
    """A span of at least one character of a block: an empty one grows to a neighbour."""
    if end > start:
        return start, end
    block = read.block_at(start)
    if block is not None and start < block.start + len(block.text):
        return start, start + 1
    return max(0, start - 1), start


def _on_note_mark(
    document: Any, read: story.WordText, block: story.Block, start: int, end: int
) -> tuple[Any, Any, str] | None:
    tag = "w:footnoteReference" if block.story == story.FOOTNOTE else "w:endnoteReference"
    for ref in document.element.body.iter(qn(tag)):
        if ref.get(qn("w:id")) == str(block.note):
            run = ref.getparent()
            quote = read.text[start:end][:_QUOTE]
            return run, run, f"in {block.story} {block.note}, on “{quote}”: "
    return None
