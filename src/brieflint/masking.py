"""Which parts of a draft are prose.

Rules read ``Document.prose``: the text with every non-prose character replaced by a space (line
breaks kept), so offsets in the masked text are offsets in the file. Markdown block structure comes
from markdown-it-py (its token ``map`` gives source lines); inline constructs that markdown-it does
not locate (code spans, link targets, URLs, HTML comments, emphasis markers) are found with
patterns written here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from brieflint.positions import LineIndex

if TYPE_CHECKING:
    from markdown_it.token import Token

Span = tuple[int, int]

URL = regex.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?]"""
    # possessive and anchored: no backtracking on long runs like "ab-ab-ab-…"
    r"""|(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+\b""",
)
_WEB = regex.compile(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?]""")
_MAILBOX = regex.compile(r"(?r)[\w.+-]+\Z")  # the local part, matched backwards from an "@"
_DOMAIN = regex.compile(r"@[\w-]+(?:\.[\w-]+)+\b")
_HTML_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_LINK_TARGET = regex.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK_OPEN = regex.compile(r"!?\[(?=[^\]\n]*\]\()")
_IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_AUTOLINK = regex.compile(r"<(?:[a-z][a-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", regex.I)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REF_DEF = regex.compile(r"(?m)^ {0,3}\[[^\]\n]+\]:\s*\S.*$")
_LINE_MARKER = regex.compile(r"(?m)^[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")
_HEADING_MARK = regex.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)|[ \t]+#+[ \t]*$")
_EMPHASIS = regex.compile(
    r"(?<![\w*\\])(\*{1,3}|_{1,3})(?=[^\s*_])|(?<=[^\s*_\\])(\*{1,3}|_{1,3})(?![\w*])"
)
_ESCAPE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")


def plain_text_spans(text: str) -> list[Span]:
    """Non-prose in plain text: URLs and e-mail addresses."""
    return link_spans(text)


def link_spans(text: str, pos: int = 0) -> list[Span]:
    """The spans ``URL.finditer(text, pos)`` finds, found faster.

    Trying the e-mail alternative at every position costs milliseconds a page, so addresses are
    looked for only at each "@": the whole run of local-part characters before it (a reverse
    search) and the domain after it. The two kinds of match are then taken leftmost first, a web
    address winning a tie, each search resuming where the last match ended, as ``finditer`` does.
    """
    spans: list[Span] = []
    mails = _mail_candidates(text)
    mail = next(mails, None)
    webs = _web_starts(text)
    web = _web_search(text, pos, webs)
    while True:
        while mail is not None and mail[0] < pos:
            mail = next(mails, None)
        if web is not None and web.start() < pos:
            web = _web_search(text, pos, webs)
        if web is None and mail is None:
            return spans
        if mail is None or (web is not None and web.start() <= mail[0]):
            assert web is not None
            spans.append(web.span())
        else:
            spans.append(mail)
        pos = spans[-1][1]


def _web_starts(text: str) -> list[int]:
    """Where a web address can start, ascending: 3 to 5 characters before each "://" (ftp, http,
    https) and at each "www.". ``str.find`` finds those in microseconds where ``_WEB`` takes a
    fifth of a millisecond to scan a page for its word boundaries."""
    starts: set[int] = set()
    for at in _occurrences(text, "://"):
        starts.update(s for s in (at - 5, at - 4, at - 3) if s >= 0)
    starts.update(_occurrences(text, "www."))
    return sorted(starts)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _web_search(text: str, pos: int, starts: list[int]) -> regex.Match[str] | None:
    """``_WEB.search(text, pos)``, tried only at ``starts`` (every place a match can start)."""
    for start in starts[bisect_left(starts, pos) :]:
        found = _WEB.match(text, start)
        if found is not None:
            return found
    return None


def _mail_candidates(text: str) -> Iterator[Span]:
    """Where the e-mail alternative of :data:`URL` matches, in order, ignoring overlaps."""
    at = text.find("@")
    while at >= 0:
        local = _MAILBOX.search(text, 0, at)
        if local is not None:
            domain = _DOMAIN.match(text, at)
            if domain is not None:
                yield local.start(), domain.end()
        at = text.find("@", at + 1)


def markdown_spans(
    text: str, lines: LineIndex, body_start: int
) -> tuple[list[Span], list[int], list[int]]:
    """Non-prose spans of a Markdown body, block cuts (offsets), and heading offsets.

    Cuts are where a block of prose starts or ends without a blank line: around headings, at
    list items, table rows and table cells.
    """
    spans: list[Span] = []
    headings: list[int] = []
    cuts: list[int] = []
    body = text[body_start:]
    first_line = lines.position(body_start)[0]
    for token in markdown_tokens(body):
        if token.map is None:
            continue
        start_line, end_line = token.map[0] + first_line, token.map[1] + first_line
        if token.type in ("fence", "code_block", "html_block", "hr"):
            spans.append((lines.starts[start_line - 1], _line_end(lines, text, end_line - 1)))
        elif token.type == "list_item_open":
            cuts.append(lines.starts[start_line - 1])
        elif token.type == "heading_open":
            for n in range(start_line, end_line):
                s, e = lines.line_span(n)
                headings.append(s)
                cuts.extend((s, e))
                spans.extend(
                    (s + m.start(), s + m.end()) for m in _HEADING_MARK.finditer(text[s:e])
                )
        elif token.type == "table_open":
            for n in range(start_line, end_line):
                s, e = lines.line_span(n)
                line = text[s:e]
                pipes = [s + i for i, ch in enumerate(line) if ch == "|"]
                spans.extend((p, p + 1) for p in pipes)
                cuts.extend((s, *pipes, e))
                if regex.fullmatch(r"[\s|:\-]+", line):
                    spans.append((s, e))
    for pattern in (_HTML_COMMENT, _CODE_SPAN, _IMAGE, _LINK_TARGET, _AUTOLINK, _REF_DEF):
        spans.extend(m.span() for m in pattern.finditer(text, body_start))
    spans.extend(link_spans(text, body_start))
    for pattern in (_LINK_OPEN, _HTML_TAG, _ESCAPE, _EMPHASIS):
        spans.extend(m.span() for m in pattern.finditer(text, body_start))
    spans.extend(m.span() for m in _LINE_MARKER.finditer(text, body_start) if m.end() > m.start())
    return spans, sorted(set(cuts)), headings


def markdown_tokens(body: str) -> list[Token]:
    """The block tokens of a Markdown body, as brieflint reads Markdown (CommonMark and tables)."""
    from markdown_it import MarkdownIt  # imported only when a Markdown file is read

    return MarkdownIt("commonmark").enable("table").parse(body)


def _line_end(lines: LineIndex, text: str, line: int) -> int:
    return lines.line_span(line)[1] if line <= lines.line_count else len(text)


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans joined."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def apply_mask(text: str, spans: list[Span]) -> str:
    """Replace every character inside ``spans`` by a space, keeping line breaks."""
    if not spans:
        return text
    merged = merge_spans(spans)
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(regex.sub(r"[^\r\n]", " ", chunk))
        pos = end
    out.append(text[pos:])
    return "".join(out)
