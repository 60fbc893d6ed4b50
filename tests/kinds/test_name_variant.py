"""spelling.name-variant: rare OCR misreadings of names the document uses several times."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint_text

BASE = (
    "Heydar Aliyev came to power in 1993. Aliyev pursued a balanced policy, and Aliyev's "
    "successors kept it. Türkiye and Azerbaijan signed the declaration; Türkiye hosted it, and "
    "Türkiye's president spoke. Azerbaijan and Azerbaijan's neighbours watched Azerbaijan.\n"
)


def test_misread_names_are_reported_with_a_fix() -> None:
    text = BASE + "The Ilham Alivev administration and Türkive agreed; Azerbaiian did too.\n"
    findings = lint_text(text, select=["spelling.name-variant"])
    got = {f.context: (f.suggestions[0], f.message) for f in findings}
    assert set(got) == {"Alivev", "Türkive", "Azerbaiian"}
    assert got["Alivev"][1] == "'Alivev': did you mean 'Aliyev'? ('Aliyev' appears 3 times)"
    for f in findings:
        assert f.fix is not None
        assert f.fix.edits[0].replacement == f.suggestions[0]


def test_a_dropped_diacritic_is_a_variant() -> None:
    findings = lint_text(BASE + "Turkiye disagreed.\n", select=["spelling.name-variant"])
    assert [(f.context, f.suggestions[0]) for f in findings] == [("Turkiye", "Türkiye")]


def test_inflections_possessives_and_other_names_are_not_variants() -> None:
    text = BASE + (
        "Aliyev's and the Aliyevs' policies; Mehriban Aliyeva spoke. Azerbaijani officials "
        "and Azerbaijanis agreed. Ilham and İlham are one name.\n"
    )
    assert lint_text(text, select=["spelling.name-variant"]) == []


def test_a_name_used_only_twice_is_not_a_target() -> None:
    text = "Aliyev spoke. Aliyev left. Alivev returned.\n"
    assert lint_text(text, select=["spelling.name-variant"]) == []


def test_house_vocabulary_names_are_targets(tmp_path: Path) -> None:
    style = tmp_path / "house"
    (style / "vocab").mkdir(parents=True)
    (style / "style.yaml").write_text("extends: brief\n", encoding="utf-8")
    (style / "vocab" / "accept.txt").write_text("Elchibey\n", encoding="utf-8")
    findings = lint_text("Abulfaz Elchibev led the country.\n", style=str(style))
    variants = [f for f in findings if f.rule == "spelling.name-variant"]
    assert [(f.context, f.suggestions[0]) for f in variants] == [("Elchibev", "Elchibey")]
    assert "house vocabulary" in variants[0].message
    assert not [f for f in findings if f.rule == "spelling.unknown-word"]  # one finding, not two
