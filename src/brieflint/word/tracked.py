"""Applying text edits to a Word document: as tracked changes (``w:del`` around the old runs,
``w:ins`` around a new run with the first old run's formatting, author "brieflint"), or directly.

An edit is placed when it lies inside one paragraph of the body, a table cell or a text box.
Edits across a paragraph break, in footnotes or endnotes, or inside another author's tracked
insertion are not placed (``place`` says so), and the fix they belong to is left for a person.
brieflint's own insertions are edited in place, so a word fixed twice in a run reads as one
insertion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from brieflint.findings import Edit
from brieflint.word import runs, story

AUTHOR = "brieflint"
_INS = qn("w:ins")
_DEL = qn("w:del")
_T = qn("w:t")
_R = qn("w:r")
_RPR = qn("w:rPr")
_PPR = qn("w:pPr")
_ID = qn("w:id")
_AUTHOR = qn("w:author")
_FOREIGN = frozenset({_INS, qn("w:moveTo")})


@dataclass(frozen=True, slots=True)
class Placed:
    """An edit, in paragraph terms."""

    block: story.Block
    start: int  # in the block's text
    end: int
    replacement: str


class Editor:
    """Edits one python-docx document, tracked (``track``) or not."""

    def __init__(self, document: Any, track: bool, when: dt.datetime | None = None) -> None:
        self.document = document
        self.track = track
        self.when = (when or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = document.element.body
        ids = [_int(e.get(_ID)) for e in body.iter() if e.get(_ID) is not None]
        self._next_id = max([0, *(i for i in ids if i is not None)]) + 1

    def place(self, read: story.WordText, edit: Edit) -> Placed | None:
        """Where ``edit`` (offsets into ``read.text``) goes, or None when it cannot be placed."""
        block = read.block_at(edit.start)
        if block is None or block.story in (story.FOOTNOTE, story.ENDNOTE):
            return None
        start, end = edit.start - block.start, edit.end - block.start
        if start < 0 or end > len(block.text):
            return None
        for seg in block.segments:
            overlaps = seg.at < end and start < seg.at + seg.length
            touches = end == start and seg.at <= start <= seg.at + seg.length
            if (overlaps or touches) and _foreign(seg.run):
                return None
        return Placed(block, start, end, edit.replacement)

    def apply(self, placed: Sequence[Placed]) -> None:
        """Apply edits that do not overlap, right to left so that offsets stay valid."""
        for edit in sorted(placed, key=lambda e: e.block.start + e.start, reverse=True):
            self._apply(edit)

    def _apply(self, edit: Placed) -> None:
        p = edit.block.element
        if edit.end > edit.start:
            old = runs.isolate(p, edit.start, edit.end)
            if not old:
                return
            new = self._new_run(old[0], edit.replacement) if edit.replacement else None
            if new is not None:
                old[-1].addnext(new)
            for run in old:
                self._delete(run)
            if new is not None and self.track and not _own(new):
                self._wrap(new, _INS)
            return
        if not edit.replacement:
            return
        runs.split_at(p, edit.start)
        before, after = _neighbours(p, edit.start)
        like = before if before is not None else after
        new = self._new_run(like, edit.replacement)
        if before is not None:
            before.addnext(new)
        elif after is not None:
            after.addprevious(new)
        else:
            ppr = p.find(_PPR)
            if ppr is not None:
                ppr.addnext(new)
            else:
                p.insert(0, new)
        if self.track and not _own(new):
            self._wrap(new, _INS)

    def _new_run(self, like: Any, text: str) -> Any:
        if like is not None:
            run = runs.new_run_like(like)
        else:
            run = self.document.element.body.makeelement(_R, {})
        for piece in _pieces(text):
            if piece == "\t":
                run.append(run.makeelement(qn("w:tab"), {}))
            elif piece == "\n":
                run.append(run.makeelement(qn("w:br"), {}))
            else:
                t = run.makeelement(_T, {})
                t.text = piece
                runs.keep_spaces(t)
                run.append(t)
        return run

    def _delete(self, run: Any) -> None:
        parent = run.getparent()
        if not self.track or _own(run):
            parent.remove(run)
            if parent.tag == _INS and len(parent) == 0:
                parent.getparent().remove(parent)
            return
        for t in run.iter(_T):
            t.tag = qn("w:delText")
            runs.keep_spaces(t)
        for instr in run.iter(qn("w:instrText")):
            instr.tag = qn("w:delInstrText")
        self._wrap(run, _DEL)

    def _wrap(self, run: Any, tag: str) -> None:
        wrapper = run.makeelement(
            tag, {_ID: str(self._next_id), _AUTHOR: AUTHOR, qn("w:date"): self.when}
        )
        self._next_id += 1
        run.addprevious(wrapper)
        wrapper.append(run)


def _neighbours(p: Any, offset: int) -> tuple[Any, Any]:
    """The run whose text ends at ``offset`` and the run whose text starts there."""
    before = after = None
    for seg in story.scan(p).segments:
        if seg.at + seg.length == offset:
            before = seg.run
        if seg.at == offset and after is None:
            after = seg.run
    return before, after


def _foreign(run: Any) -> bool:
    parent = run.getparent()
    return parent is not None and parent.tag in _FOREIGN and parent.get(_AUTHOR) != AUTHOR


def _own(run: Any) -> bool:
    parent = run.getparent()
    return parent is not None and parent.tag == _INS and parent.get(_AUTHOR) == AUTHOR


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    current = ""
    for ch in text:
        if ch in "\t\n":
            if current:
                out.append(current)
            out.append(ch)
            current = ""
        else:
            current += ch
    if current:
        out.append(current)
    return out


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
