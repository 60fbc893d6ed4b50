"""name-consistency kind: one name written with/without diacritics, hyphen, or in two cases."""

from __future__ import annotations

from brieflint.findings import Finding
from tests.conftest import lint_text

RULE = "house.name-consistency"


def run(text: str, path: str = "d.txt") -> list[Finding]:
    return lint_text(text, select=[RULE], path=path)


def test_diacritics_plain_text() -> None:
    text = "Mr Çelik spoke first.\n\nLater Mr Celik and Mr Çelik left together.\n"
    (f,) = run(text)
    assert (f.line, f.column, f.context) == (3, 10, "Celik")
    assert f.message == "'Celik' (1×) and 'Çelik' (2×) are one name written two ways"
    assert f.suggestions == ("Çelik",)


def test_dotted_capital_i_and_tie_prefers_the_diacritics() -> None:
    (f,) = run("Minister İsmail Ahmadov met Ismail Ahmadov's deputy.\n")
    assert f.context == "Ismail" and f.suggestions == ("İsmail",)


def test_hyphenation_markdown() -> None:
    text = "# Talks\n\nThe *Bosnia-Herzegovina* talks and the Bosnia Herzegovina\nvote.\n"
    (f,) = run(text, "d.md")
    assert (f.line, f.context) == (3, "Bosnia Herzegovina")
    assert "'Bosnia-Herzegovina' (1×)" in f.message


def test_case_of_a_name() -> None:
    (f,) = run("The Nato summit. NATO leaders met; NATO agreed.\n")
    assert f.context == "Nato" and f.suggestions == ("NATO",)


def test_clean_negatives() -> None:
    text = (
        "Policy matters. The policy of Bosnia-Herzegovina is new; Bosnia-Herzegovina agrees.\n"
        "Who knows? The WHO and who else. Çelik and Çelik.\n"
    )
    assert run(text) == []
    assert run("# BOSNIA AND TÜRKIYE\n\nTürkiye and Bosnia.\n", "d.md") == []
    assert run("PORTS AND POWER\n\nPorts and power.\n") == []


def test_a_name_set_in_capitals_is_no_second_spelling() -> None:
    """Newspapers and covers set names in capitals ("ANNA BERG, of ..."): a style, not a
    second spelling of the name written in the text."""
    text = (
        "ANNA BERG, of Mill-lane, was charged.\n\n"
        "The prisoner, Anna Berg, said nothing. Berg was remanded.\n"
    )
    assert run(text) == []
    # alone in a sentence, the capitals are a spelling of the name (an acronym's case)
    (f,) = run("The Nato summit. NATO leaders met; NATO agreed.\n")
    assert f.context == "Nato"


def test_a_heading_in_capitals_damaged_by_ocr_is_left_out() -> None:
    text = "THE MAYOR OF DUNMORe.\n\nThe Mayor came to Dunmore on Monday.\n"
    assert run(text) == []
    (f,) = run("To DUNMORe.\n\nThe Mayor came to Dunmore and left Dunmore.\n")
    assert f.context == "DUNMORe"


def test_a_word_set_in_capitals_beside_its_usual_form_is_typography() -> None:
    """A dateline or a name set in capitals once ("LYON, Monday", "Mr. HARKER") beside the
    same word in its usual case is no second spelling."""
    text = "LYON, Monday.\n\nThe court at Lyon heard Mr. HARKER; Harker and Lyon agreed.\n"
    assert run(text) == []
    # a real second spelling is still found
    (f,) = run("LYON, Monday.\n\nThe court at Lyon heard Mr. Harker; Härker and Lyon agreed.\n")
    assert f.context in {"Harker", "Härker"}


def test_a_compatibility_form_is_left_to_its_own_rule() -> None:
    """Full-width letters ("ｆｏｒｅｉｇｎ") are ocr.compat-form's defect, not a second spelling."""
    text = "The ｆｏｒｅｉｇｎ office met ｆｏｒｅｉｇｎ buyers and foreign banks.\n"
    assert run(text) == []
    # a decomposed accent is a diacritic all the same
    found = run("Ramo\u0301n Díaz met Ramon Díaz and Ramo\u0301n Díaz.\n")
    assert [f.context for f in found] == ["Ramon"]
