"""Re-linting after an edit gives what linting the whole draft gives, while linting again only
the blocks the edit touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint import config, engine, ruleset
from brieflint.document import Document
from brieflint.lsp.blocks import split
from brieflint.lsp.incremental import Relint

BRIEF = Path(__file__).resolve().parents[1] / "data" / "briefs" / "ports-and-corridors.txt"


def _as_markdown(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs)
    return (
        "---\ntitle: Ports and corridors\n---\n\n# Ports\n\n"
        + body
        + "\n\n```\ncode  with  spaces\n\n\nmore code\n```\n\n"
        + "- a list item\n\n  its second paragraph\n"
    )


@pytest.fixture(scope="module")
def setup() -> ruleset.Setup:
    return ruleset.build(config.default())


def _offline(setup: ruleset.Setup, path: str) -> list[ruleset.ActiveRule]:
    return [r for r in setup.rules_for(path) if r.kind.post_pass is None]


def _incremental(relint: Relint, text: str, path: str, setup: ruleset.Setup) -> list[object]:
    doc = Document.parse(path, text)
    rules = _offline(setup, path)
    local = [r for r in rules if not r.kind.whole_document]
    raw = relint.local(doc, local, lambda d, r: engine.rule_findings(d, r, setup))
    raw += [f for r in rules if r.kind.whole_document for f in engine.rule_findings(doc, r, setup)]
    return [f.as_json() for f in engine.finish(doc, raw, setup.rules_for(path), setup)]


def _whole(text: str, path: str, setup: ruleset.Setup) -> list[object]:
    doc = Document.parse(path, text)
    return [f.as_json() for f in engine.lint_document(doc, setup.rules_for(path), setup)]


@pytest.mark.parametrize("path", ["brief.md", "brief.txt"])
def test_edits_give_the_findings_of_a_whole_lint(setup: ruleset.Setup, path: str) -> None:
    text = BRIEF.read_text(encoding="utf-8")
    if path.endswith(".md"):
        text = _as_markdown(text)
    relint = Relint()
    assert _incremental(relint, text, path, setup) == _whole(text, path, setup)
    middle = text.index("The ports were not built")
    edits = [
        (middle, middle, "the the "),  # a finding appears
        (middle, middle + 8, ""),  # and goes
        (middle, middle, "Paragraph inserted.\n\n"),  # a new block
        (len(text) // 3, len(text) // 3 + 40, ""),  # a cut across blocks
        (0, 0, "Stray first line\n"),
        (len(text) - 5, len(text), "Pоti (with a Cyrillic o)\n"),
    ]
    findings_seen = 0
    for start, end, new in edits:
        start, end = min(start, len(text)), min(end, len(text))
        text = text[:start] + new + text[end:]
        expected = _whole(text, path, setup)
        assert _incremental(relint, text, path, setup) == expected, (start, new)
        assert relint.blocks_linted <= 6  # the touched blocks and their neighbours, not all
        findings_seen += len(expected)
    assert findings_seen  # the edits were made to a brief with findings


def test_blocks_tile_the_text_and_keep_markdown_together() -> None:
    text = (
        "---\na: 1\n\nb: 2\n---\n\nOne\ntwo\n\n```\nx\n\ny\n```\n\n"
        "- item\n\n  more\n\n<!--\n\n-->\n\nEnd"
    )
    blocks = split(text, markdown=True)
    assert "".join(b.text for b in blocks) == text
    assert [b.text.split("\n")[0] for b in blocks] == ["---", "One", "```", "- item", "<!--", "End"]
    plain = split("a\n\n  b\n\nc", markdown=False)
    assert [b.text for b in plain] == ["a\n\n", "  b\n\n", "c"]
