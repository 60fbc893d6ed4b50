"""Re-lint after an edit: paragraph-local rules on the blocks the edit touched, the others whole.

A kind that declares ``whole_document`` may find something anywhere because of text anywhere
(counts, first uses, front matter): it runs on the whole draft after every edit. Every other kind
finds what it finds from a paragraph and its neighbours, so after an edit only the changed blocks
(see ``blocks``) and one block either side are linted again, as a document of their own with one
more block either side as their neighbours; their findings' offsets, lines and columns are then
those of the whole draft. The other blocks' findings are kept from the previous run, moved to
where their block is now.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from brieflint.document import Document
from brieflint.findings import Edit, Finding, Fix
from brieflint.lsp.blocks import Block, split
from brieflint.ruleset import ActiveRule

RunRule = Callable[[Document, ActiveRule], list[Finding]]


@dataclass
class Groups:
    """Findings by block, each relative to its block's start."""

    blocks: list[Block] = field(default_factory=list)
    found: list[list[Finding]] = field(default_factory=list)

    def absolute(self, doc: Document) -> list[Finding]:
        return [
            moved(f, block.start, doc)
            for block, found in zip(self.blocks, self.found, strict=True)
            for f in found
        ]


@dataclass(frozen=True)
class Window:
    """What to lint again: ``dirty`` blocks get new findings, read among the ``context``
    blocks (both half-open ranges of block indexes)."""

    dirty: tuple[int, int]
    context: tuple[int, int]
    kept: list[list[Finding] | None]  # per new block: the findings carried over (None: dirty)


def window(old: Groups, new: list[Block], reach: int = 1) -> Window:
    """The blocks of ``new`` an edit from ``old`` touched, with ``reach`` blocks either side
    (what paragraph-local rules read around a paragraph), and what the others keep."""
    n, m = len(new), len(old.blocks)
    prefix = 0
    while prefix < min(n, m) and new[prefix].text == old.blocks[prefix].text:
        prefix += 1
    suffix = 0
    while (
        suffix < min(n, m) - prefix and new[n - 1 - suffix].text == old.blocks[m - 1 - suffix].text
    ):
        suffix += 1
    first, last = max(0, prefix - reach), min(n, n - suffix + reach)
    if first >= last or prefix == n == m:  # nothing changed
        first = last = n
    kept: list[list[Finding] | None] = []
    for index in range(n):
        if first <= index < last:
            kept.append(None)
        elif index < prefix:
            kept.append(old.found[index])
        else:
            kept.append(old.found[index - n + m])
    return Window((first, last), (max(0, first - 1), min(n, last + 1)), kept)


def moved(finding: Finding, delta: int, doc: Document) -> Finding:
    """``finding`` with its offsets (and its fix's) moved by ``delta``, its lines and columns
    those of the new offsets in ``doc``."""
    start, end = finding.start + delta, finding.end + delta
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return dataclasses.replace(
        finding,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=_shift_fix(finding.fix, delta),
    )


def only(doc: Document, blocks: Sequence[Block], first: int, last: int) -> tuple[Document, int]:
    """The blocks ``first``–``last`` of ``doc`` as a document of their own, and the offset in
    ``doc`` of its offset 0 (``doc`` itself when that is every block). A draft's middle starts
    with a line break, so that a thematic break (``---``) there is not read as front matter."""
    if first == 0 and last == len(blocks):
        return doc, 0
    start = blocks[first].start if first < len(blocks) else len(doc.text)
    end = blocks[last - 1].end if last > first else start
    lead = "\n" if start > 0 else ""
    view = Document.parse(doc.path, lead + doc.text[start:end], markdown=doc.markdown)
    return view, start - len(lead)


def assign(
    findings: Sequence[Finding], blocks: Sequence[Block], first: int, last: int
) -> list[list[Finding]]:
    """The ``findings`` that start in blocks ``first``–``last``, by block, relative to it."""
    out: list[list[Finding]] = [[] for _ in range(last - first)]
    starts = [b.start for b in blocks]
    for f in findings:
        index = bisect_right(starts, f.start) - 1
        if first <= index < last:
            block = blocks[index]
            out[index - first].append(
                dataclasses.replace(
                    f,
                    start=f.start - block.start,
                    end=f.end - block.start,
                    fix=_shift_fix(f.fix, -block.start),
                )
            )
    return out


def _shift_fix(fix: Fix | None, delta: int) -> Fix | None:
    if fix is None or not delta:
        return fix
    edits = tuple(Edit(e.start + delta, e.end + delta, e.replacement) for e in fix.edits)
    return Fix(edits, fix.description, fix.applicability)


@dataclass
class Relint:
    """One draft's paragraph-local findings, carried from edit to edit."""

    groups: Groups = field(default_factory=Groups)
    # the rules the groups were found by: held, so that no other rule takes one's id
    rules: tuple[ActiveRule, ...] = ()
    blocks_linted: int = 0  # how many blocks the last run linted again (for the benchmark)

    def local(self, doc: Document, rules: Sequence[ActiveRule], run: RunRule) -> list[Finding]:
        """The findings of the paragraph-local ``rules`` in ``doc``, linting again only the
        blocks changed since the last call (all of them when the rules changed)."""
        blocks = split(doc.text, doc.markdown)
        same = len(rules) == len(self.rules) and all(
            a is b for a, b in zip(rules, self.rules, strict=True)
        )
        if not same:
            self.groups, self.rules = Groups(), tuple(rules)
        plan = window(self.groups, blocks)
        first, last = plan.dirty
        found: list[list[Finding] | None] = list(plan.kept)
        if last > first:
            view, delta = only(doc, blocks, *plan.context)
            fresh = [moved(f, delta, doc) for rule in rules for f in run(view, rule)]
            for offset, group in enumerate(assign(fresh, blocks, first, last)):
                found[first + offset] = group
        self.blocks_linted = last - first
        self.groups = Groups(blocks, [g or [] for g in found])
        return self.groups.absolute(doc)
