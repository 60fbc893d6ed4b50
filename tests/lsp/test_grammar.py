"""Grammar never blocks: the offline findings are published first, LanguageTool's added when its
answers arrive, and kept for the paragraphs an edit did not touch."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from lsprotocol import types

from brieflint.languagetool.client import ENV_URL
from tests.lsp.client import editor

pytestmark = pytest.mark.languagetool

DRAFT = "The ceasefire has created a conditions for peace.\n\nShips reached Pоti this year.\n"


def _rules(found: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


@pytest.mark.skipif(not os.environ.get(ENV_URL), reason=f"needs a LanguageTool server in {ENV_URL}")
def test_grammar_findings_arrive_after_the_offline_ones(tmp_path: Path) -> None:
    url = os.environ[ENV_URL].rstrip("/")
    (tmp_path / "brieflint.yaml").write_text(
        f"languagetool:\n  mode: optional\n  url: {url}\n  timeout: 120\n", encoding="utf-8"
    )

    async def session() -> None:
        async with editor(tmp_path) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, lambda f: "lt.A_NNS" in _rules(f))
            first = next(p for p in ed.published if p.uri == uri)
            assert "ocr.homoglyph" in _rules(list(first.diagnostics))
            assert not any(r.startswith("lt.") for r in _rules(list(first.diagnostics)))
            assert "ocr.homoglyph" in _rules(found)
            # an edit in the other paragraph: the grammar finding stays in the first publication
            count = len(ed.published)
            end = types.Position(2, 0)
            v2 = ed.edit(uri, [types.TextEdit(types.Range(end, end), "New line.\n")])
            await ed.diagnostics(uri, v2)
            offline = next(p for p in ed.published[count:] if p.version == v2)
            assert "lt.A_NNS" in _rules(list(offline.diagnostics))

    asyncio.run(session())
