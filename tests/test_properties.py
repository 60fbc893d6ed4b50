"""Property tests (hypothesis): positions, every rule on arbitrary text, report formats."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brieflint import config as config_mod
from brieflint import engine, reporters, ruleset
from brieflint.document import Document
from brieflint.positions import LineIndex
from brieflint.report import Report
from tests.briefs import SARIF_SCHEMA

# Text that looks like drafts: letters of several scripts, punctuation, breaks, odd characters.
ALPHABET = st.sampled_from(
    [
        *"abcdefghij ABCXYZ  .,;:!?-–—'\"’“”()[]{}_^|~¬\\/#*`<>@&%0123456789",
        *["\n", "\n\n", "\r\n", "\r", "\t", "\u00ad", "\u200b", "\ufeff", "\ufffd", "ﬁ"],
        *["а", "о", "Т", "ı", "İ", "ş", "ü", "😀", "\u202e", "\ue000", "é", "e\u0301"],
        *["http://x.org/a b", "---", "mul-\ntidimensional", "well-\nknown"],
    ]
)
DRAFTS = st.lists(ALPHABET, max_size=120).map("".join)

SETUP = ruleset.build(config_mod.default())
ALL_RULES = list(SETUP.base.values()) + list(SETUP.disabled.values())


@given(st.text(max_size=300))
def test_offset_position_round_trip(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert line >= 1 and column >= 1
        if offset == len(text) or text[offset - 1 : offset + 1] != "\r\n" or offset == 0:
            assert index.offset(line, column) == offset


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DRAFTS, st.sampled_from(["d.txt", "d.md"]))
def test_every_rule_terminates_with_findings_inside_the_document(text: str, path: str) -> None:
    try:
        doc = Document.parse(path, text)
    except Exception as exc:  # only brieflint's own input errors are allowed
        from brieflint.errors import BrieflintError

        assert isinstance(exc, BrieflintError)
        return
    findings = engine.lint_document(doc, ALL_RULES, SETUP)
    lines = doc.lines.line_count
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert 1 <= f.line <= f.end_line <= lines
        assert (f.line, f.column) <= (f.end_line, f.end_column)
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(DRAFTS)
def test_json_and_sarif_always_parse_and_validate(text: str) -> None:
    import jsonschema

    doc = Document.parse("p/d.txt", text)
    findings = engine.lint_document(doc, list(SETUP.base.values()), SETUP)
    report = Report(findings=findings, files=1, rules={k: r.spec for k, r in SETUP.base.items()})
    payload = json.loads(reporters.render("json", report))
    assert payload["summary"]["files"] == 1 and len(payload["findings"]) == len(findings)
    sarif = json.loads(reporters.render("sarif", report))
    jsonschema.validate(sarif, _schema(str(SARIF_SCHEMA)))


_SCHEMAS: dict[str, object] = {}


def _schema(path: str) -> object:
    if path not in _SCHEMAS:
        with open(path, encoding="utf-8") as handle:
            _SCHEMAS[path] = json.load(handle)
    return _SCHEMAS[path]
