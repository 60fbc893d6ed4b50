"""A draft cut into blocks: paragraphs and the blank lines after them, tiling the whole text.

A block is where an edit's effect on the paragraph-local rules ends: a run of non-blank lines
and the blank lines that follow it. Markdown that spans blank lines stays in one block: the front
matter, a fenced code block, an HTML comment, and lines indented after a blank line (a list
item's next paragraph, indented code), which mean what they mean only after the block before
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n)?$")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int  # exclusive: the next block's start
    text: str


def _lines(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end() and m.start() == len(text) and found:
            break
        found.append((m.start(), m.group()))
    return found


def split(text: str, markdown: bool) -> list[Block]:
    """The blocks of ``text``, in order; their texts joined give ``text``."""
    starts: list[int] = [0]
    lines = _lines(text)
    fence: str | None = None
    in_comment = in_front = False
    if markdown and lines and lines[0][1].rstrip("\r\n").rstrip(" \t") == "---":
        in_front = True
    previous_blank = False
    for index, (offset, line) in enumerate(lines):
        content = line.rstrip("\r\n")
        blank = not content.strip()
        opens = (
            index > 0
            and previous_blank
            and not blank
            and fence is None
            and not in_comment
            and not in_front
            and not (markdown and content[:1] in (" ", "\t"))
        )
        if opens:
            starts.append(offset)
        if markdown:
            if in_front:
                in_front = index == 0 or not _FRONT_MATTER_END.match(line)
            elif fence is not None:
                closing = _FENCE.match(content)
                if (
                    closing
                    and closing.group(1)[0] == fence[0]
                    and len(closing.group(1)) >= len(fence)
                    and not content[closing.end() :].strip()
                ):
                    fence = None
            else:
                opening = _FENCE.match(content)
                if opening is not None:
                    fence = opening.group(1)
                in_comment = _comment_left_open(content, in_comment)
        previous_blank = blank
    ends = [*starts[1:], len(text)]
    return [Block(s, e, text[s:e]) for s, e in zip(starts, ends, strict=True)]


def _comment_left_open(line: str, open_before: bool) -> bool:
    """Whether an HTML comment is still open after ``line``."""
    if open_before:
        closing = line.find("-->")
        if closing < 0:
            return True
        line = line[closing + 3 :]
    opening = line.rfind("<!--")
    return opening >= 0 and "-->" not in line[opening + 4 :]
