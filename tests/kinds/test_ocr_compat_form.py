from __future__ import annotations

from tests.kinds._ocr import fixed, found

RULE = "ocr.compat-form"


def test_ligatures_and_full_width_are_expanded() -> None:
    text = "The \ufb01nancial \ufb02ow reached \uff21\uff22\uff23."
    assert found(text, RULE) == ["\ufb01", "\ufb02", "\uff21\uff22\uff23"]
    assert fixed(text, RULE) == "The financial flow reached ABC."


def test_mojibake_is_repaired() -> None:
    assert fixed("Relations with TÃ¼rkiye improved.", RULE) == "Relations with Türkiye improved."


def test_correct_accents_and_east_asian_text_are_silent() -> None:
    assert found("Naïve résumé from Türkiye, Aydın and Erdoğan.", RULE) == []
    assert found("東京（とうきょう）は日本の首都です。ＡＢＣ", RULE) == []
