"""One defect, one finding: the pass after the rules (brieflint.postpass)."""

from __future__ import annotations

from brieflint import postpass
from brieflint.findings import Finding, Severity
from tests.conftest import lint_text


def _rules(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, **kwargs)]  # type: ignore[arg-type]


def test_fragments_of_a_broken_word_are_not_spell_checked() -> None:
    text = "The main\u00adtainer is reli-\nability and strat\u200begic in the Midd1e East.\n"
    found = _rules(text)
    assert ("ocr.invisible-char", "\u00ad") in found
    assert ("ocr.hyphenation", "reli-\nability") in found
    assert ("ocr.digit-for-letter", "Midd1e") in found
    fragments = [w for r, w in found if r.startswith(("spelling.", "prose.common-typo"))]
    assert fragments == []


def test_a_listed_misspelling_is_one_finding() -> None:
    found = _rules("We read thier report becuase it came.\n")
    assert found == [("prose.common-typo", "thier"), ("prose.common-typo", "becuase")]


def test_separate_defects_side_by_side_are_all_kept() -> None:
    text = "The governmnet (refonn of the pension svstem was late.\n"
    found = _rules(text)
    assert ("ocr.stray-markup", "(") in found
    spelled = [w for r, w in found if r == "spelling.unknown-word"]
    assert spelled == ["governmnet", "refonn", "svstem"]


def _finding(rule: str, start: int, end: int) -> Finding:
    return Finding(
        "d.txt", 1, start + 1, 1, end + 1, rule, Severity.WARNING, "m", start=start, end=end
    )


def test_a_passage_owner_silences_other_house_rules_inside_it() -> None:
    text = "Disclaimer: the SBS views are the authors' own. SBS is used again here."
    kinds = {"house.disclaimer": "required-text", "house.acronym-near-miss": "acronym"}
    inside = _finding("house.acronym-near-miss", 16, 19)
    outside = _finding("house.acronym-near-miss", 48, 51)
    owner = _finding("house.disclaimer", 0, 47)
    kept = postpass.one_per_defect([owner, inside, outside], text, kinds)
    assert kept == [owner, outside]


def test_languagetool_on_the_same_characters_as_a_rule_is_dropped() -> None:
    text = "the the report"
    kinds = {"prose.doubled-word": "repetition"}
    ours = _finding("prose.doubled-word", 0, 7)
    theirs = _finding("lt.ENGLISH_WORD_REPEAT_RULE", 0, 7)
    other = _finding("lt.SOME_GRAMMAR_RULE", 8, 14)
    not_checked = _finding("lt.grammar", 0, 0)
    kept = postpass.one_per_defect([ours, theirs, other, not_checked], text, kinds)
    assert kept == [ours, other, not_checked]


def test_clean_findings_pass_unchanged() -> None:
    text = "alpha beta gamma"
    kinds = {"spelling.unknown-word": "spelling", "ocr.spacing": "ocr-spacing"}
    findings = [_finding("ocr.spacing", 5, 6), _finding("spelling.unknown-word", 0, 5)]
    assert postpass.one_per_defect(findings, text, kinds) == findings


def test_a_word_pair_guess_yields_to_a_grammar_tool_on_the_same_words() -> None:
    text = "Officials are expected attend the meeting.\n"

    def finding(rule: str, start: int, end: int) -> Finding:
        return Finding(
            "d.txt", 1, start + 1, 1, end + 1, rule, Severity.INFO, "m", start=start, end=end
        )

    guess = finding("grammar.missing-word", 14, 29)
    kinds = {"grammar.missing-word": "word-sequence", "prose.doubled-word": "repetition"}
    for tool in ("harper.MissingTo", "lt.MISSING_TO"):
        kept = postpass.one_per_defect([guess, finding(tool, 14, 22)], text, kinds)
        assert [f.rule for f in kept] == [tool]
    # and a grammar tool's finding is not dropped for a guess on the same characters
    same = postpass.one_per_defect([guess, finding("lt.MISSING_TO", 14, 29)], text, kinds)
    assert [f.rule for f in same] == ["lt.MISSING_TO"]
    # elsewhere, both stay
    apart = postpass.one_per_defect([guess, finding("harper.AnA", 34, 37)], text, kinds)
    assert len(apart) == 2
