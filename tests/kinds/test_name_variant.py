"""spelling.name-variant: rare OCR misreadings of names the document uses several times."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint_text

BASE = (
    "Rustam Kasymov came to power in 1994. Kasymov pursued a balanced policy, and Kasymov's "
    "successors kept it. Bökeyhan and Tajikistan signed the declaration; Bökeyhan hosted it, and "
    "Bökeyhan's president spoke. Tajikistan and Tajikistan's neighbours watched Tajikistan.\n"
)


def test_misread_names_are_reported_with_a_fix() -> None:
    text = BASE + "The Timur Kasvmov administration and Bökevhan agreed; Taiikistan did too.\n"
    findings = lint_text(text, select=["spelling.name-variant"])
    got = {f.context: (f.suggestions[0], f.message) for f in findings}
    assert set(got) == {"Kasvmov", "Bökevhan", "Taiikistan"}
    assert got["Kasvmov"][1] == "'Kasvmov': did you mean 'Kasymov'? ('Kasymov' appears 3 times)"
    for f in findings:
        assert f.fix is not None
        assert f.fix.edits[0].replacement == f.suggestions[0]


def test_a_dropped_diacritic_is_a_variant() -> None:
    findings = lint_text(BASE + "Bokeyhan disagreed.\n", select=["spelling.name-variant"])
    assert [(f.context, f.suggestions[0]) for f in findings] == [("Bokeyhan", "Bökeyhan")]


def test_inflections_possessives_and_other_names_are_not_variants() -> None:
    text = BASE + (
        "Kasymov's and the Kasymovs' policies; Dilnoza Kasymova spoke. Tajikistani officials "
        "and Tajikistanis agreed. Ismail and İsmail are one name.\n"
    )
    assert lint_text(text, select=["spelling.name-variant"]) == []


def test_a_name_used_twice_is_a_target_and_once_is_not() -> None:
    text = "Kasymov spoke. Kasymov left. Kasvmov returned. Tiirkic words beside Turkic ones.\n"
    found = lint_text(text, select=["spelling.name-variant"])
    assert [(f.context, f.suggestions[0]) for f in found] == [("Kasvmov", "Kasymov")]


def test_misreadings_by_ocr_costs_and_by_a_plain_edit() -> None:
    text = (
        "The Turkic states and Turkic languages: Tiirkic words twice, Tiirkic again, and "
        "Turkic grammar. Martin and Martin met Murtin; Buckingham and Buckingham saw Buckiigham.\n"
    )
    found = lint_text(text, select=["spelling.name-variant"])
    assert [(f.context, f.suggestions[0]) for f in found] == [
        ("Tiirkic", "Turkic"),
        ("Tiirkic", "Turkic"),
        ("Murtin", "Martin"),
        ("Buckiigham", "Buckingham"),
    ]


def test_a_plain_edit_needs_a_far_more_frequent_form_and_another_stem() -> None:
    text = "Ivanov and Ivanov met Ivanova. Smithson and Smithsen each came once.\n"
    assert lint_text(text, select=["spelling.name-variant"]) == []


def test_house_vocabulary_names_are_targets(tmp_path: Path) -> None:
    style = tmp_path / "house"
    (style / "vocab").mkdir(parents=True)
    (style / "style.yaml").write_text("extends: brief\n", encoding="utf-8")
    (style / "vocab" / "accept.txt").write_text("Abdykalykov\n", encoding="utf-8")
    findings = lint_text("Kubanychbek Abdvkalykov led the country.\n", style=str(style))
    variants = [f for f in findings if f.rule == "spelling.name-variant"]
    assert [(f.context, f.suggestions[0]) for f in variants] == [("Abdvkalykov", "Abdykalykov")]
    assert "house vocabulary" in variants[0].message
    assert not [f for f in findings if f.rule == "spelling.unknown-word"]  # one finding, not two
