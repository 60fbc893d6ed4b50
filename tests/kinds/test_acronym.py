"""acronym kind: near-misses of defined acronyms, and acronyms used but never defined."""

from __future__ import annotations

from pathlib import Path

from brieflint.findings import Finding
from tests.conftest import lint_text

NEAR = "house.acronym-near-miss"
UNDEFINED = "house.acronym-undefined"


def run(text: str, rule: str, path: str = "d.txt", cfg: Path | None = None) -> list[Finding]:
    return lint_text(text, select=[rule], path=path, config_path=cfg)


def test_near_miss_in_plain_text_each_occurrence() -> None:
    text = (
        "The Organization for Security and Co-operation in Europe (OSCE) met.\n"
        "Funding came from the Black Sea Trade and Development Bank (BSTDB).\n\n"
        "Later the BSTDR and the OSCE disagreed; the BSTDR left.\n"
    )
    found = run(text, NEAR)
    assert [(f.line, f.column, f.context) for f in found] == [(4, 11, "BSTDR"), (4, 45, "BSTDR")]
    # two letters swapped is not a one-letter change
    assert run(text.replace("BSTDR", "BSTBD"), NEAR) == []


def test_one_letter_changed_is_reported_with_the_defined_form() -> None:
    text = "The European Defence Agency (EDA) plans.\n\nThe EDB budget grew.\n"
    (f,) = run(text, NEAR)
    assert (f.line, f.column, f.context) == (3, 5, "EDB")
    assert f.suggestions == ("EDA",)
    assert f.message == (
        "'EDB' is defined nowhere; did you mean 'EDA' (European Defence Agency, defined on line 1)?"
    )


def test_near_miss_in_markdown_and_clean_negative() -> None:
    text = "# Funding\n\nThe *Science for Peace and Security* (SPS) Programme and the SBS.\n"
    assert [f.context for f in run(text, NEAR, "d.md")] == ["SBS"]
    clean = "# Funding\n\nThe Science for Peace and Security (SPS) Programme; the SPS pays.\n"
    assert run(clean, NEAR, "d.md") == []
    assert run(clean.replace(".md", ""), NEAR) == []


def test_known_acronyms_are_not_near_misses() -> None:
    text = "The European Parliament (EP) voted. The EU agreed.\n"
    assert run(text, NEAR) == []


def test_undefined_reported_once_as_info() -> None:
    text = "The CSTO met. The CSTO will meet again. NATO and the EU watched.\n"
    found = run(text, UNDEFINED)
    assert [(f.line, f.column, f.context, f.severity.label) for f in found] == [
        (1, 5, "CSTO", "info")
    ]


def test_defined_either_way_or_known_is_clean() -> None:
    text = (
        "The Collective Security Treaty Organization (CSTO) met; later the CSTO met again.\n"
        "The GUAM (Organization for Democracy and Economic Development) met too; GUAM grew.\n"
        "Under UNCLOS rules, the UN and the NGOs (plural) act.\n"
    )
    found = run(text, UNDEFINED)
    assert [f.context for f in found] == ["UNCLOS"]


def test_headings_in_capitals_and_roman_numerals_are_not_acronyms() -> None:
    text = "POLICY BRIEF NO: 7\n\nTHE WAR IN CONTEXT\n\nPart II of World War II.\n"
    assert run(text, UNDEFINED) == []
    assert run("# KEY FINDINGS\n\nWords.\n", UNDEFINED, "d.md") == []


def test_undefined_in_markdown() -> None:
    found = run("---\ntitle: T\n---\nThe **CSTO** met.\n", UNDEFINED, "d.md")
    assert [(f.line, f.context) for f in found] == [(4, "CSTO")]


def test_house_vocabulary_and_known_option(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("rules:\n  house.acronym-undefined:\n    options: {known: [CSTO]}\n", "utf-8")
    assert run("The CSTO met.\n", UNDEFINED, cfg=cfg) == []
    words = tmp_path / "words.txt"
    words.write_text("CSTO\n", "utf-8")
    cfg.write_text("vocab: [words.txt]\n", "utf-8")
    assert run("The CSTO met.\n", UNDEFINED, cfg=cfg) == []


def test_words_set_in_capitals_in_a_line_are_not_acronyms() -> None:
    text = "In the paper ON CLUSTERING IN THE SMART SYSTEM the words were indexed.\n"
    assert run(text, UNDEFINED) == []
    # a list of acronyms is still a list of acronyms, each of them undefined
    listed = "Members of the QRST, WVXB, KLMP and GUAM met.\n"
    assert [f.context for f in run(listed, UNDEFINED)] == ["QRST", "WVXB", "KLMP", "GUAM"]
