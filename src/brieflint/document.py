"""The parsed draft every rule reads: text, positions, metadata, prose mask and tokens."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

import regex

from brieflint import masking, yamlpos
from brieflint.errors import InputError
from brieflint.location import SourceMap
from brieflint.positions import LineIndex
from brieflint.text import tokens

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_FRONT_MATTER_OPEN = regex.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FRONT_MATTER_CLOSE = regex.compile(r"(?m)^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")


@dataclass
class FrontMatter:
    data: dict[str, Any]
    located: yamlpos.Located
    start: int
    end: int

    def line_of(self, key: str) -> int | None:
        return self.located.line_of((key,))


@dataclass
class Document:
    path: str
    text: str
    markdown: bool = False
    front_matter: FrontMatter | None = None
    # Where the text came from, for files that are not text (.docx, PDF): see location.py.
    source_map: SourceMap | None = field(default=None, repr=False, compare=False)
    # Metadata the file records outside its text (a .docx's core properties); the front
    # matter's keys win over these.
    file_metadata: dict[str, Any] = field(default_factory=dict, repr=False)
    _spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _cuts: list[int] = field(default_factory=list, repr=False)
    _headings: list[int] = field(default_factory=list, repr=False)
    # analyses several rules share, by name (see text/doccache.py)
    memos: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def parse(
        cls,
        path: str,
        text: str,
        *,
        markdown: bool | None = None,
        not_prose: Sequence[tuple[int, int]] = (),
        source_map: SourceMap | None = None,
        file_metadata: dict[str, Any] | None = None,
        headings: Sequence[int] = (),
    ) -> Document:
        """The document of ``text``. Readers of other formats pass the spans that are not
        prose (running headers and footers, say), the map back to the source file, the
        metadata the file records outside its text and where its headings start (a Word
        heading style, a PDF line set large); Markdown finds its own."""
        if markdown is None:
            markdown = PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES
        doc = cls(path=path, text=text, markdown=markdown, source_map=source_map)
        if file_metadata:
            doc.file_metadata = dict(file_metadata)
        body_start = 0
        if markdown:
            doc.front_matter = _front_matter(path, text)
            if doc.front_matter is not None:
                body_start = doc.front_matter.end
                doc._spans.append((0, body_start))
            spans, cuts, headings = masking.markdown_spans(text, doc.lines, body_start)
            doc._spans.extend(spans)
            doc._cuts = cuts
            doc._headings = headings
        else:
            doc._spans.extend(masking.plain_text_spans(text))
            doc._headings = sorted(headings)
        if not_prose:
            doc._spans = sorted([*doc._spans, *not_prose])
        return doc

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def prose(self) -> str:
        """The text with non-prose blanked out; same length and offsets as ``text``."""
        return masking.apply_mask(self.text, self._spans)

    @cached_property
    def paragraphs(self) -> list[tokens.Paragraph]:
        return tokens.paragraphs(self.prose, self._cuts, frozenset(self._headings))

    @cached_property
    def sentences(self) -> list[tokens.Span]:
        return tokens.all_sentences(self.prose, self.paragraphs)

    @cached_property
    def words(self) -> tokens.WordSpans:
        """The words of the prose, in order, read as a list of ``Span`` (see ``WordSpans``)."""
        texts, _, starts, ends = self._word_columns
        return tokens.WordSpans(starts, ends, texts)

    @cached_property
    def word_texts(self) -> list[str]:
        """The text of each of ``words``, in order: the split gives them for free."""
        return self._word_columns[0]

    @cached_property
    def word_gaps(self) -> list[str]:
        """The prose between each word of ``words`` and the next (one fewer than the words)."""
        return self._word_columns[1]

    @cached_property
    def _word_columns(self) -> tuple[list[str], list[str], array[int], array[int]]:
        """The words' texts, the gaps between them, their starts and their ends, from one cut of
        the prose (which is not kept: its list of parts would be two pointers a word more)."""
        parts = tokens.shared_word_parts(self.prose, self.unusual_chars)
        starts, ends = tokens.offsets(parts)
        return parts[1::2], parts[2:-1:2], starts, ends

    @cached_property
    def unusual_chars(self) -> frozenset[str]:
        """The distinct characters of the prose other than printable ASCII, tabs and line
        breaks: rules whose patterns start only at such characters skip drafts without theirs."""
        return tokens.unusual_chars(self.prose)

    @cached_property
    def metadata(self) -> dict[str, Any]:
        if not self.file_metadata:
            return self.front_matter.data if self.front_matter else {}
        return {**self.file_metadata, **(self.front_matter.data if self.front_matter else {})}

    def words_in(self, start: int, end: int) -> list[tokens.Span]:
        """The words of ``doc.words`` that lie inside ``[start, end)``."""
        words = self.words
        lo = bisect_left(words.starts, start)
        hi = bisect_left(words.starts, end, lo)
        return words[lo:hi]

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def is_prose(self, start: int, end: int) -> bool:
        """True when no character of ``[start, end)`` was masked out."""
        return self.prose[start:end] == self.text[start:end]


def _front_matter(path: str, text: str) -> FrontMatter | None:
    opening = _FRONT_MATTER_OPEN.match(text)
    if opening is None:
        return None
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if closing is None:
        raise InputError("front matter is not terminated (no closing '---')", path=path, line=1)
    located = yamlpos.load(text[opening.end() : closing.start()], path, line_offset=1)
    data = located.value
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter is not a mapping of keys to values", path=path, line=2)
    return FrontMatter(data=data, located=located, start=0, end=closing.end())
