"""spelling.unknown-word, spelling.variety and the lexicon they read."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.context import Vocabulary
from brieflint.text import lexicon as lexicon_mod
from brieflint.text.lexicon import Lexicon, WordTable
from tests.conftest import lint_text

# Correct prose dense with foreign names: each used consistently, in the house vocabulary, or
# known to the lexicon. No spelling finding may come out of it.
NAMES_PAGE = """\
Following the Second Karabakh War, Heydar Aliyev's successor İlham Aliyev met Nikol Pashinyan
in Washington. Abulfaz Elchibey had pursued a different course in 1992. Recep Tayyip Erdoğan
and Kassym-Jomart Tokayev spoke in Astana; Shavkat Mirziyoyev joined them from Tashkent.
The Shusha Declaration binds Türkiye and Azerbaijan. Ayça Ergun and Mustafa Aydın interviewed
officials in Baku and Ganja, and Ayça Ergun presented the findings at the Institut für die
Wissenschaften vom Menschen. Zhvaniashvili, a Georgian analyst, disagreed; Zhvaniashvili's
colleagues at TÜBİTAK and METU did not. Its actorness grew, and that actorness, the interviewees
said, is a new actorness in the region.
"""


SPELLING = ["spelling.unknown-word", "spelling.name-variant"]


def _words(findings: list[object]) -> list[str]:
    return [getattr(f, "context", "") for f in findings]


def test_misspellings_are_found_with_suggestions() -> None:
    text = "The governmnet is preparina a permanant policy of the parliamnet.\n"
    found = {f.context: f for f in lint_text(text, select=["spelling.unknown-word"])}
    assert found["governmnet"].suggestions[0] == "government"
    assert found["preparina"].suggestions[0] == "preparing"  # OCR: g read as a
    assert found["permanant"].suggestions[0] == "permanent"  # in the word list, but a typo
    assert found["parliamnet"].suggestions[0] == "parliament"
    assert "policy" not in found


def test_capitalised_misspelling_at_a_sentence_start() -> None:
    text = "Governmnet sources said so. Comparitive studies agreed.\n"
    findings = lint_text(text, select=["spelling.unknown-word"])
    assert [(f.context, f.suggestions[0]) for f in findings] == [
        ("Governmnet", "Government"),
        ("Comparitive", "Comparative"),
    ]


def test_a_page_of_correct_foreign_names_is_clean() -> None:
    assert _words(lint_text(NAMES_PAGE, select=SPELLING)) == []


def test_british_and_american_spellings_are_both_accepted() -> None:
    text = "The neighbours and neighbors favour and favor the organisation and organization.\n"
    assert lint_text(text, select=["spelling.unknown-word", "spelling.name-variant"]) == []


def test_house_reject_list_always_reports(tmp_path: Path) -> None:
    style = tmp_path / "house"
    (style / "vocab").mkdir(parents=True)
    (style / "style.yaml").write_text("extends: brief\n", encoding="utf-8")
    (style / "vocab" / "reject.txt").write_text("whilst\n", encoding="utf-8")
    findings = lint_text("Talks continued whilst fighting went on.\n", style=str(style))
    spelling = [f for f in findings if f.rule == "spelling.unknown-word"]
    assert [f.context for f in spelling] == ["whilst"]
    assert "house vocabulary" in spelling[0].message


def test_house_accept_list_makes_a_word_known(tmp_path: Path) -> None:
    style = tmp_path / "house"
    (style / "vocab").mkdir(parents=True)
    (style / "style.yaml").write_text("extends: brief\n", encoding="utf-8")
    (style / "vocab" / "accept.txt").write_text("tradeflows\nbriefer\n", encoding="utf-8")
    text = "Two tradeflows were examined by the briefer, whose briefs are short.\n"
    assert lint_text(text, style=str(style), select=SPELLING) == []
    assert [f.context for f in lint_text(text, select=SPELLING)] == ["tradeflows"]


def test_foreign_script_and_acronyms_are_left_to_other_rules() -> None:
    text = "The UNDP and OSCE met. То be sure, signing а treaty was hard.\n"
    assert lint_text(text, select=SPELLING) == []


def test_variety_rule_reports_the_other_spelling() -> None:
    text = "Azerbaijan's neighbors recognized the maneuver and the colour.\n"
    found = {f.context: f.suggestions[0] for f in lint_text(text, select=["spelling.variety"])}
    assert found == {"neighbors": "neighbours", "maneuver": "manoeuvre"}  # -ize is Oxford


def test_variety_rule_for_american_english(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("language: en-US\n", encoding="utf-8")
    findings = lint_text(
        "The neighbours organised a programme.\n",
        select=["spelling.variety"],
        config_path=cfg,
    )
    assert {f.context: f.suggestions[0] for f in findings} == {
        "neighbours": "neighbors",
        "organised": "organized",
        "programme": "program",
    }


def test_lexicon_table_is_cached_and_agrees_with_wordfreq(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wordfreq import zipf_frequency

    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path))
    first = Lexicon.load("en-GB", Vocabulary())
    files = list((tmp_path / "lexicon").glob("*.bin"))
    assert len(files) == 1
    second = Lexicon.load("en-GB", Vocabulary())
    assert isinstance(second.frequencies, WordTable)
    for word in ["the", "Tajikistan", "permanent", "policymakers", "Bökeyhan", "İsmail"]:
        expected = zipf_frequency(lexicon_mod.normalize(word), "en", wordlist="large")
        assert first.zipf(word) == pytest.approx(expected, abs=0.01)
        assert second.zipf(word) == first.zipf(word)
    assert second.zipf("Kasvmov") == 0.0
    assert "permanent" in second.frequencies and "kasvmov" not in second.frequencies
    assert second.known("İsmail") and not second.known("Kasvmov")


def test_a_damaged_lexicon_cache_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFLINT_CACHE_HOME", str(tmp_path))
    Lexicon.load("en", Vocabulary())
    (cached,) = (tmp_path / "lexicon").glob("*.bin")
    cached.write_bytes(b"BLLEX2\n garbage")
    assert Lexicon.load("en", Vocabulary()).zipf("policy") > 4


def test_capitalised_word_inside_a_sentence_is_a_name_unless_an_ocr_confusion_explains_it() -> None:
    quiet = "Protests in Comrat and Tiraspol followed the decision.\n"
    assert lint_text(quiet, select=["spelling.unknown-word"]) == []
    misread = "Officials of the Govemment agreed to the plan.\n"
    found = lint_text(misread, select=["spelling.unknown-word"])
    assert [(f.context, f.suggestions[0]) for f in found] == [("Govemment", "Government")]


def test_half_of_a_split_word_is_left_to_the_split_word_rule() -> None:
    text = "The evapo ration losses grew.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    both = lint_text(text, select=["spelling.unknown-word", "ocr.split-word"])
    assert [(f.rule, f.suggestions[0]) for f in both] == [("ocr.split-word", "evaporation")]


def test_short_junk_that_word_lists_hold_is_reported() -> None:
    text = "We saw tbe report and the minister said tio the press that wau wrong.\n"
    findings = lint_text(text, select=["spelling.unknown-word"])
    assert [(f.context, f.suggestions[0]) for f in findings] == [
        ("tbe", "the"),
        ("tio", "to"),
        ("wau", "was"),
    ]


def test_rare_short_words_that_are_not_junk_stay_silent() -> None:
    text = "The hut by the toe of the hill had thy name, the lad said; the bet was a tie.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []


def test_suggestions_follow_the_configured_variety(tmp_path: Path) -> None:
    text = "The policy is favorina trade and the neiqhbours agree.\n"
    british = {f.context: f.suggestions[0] for f in lint_text(text, select=["spelling.unknown"])}
    assert british == {"favorina": "favouring", "neiqhbours": "neighbours"}
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("language: en-US\n", encoding="utf-8")
    found = lint_text(text, select=["spelling.unknown"], config_path=cfg)
    assert {f.context: f.suggestions[0] for f in found} == {
        "favorina": "favoring",
        "neiqhbours": "neighbors",
    }


def test_capitals_misread_inside_a_name_are_reported() -> None:
    text = "The TIheatres stood near the HEtel, where NGOs and MPs met.\n"
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["TIheatres", "HEtel"]
    # in clean text, capitals that no OCR confusion or very common word explains: an identifier
    assert lint_text("The terms of Noun QVerb structure.\n", select=["spelling.unknown-word"]) == []


# OCR of print: many lower-case words misread, so a capitalised unknown word used once is most
# likely misread too (the same words in a clean text are taken for names)
DAMAGED = (
    "The prisoncr was brouglit before the magistrnte at Brixtorn on Mouday, charged with "
    "stealinq a watcb from the hoiise of Mr. Pemberton in Hulbrane Road. The constahle said "
    "he fouud the prisoner in the strect with the propcrty.\n"
)
CLEAN = (
    "The prisoner was brought before the magistrate at Brixtorn on Monday, charged with "
    "stealing a watch from the house of Mr. Pemberton in Hulbrane Road. The constable said "
    "he found the prisoner in the street with the property.\n"
)


def test_in_damaged_text_a_capitalised_unknown_word_used_once_is_reported() -> None:
    found = {f.context for f in lint_text(DAMAGED, select=["spelling.unknown-word"])}
    assert {"Brixtorn", "Hulbrane"} <= found and "Pemberton" not in found


# a longer report with one word in a hundred misread is damaged text as well
LIGHTLY_DAMAGED = (
    "The prisoner was brought before the magistrate on Monday, charged with stealing a watch "
    "from the house of a widow in the lane. The constable said he found the prisoner in the "
    "street with the property in his pocket, and that he gave a false name and address. "
) * 3 + (
    "The widow said the watch had been a gift from her late husband, and that she had missed "
    "it on Saturday evening when she came home from Brackmere market. The prisoner said he had "
    "bought it from a man in the strcet for ten shillings, but could not say who the man was. "
    "He was remanded for a wcek, and the magistrate said the case was a bad one, as the "
    "widow was poor and the watch was all she had. The constahle said the prisoner was known "
    "to the police.\n"
)


def test_in_lightly_damaged_text_a_capitalised_unknown_word_used_once_is_reported() -> None:
    found = {f.context for f in lint_text(LIGHTLY_DAMAGED, select=["spelling.unknown-word"])}
    assert found == {"wcek", "Brackmere"}  # and two misread words of the text (name-variant)
    clean = LIGHTLY_DAMAGED.replace("strcet", "street").replace("wcek", "week")
    clean = clean.replace("constahle", "constable")
    assert lint_text(clean, select=["spelling.unknown-word"]) == []


def test_in_clean_text_the_same_words_are_names() -> None:
    assert lint_text(CLEAN, select=["spelling.unknown-word"]) == []


def test_words_derived_from_known_words_are_not_misspellings() -> None:
    text = (
        "The subsolutions avoid overgeneration; the linearizer keeps the objectness and the "
        "systematicity of selectional restrictions.\n"
    )
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    (finding,) = lint_text("The prisoner was rernanded.\n", select=["spelling.unknown-word"])
    assert finding.context == "rernanded"


def test_words_derived_twice_or_from_rarer_long_words_are_not_misspellings() -> None:
    """A prefix on a long known word ('un' + 'rotated'), a derived word derived again
    ('non' + 'compositional' + 'ity'), the plural of a derived word, -able on a known verb."""
    text = (
        "The unrotated axes and the noncompositionality of idioms make the reclassifiable "
        "cases rare; dealigned corpora and retrainable models help.\n"
    )
    assert lint_text(text, select=["spelling.unknown-word"]) == []


def test_able_for_ible_is_a_misspelling_not_a_derived_word() -> None:
    found = lint_text("The claim is not defensable.\n", select=["spelling.unknown-word"])
    assert [(f.context, f.suggestions[:1]) for f in found] == [("defensable", ("defensible",))]


def test_labels_in_a_table_of_figures_are_not_spell_checked() -> None:
    text = (
        "Scores\n\numcp 0.57 0.11 0.32 0.76 duluthY 0.50 0.17 0.33 0.65\n\nThe governmnet agreed.\n"
    )
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["governmnet"]


def test_one_misreading_in_a_short_text_does_not_make_it_damaged() -> None:
    text = "As Bramel (1989) and Kittay argue, speakers plan the utterance in stagcs.\n"
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["stagcs"]


def test_a_name_beside_an_initial_is_an_author_not_a_misspelling() -> None:
    """Reference lists open entries with a surname ('Vorst, T.' is no 'Worst'); a name beside
    an initial is cited, one edit from a common word or not."""
    text = "Vorst, T. 1994. Parsing as planning.\n\nThe parse, as G. Wolt found, was quick.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    found = lint_text("Vorst said the parse was quick.\n", select=["spelling.unknown-word"])
    assert [f.context for f in found] == ["Vorst"]


def test_the_plural_of_an_acronym_is_no_misspelling() -> None:
    assert lint_text("The ACFs and the IMBs differ.\n", select=["spelling.unknown-word"]) == []


def test_names_of_code_are_not_spell_checked() -> None:
    text = "We call tokenise(x) with max_itr set, and the stagcs follow.\n"
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["stagcs"]


def test_a_passage_in_another_language_is_not_spell_checked_as_english() -> None:
    text = "The report, rapporto annuale sulla sicurezza, was published late.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    # a misspelt English word beside a foreign one is still misspelt: no language uses it
    text = "The rapporto annuale was publishd late.\n"
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["publishd"]


def test_in_damaged_text_a_word_in_an_odd_mix_of_cases_is_misread() -> None:
    text = DAMAGED + "He had come from BristoL with Mr. McKay, Mr. O'Neill and the HoMe men.\n"
    found = {f.context for f in lint_text(text, select=["spelling.unknown-word"])}
    assert {"BristoL", "HoMe"} <= found
    assert not found & {"McKay", "O'Neill", "Pemberton"}
    clean = CLEAN + "He had come from BristoL with Mr. McKay, Mr. O'Neill and the HoMe men.\n"
    found = {f.context for f in lint_text(clean, select=["spelling.unknown-word"])}
    assert "HoMe" not in found  # in clean text a known word in odd capitals is a name or a brand


def test_in_clean_text_a_coined_word_is_a_term_but_not_in_damaged_text() -> None:
    # nothing common near it, spelt with English letter sequences, not two words run together
    text = "The panel studied the flumbrication of the accounts in detail.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    found = {f.context for f in lint_text(DAMAGED + text, select=["spelling.unknown-word"])}
    assert "flumbrication" in found


def test_letters_no_english_word_has_are_still_reported_in_clean_text() -> None:
    text = "The panel studied the gxvqlation of the accounts in detail.\n"
    found = lint_text(text, select=["spelling.unknown-word"])
    assert [(f.context, f.severity.label) for f in found] == [("gxvqlation", "info")]


def test_two_words_run_together_are_reported_as_a_warning() -> None:
    text = "The committee met thirtydays ago to discuss the budget.\n"
    found = lint_text(text, select=["spelling.unknown-word"])
    assert [(f.context, f.severity.label) for f in found] == [("thirtydays", "warning")]


def test_in_clean_text_a_rare_word_with_a_regular_ending_is_a_word() -> None:
    text = "The inquiry found several collusions between the two firms.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    # English doubles a consonant before -ing or -er, never before -s: that is a typo
    typo = "The ministry said that the exportts of grain grew by twelve per cent.\n"
    assert [f.context for f in lint_text(typo, select=["spelling.unknown-word"])] == ["exportts"]


def test_a_long_capitalised_word_one_edit_from_a_common_word_is_misspelt() -> None:
    text = "The report of the Departmant was published on Monday.\n"
    found = lint_text(text, select=["spelling.unknown-word"])
    assert [(f.context, f.suggestions[:1]) for f in found] == [("Departmant", ("Department",))]


def test_a_common_misspelling_is_never_suggested() -> None:
    found = lint_text("The goverrnent report was late.\n", select=["spelling.unknown-word"])
    assert [f.context for f in found] == ["goverrnent"]
    assert all(s.lower() != "goverment" for f in found for s in f.suggestions)


def test_a_term_used_again_and_again_does_not_make_the_text_damaged() -> None:
    # one form used three times is one piece of evidence of damage, not three: the text stays
    # clean, so the term is a term and the name used once is a name
    text = (
        "The parser reads each tokenx in turn. A tokenx that ends a clause is kept, and every "
        "tokenx is logged. The method follows Brixtorn and is fast.\n"
    )
    assert lint_text(text, select=["spelling.unknown-word"]) == []


def test_a_listed_rare_word_opening_a_sentence_before_a_capital_is_a_name() -> None:
    # a rare word one edit from a common one is a misspelling, less surely so in clean text
    found = lint_text("The board met. Punker the report was late.\n", select=SPELLING[:1])
    assert [(f.context, f.severity.label) for f in found] == [("Punker", "info")]
    # before another capitalised word, it opens a name
    assert lint_text("The board met. Punker Press printed it.\n", select=SPELLING[:1]) == []


def test_forms_listed_with_slashes_are_notation_not_prose() -> None:
    text = "The suffixes of the locative (-ta/-vekko/-ssimur) differ in each dialect.\n"
    assert lint_text(text, select=["spelling.unknown-word"]) == []
    # one slash is prose ('and/or'), and a misspelling there is still one
    found = lint_text("The commitee/boardd met.\n", select=["spelling.unknown-word"])
    assert [f.context for f in found] == ["boardd"]


def test_in_clean_text_a_closed_compound_is_reported_as_info() -> None:
    # two content words English does not write side by side: a compound as likely as a join
    found = lint_text("The ropemaker was paid.\n", select=["spelling.unknown-word"])
    assert [(f.context, f.severity.label) for f in found] == [("ropemaker", "info")]


def test_a_typo_typed_twice_the_same_way_is_still_a_typo() -> None:
    # an author who misspells a word consistently: one edit from a very common word, twice
    text = (
        "The ministry said the reform of the pension system would take time. The new "
        "governmnet plan was published on Monday, and the governmnet promised to consult the "
        "unions. Officials said the strategey would be reviewed, and the strategey was welcomed "
        "by employers. The talks continue.\n"
    )
    found = [f.context for f in lint_text(text, select=["spelling.unknown-word"])]
    assert found == ["governmnet", "governmnet", "strategey", "strategey"]


def test_suggestions_in_en_gb_keep_words_that_are_other_words_there() -> None:
    # 'draught' and 'philtre' are British words, but not the British spelling of these
    text = "The ministry published the first drafft and a new fiilter; favring it was wise.\n"
    found = lint_text(text, select=["spelling.unknown-word"], style="brief")
    assert [(f.context, f.suggestions[:1]) for f in found] == [
        ("drafft", ("draft",)),
        ("fiilter", ("filter",)),
        ("favring", ("favouring",)),
    ]
