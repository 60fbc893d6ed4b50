"""``brieflint fix`` on a Word document (.docx): the fixer's rounds, with each round's edits
written into the document (as tracked changes, or directly) instead of into a string.

Each round lints the text the document reads as (tracked changes accepted), chooses the fixes
that do not overlap (``fixer.choose``), places every edit of each chosen fix (``tracked.Editor``)
and applies the fixes all of whose edits can be placed; a fix with an edit that cannot (one that
joins paragraphs, one in a footnote) is left as it is and counted. The document read again must
read as the text with the edits applied; if it does not, the round is the last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from brieflint.findings import Edit, Finding
from brieflint.fixer import MAX_ROUNDS, FixResult, Round, apply_edits, choose, split_fixes
from brieflint.word import story, tracked


@dataclass
class WordFixResult:
    text: str  # the text before any fix
    fixed_text: str  # the text the document reads as afterwards
    applied: list[Finding] = field(default_factory=list)
    unplaced: list[Finding] = field(default_factory=list)  # safe to fix, but not in a .docx
    withheld: list[Finding] = field(default_factory=list)  # fixes of a tier not asked for
    rounds: int = 0
    history: list[Round] = field(default_factory=list)  # the rounds that changed the text

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    def as_text_result(self) -> FixResult:
        """The same fixes as the fixer reports them on text (for ``--diff``)."""
        return FixResult(
            self.fixed_text,
            list(self.applied),
            self.rounds,
            list(self.withheld),
            list(self.history),
        )


def fix_document(
    document: Any,
    lint: Callable[[str], list[Finding]],
    *,
    track: bool = True,
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
) -> WordFixResult:
    """Fix ``document`` in memory with the fixes ``lint`` offers on its text."""
    editor = tracked.Editor(document, track)
    read = story.read(document)
    result = WordFixResult(read.text, read.text)
    for _ in range(max_rounds):
        offered, result.withheld = split_fixes(lint(read.text), unsafe)
        placed: list[tracked.Placed] = []
        taken: list[Finding] = []
        edits: list[Edit] = []
        for finding, fix in choose(offered):
            spots = [editor.place(read, e) for e in fix.edits]
            if any(s is None for s in spots):
                if finding not in result.unplaced:
                    result.unplaced.append(finding)
                continue
            placed.extend(s for s in spots if s is not None)
            edits.extend(fix.edits)
            taken.append(finding)
        if not taken:
            break
        expected = apply_edits(read.text, edits)
        result.history.append(Round(read.text, tuple(taken)))
        editor.apply(placed)
        result.rounds += 1
        result.applied.extend(taken)
        read = story.read(document)
        if read.text != expected or read.text == result.fixed_text:
            result.fixed_text = read.text
            break
        result.fixed_text = read.text
    return result
