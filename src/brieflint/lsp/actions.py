"""Code actions: a finding's fix (the safe one preferred), fix all safe problems in the file,
suppress a rule on the next line (a Markdown comment), add a word to the house vocabulary.

Fixes travel in the diagnostics' ``data``, so a quick fix is the edit of the text the
diagnostic was made for. Adding a word is a server command (``brieflint.addToVocabulary``): the
server writes the vocabulary file itself, so no editor needs code of its own for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from brieflint import fixer
from brieflint.document import Document
from brieflint.findings import Applicability, Finding
from brieflint.lsp.diagnostics import SOURCE, lsp_range, range_of
from brieflint.lsp.positions import Codec

ADD_WORD = "brieflint.addToVocabulary"
# the same edit as the fix-all action, sent by the server (``workspace/applyEdit``) when a
# client runs the command (a key binding, the VS Code command palette)
FIX_ALL_COMMAND = "brieflint.fixAll"
FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".brieflint"
_LINE_BREAKS = ("\r\n", "\r", "\n")


def _data(diagnostic: types.Diagnostic) -> dict[str, Any]:
    data = diagnostic.data
    if diagnostic.source != SOURCE or not isinstance(data, dict):
        return {}
    return data


def _edit(uri: str, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: list(edits)})


def quick_fixes(uri: str, diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """Each diagnostic's fix: the safe ones first and preferred, unsafe ones as ordinary."""
    safe: list[types.CodeAction] = []
    unsafe: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        fix = _data(diagnostic).get("fix")
        if not isinstance(fix, dict):
            continue
        edits = [types.TextEdit(range_of(e["range"]), str(e["newText"])) for e in fix["edits"]]
        is_safe = bool(fix.get("safe"))
        title = f"{str(fix['title']).capitalize()} ({diagnostic.code})"
        action = types.CodeAction(
            title=title if is_safe else f"{title}: unsafe, check the result",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=is_safe or None,
            edit=_edit(uri, edits),
        )
        (safe if is_safe else unsafe).append(action)
    return [*safe, *unsafe]


def fix_all(uri: str, findings: Sequence[Finding], codec: Codec) -> types.CodeAction | None:
    """Every safe fix in the file that does not overlap another (None: there is none)."""
    offered = [
        (f, f.fix)
        for f in findings
        if f.fix is not None and f.fix.edits and f.fix.applicability is Applicability.SAFE
    ]
    chosen = fixer.choose(offered)
    if not chosen:
        return None
    edits = [
        types.TextEdit(lsp_range(codec, e.start, e.end), e.replacement)
        for _, fix in chosen
        for e in fix.edits
    ]
    return types.CodeAction(
        title=f"Fix all safe problems in this file ({len(chosen)}, brieflint)",
        kind=FIX_ALL,
        edit=_edit(uri, edits),
    )


def add_words(
    uri: str, diagnostics: Sequence[types.Diagnostic], vocabulary: str | None
) -> list[types.CodeAction]:
    """ "Add 'WORD' to the house vocabulary" for each spelling diagnostic (``vocabulary``: the
    file's name as shown; None: the configuration names no vocabulary file)."""
    if vocabulary is None:
        return []
    actions: list[types.CodeAction] = []
    seen: set[str] = set()
    for diagnostic in diagnostics:
        word = _data(diagnostic).get("word")
        if not isinstance(word, str) or word in seen:
            continue
        seen.add(word)
        title = f"Add '{word}' to the house vocabulary ({vocabulary})"
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                command=types.Command(title=title, command=ADD_WORD, arguments=[uri, word]),
            )
        )
    return actions


def suppressions(
    uri: str, diagnostics: Sequence[types.Diagnostic], doc: Document, codec: Codec
) -> list[types.CodeAction]:
    """ "Suppress RULE on this line": ``<!-- brieflint-disable-next-line RULE -->`` on the line
    before (Markdown only; never inside the front matter)."""
    if not doc.markdown:
        return []
    actions: list[types.CodeAction] = []
    seen: set[tuple[str, int]] = set()
    for diagnostic in diagnostics:
        rule = _data(diagnostic).get("rule")
        line = diagnostic.range.start.line
        if not isinstance(rule, str) or (rule, line) in seen:
            continue
        seen.add((rule, line))
        edit = suppression_edit(doc, codec, line, rule)
        if edit is None:
            continue
        actions.append(
            types.CodeAction(
                title=f"Suppress {rule} on this line (brieflint-disable-next-line)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=_edit(uri, [edit]),
            )
        )
    return actions


def suppression_edit(doc: Document, codec: Codec, line: int, rule: str) -> types.TextEdit | None:
    """The comment that suppresses ``rule`` on ``line`` (0-based). Where the line continues a
    paragraph, the comment ends the line before it (a comment on a line of its own would end the
    paragraph there); elsewhere it is a line of its own, indented as the line is."""
    lines = doc.lines
    start, _ = lines.line_span(line + 1)
    if doc.front_matter is not None and start < doc.front_matter.end:
        return None
    comment = f"<!-- brieflint-disable-next-line {rule} -->"
    if line > 0:
        before_start, before_end = lines.line_span(line)
        if doc.text[before_start:before_end].strip() and doc.prose[before_start:before_end].strip():
            at = lsp_range(codec, before_end, before_end)
            return types.TextEdit(at, f" {comment}")
    text = lines.line_text(line + 1)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = lsp_range(codec, start, start)
    return types.TextEdit(at, f"{indent}{comment}{_line_break(doc.text)}")


def _line_break(text: str) -> str:
    for brk in _LINE_BREAKS:
        if brk in text:
            return brk
    return "\n"


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether the client asked for actions of ``kind`` (``only``: the kinds it asked for)."""
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)
