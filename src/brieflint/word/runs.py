"""Splitting a paragraph's runs so that a span of its text is made of whole runs.

A run (``w:r``) carries its formatting in ``w:rPr``; splitting one gives two runs with the same
formatting and the same text between them, so the document reads exactly as before. Comments and
tracked changes can then be placed on exactly the characters a finding names.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn

from brieflint.word import story

_RPR = qn("w:rPr")
_T = qn("w:t")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def isolate(p: Any, start: int, end: int) -> list[Any]:
    """The runs of paragraph ``p`` holding exactly its characters ``[start, end)`` (``start <
    end``), after splitting the runs at both edges."""
    split_at(p, start)
    split_at(p, end)
    runs: list[Any] = []
    for seg in story.scan(p).segments:
        if seg.at >= start and seg.at + seg.length <= end and seg.run not in runs:
            runs.append(seg.run)
    return runs


def split_at(p: Any, offset: int) -> None:
    """Split the run of ``p`` that holds ``offset`` so that a run begins there."""
    for seg in story.scan(p).segments:
        if not seg.at <= offset < seg.at + seg.length:
            continue
        within = offset - seg.at
        if within == 0 and _first_node(seg.run, seg.node):
            return
        _split(seg.run, seg.node, seg.offset + within if seg.offset >= 0 else 0)
        return


def _first_node(run: Any, node: Any) -> bool:
    """Whether ``node`` is the first child of ``run`` that reads as text (or is a break)."""
    for child in run:
        if child.tag == _RPR:
            continue
        if child is node:
            return True
        if child.tag == _T and not child.text:
            continue
        if child.tag in (_T, *story.CHAR_TAGS):
            return False
    return True


def _split(run: Any, node: Any, within: int) -> None:
    """Cut ``run`` before character ``within`` of ``node`` (0: before the node)."""
    tail = new_run_like(run)
    moving: list[Any] = []
    if within > 0:
        text = node.text or ""
        node.text = text[:within]
        keep_spaces(node)
        rest = copy.copy(node)
        rest.text = text[within:]
        keep_spaces(rest)
        moving.append(rest)
        sibling = node.getnext()
    else:
        sibling = node
    while sibling is not None:
        following = sibling.getnext()
        moving.append(sibling)
        sibling = following
    for child in moving:
        tail.append(child)
    run.addnext(tail)


def new_run_like(run: Any) -> Any:
    """An empty run with the attributes and formatting of ``run``."""
    fresh = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(_RPR)
    if rpr is not None:
        fresh.append(copy.deepcopy(rpr))
    return fresh


def keep_spaces(t: Any) -> None:
    """Word drops a ``w:t``'s leading and trailing spaces unless told to keep them."""
    t.set(_XML_SPACE, "preserve")
