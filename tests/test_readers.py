"""The readers registry and the map back to a source's own places (.docx paragraphs, PDF pages).

The formats' own readers have their tests in tests/formats/; these check what every reader
shares: which reader a file gets, how a location is said, and that a finding carries its location
from the engine through the result cache to the text, JSON and SARIF reporters.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from brieflint import config as config_mod
from brieflint import engine, readers, reporters, ruleset
from brieflint.document import Document
from brieflint.findings import Finding
from brieflint.location import Location, Segment, SegmentMap
from brieflint.report import Report
from brieflint.resultcache import ResultCache
from tests.briefs import SARIF_SCHEMA

# Two "paragraphs" as a reader of a word processor's file would give them.
TEXT = "The ports open in spring.\n\nThe the corridor runs south.\n"
SECOND = TEXT.index("The the")


def _located_document() -> Document:
    first = Segment(0, SECOND - 2, Location(paragraph=1, page=1))
    second = Segment(SECOND, len(TEXT) - 1, Location(paragraph=2, page=3))
    return Document.parse("brief.docx", TEXT, source_map=SegmentMap([first, second]))


def _findings() -> list[Finding]:
    setup = ruleset.build(config_mod.default(), ruleset.BuildOptions(select=("prose",)))
    doc = _located_document()
    return list(engine.lint_document(doc, setup.rules_for("brief.docx"), setup))


def test_files_get_the_reader_of_their_suffix() -> None:
    assert readers.for_path("a/Brief.MD").name == "markdown"
    assert readers.for_path("notes.txt").name == "text"
    assert readers.for_path("no-suffix").name == "text"


def test_the_text_readers_give_the_documents_check_always_gave() -> None:
    data = b"---\ntitle: T\n---\nSome prose.\n"
    markdown = readers.read("d.md", data)
    assert markdown.markdown and markdown.metadata == {"title": "T"}
    plain = readers.read("d.txt", data)
    assert not plain.markdown and plain.metadata == {}
    assert markdown.source_map is None and plain.source_map is None


def test_locations_are_said_in_the_formats_terms() -> None:
    assert Location(paragraph=14, page=3).describe() == "¶14 (p. 3)"
    assert Location(paragraph=14).describe() == "¶14"
    assert Location(part="table", table=2, row=1, cell=3).describe() == "table 2, row 1, cell 3"
    assert Location(page=2, line=7).describe() == "p. 2, line 7"
    assert Location(part="footer", page=4).describe() == "footer (p. 4)"
    box = Location(page=1, line=2, boxes=((72.0, 700.5, 120.25, 712.0),))
    assert Location.from_json(box.as_json()) == box


def test_a_segment_map_gives_the_segment_and_the_offset_in_it() -> None:
    doc = _located_document()
    assert doc.source_map is not None
    assert doc.source_map.locate(4, 9) == Location(paragraph=1, page=1, offset=4)
    assert doc.source_map.locate(SECOND + 4, SECOND + 8) == Location(paragraph=2, page=3, offset=4)
    assert doc.source_map.locate(SECOND - 1, SECOND) is None  # the blank line between them


def test_the_engine_puts_each_finding_at_its_place_in_the_source() -> None:
    findings = _findings()
    doubled = [f for f in findings if f.rule == "prose.doubled-word"]
    assert len(doubled) == 1
    assert doubled[0].location == Location(paragraph=2, page=3, offset=0)


def test_locations_survive_the_result_cache(tmp_path: Path) -> None:
    findings = _findings()
    store = ResultCache(tmp_path)
    store.put("k" * 64, findings)
    again = store.get("k" * 64)
    assert again is not None
    assert [f.location for f in again] == [f.location for f in findings]
    assert any(f.location is not None for f in again)


def _report() -> Report:
    setup = ruleset.build(config_mod.default())
    return Report(
        findings=_findings(),
        files=1,
        rules={rid: r.spec for rid, r in setup.base.items()},
    )


def test_text_output_names_the_place_with_a_short_quote() -> None:
    out = reporters.render("text", _report())
    assert "brief.docx: ¶2 (p. 3): “The the”" in out
    assert "brief.docx:3:" not in out  # no line:column of the extracted text


def test_json_carries_the_location_as_an_additive_field() -> None:
    log = json.loads(reporters.render("json", _report()))
    assert log["version"] == 1
    finding = next(f for f in log["findings"] if f["rule"] == "prose.doubled-word")
    assert finding["location"] == {
        "part": "body",
        "paragraph": 2,
        "page": 3,
        "offset": 0,
        "description": "¶2 (p. 3)",
    }
    assert {"path", "line", "column", "end_line", "end_column"} <= set(finding)


def test_sarif_gives_a_snippet_and_a_logical_location_and_stays_valid() -> None:
    log = json.loads(reporters.render("sarif", _report()))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "prose.doubled-word")
    where = result["locations"][0]
    assert where["physicalLocation"]["region"]["snippet"] == {"text": "The the"}
    assert where["logicalLocations"] == [{"name": "¶2 (p. 3)", "kind": "body"}]
    assert result["properties"]["location"]["page"] == 3


def test_the_html_report_lists_the_place_in_the_source() -> None:
    report = _report()
    report.texts = {"brief.docx": TEXT}
    html = reporters.render("html", report)
    assert "¶2 (p. 3)</a>" in html
    assert ">3:1</a>" not in html
