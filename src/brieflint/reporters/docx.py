"""``--format docx -o brief.reviewed.docx``: a copy of each .docx draft with one Word comment per
finding, anchored on exactly the flagged text, author "brieflint".

The comment says the severity, the rule, the message and the first suggestion. The copy's text
is the draft's, character for character (runs are split, never changed; see
``word/comments.py``). The draft is read again and must read as it did when it was linted;
otherwise (it changed in between) nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from brieflint import sources
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.report import Report
from brieflint.reporters import unchanged_since_check, write_copy_file
from brieflint.word import archive, comments, story

SUFFIX = ".reviewed.docx"


def comment_text(f: Finding) -> str:
    """What the comment on ``f`` says."""
    text = f"{f.severity.label} · {f.rule} · {f.message}"
    if f.suggestions:
        text += f" · suggestion: {f.suggestions[0]}"
    return text


def write_copy(report: Report, source: str, destination: Path) -> int:
    """Write the reviewed copy of the draft ``source`` to ``destination``; the comments added."""
    if Path(source).resolve() == destination.resolve():
        raise BrieflintError("the reviewed copy must not replace the draft itself", path=source)
    limit = sources.limit_bytes(sources.MAX_DRAFT_MB_CEILING)
    data = sources.read_file(source, source, limit)
    document = archive.open_document(data, source, len(data))
    text = archive.guarded(source, lambda: story.read(document).text)
    unchanged_since_check(report, source, text)
    notes = [
        comments.Note(f.start, f.end, comment_text(f))
        for f in sorted(report.findings, key=lambda f: (f.start, f.end, f.rule))
        if f.path == source
    ]
    added = archive.guarded(source, lambda: comments.annotate(document, notes))
    out = archive.guarded(source, lambda: comments.save(document))
    write_copy_file(destination, out, "reviewed copy")
    return added
