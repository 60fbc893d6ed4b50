"""required-text kind: absent, present, and near-misses reported at the differing words."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint.errors import ConfigError
from brieflint.findings import Finding
from tests.conftest import lint_text

RULE = "house.disclaimer"
DISCLAIMER = (
    "The views expressed in this study are solely those of the authors and do not necessarily "
    "reflect those of the project team, supporting institutions, or the NATO SPS Programme."
)
PLAIN = f"Policy brief\n\nIntro paragraph of the brief.\n\n{DISCLAIMER}\n\nThe body follows.\n"
MARKDOWN = f"---\ntitle: A brief\n---\n# A brief\n\nIntro.\n\n*{DISCLAIMER}*\n\nBody.\n"


def run(text: str, path: str = "d.txt", rule: str = RULE, cfg: Path | None = None) -> list[Finding]:
    return lint_text(text, select=[rule], style="secureblacksea", path=path, config_path=cfg)


def at(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.context) for f in findings]


def test_exact_passage_is_clean_in_plain_text_and_markdown() -> None:
    assert run(PLAIN) == []
    assert run(MARKDOWN, "d.md") == []


def test_line_breaks_white_space_and_quotes_are_not_deviations() -> None:
    wrapped = PLAIN.replace("do not necessarily ", "do   not\nnecessarily\n")
    assert run(wrapped) == []
    cfg_text = "rules:\n  house.disclaimer:\n    options: {text: 'We say “it’s ours”.'}\n"
    assert (
        lint_text(
            'Intro.\n\nWe say "it\'s\nours".\n',
            select=[RULE],
            style="secureblacksea",
            config_path=_cfg(cfg_text),
        )
        == []
    )


def test_changed_acronym_is_reported_at_its_column_with_fix() -> None:
    text = PLAIN.replace("NATO SPS", "NATO SBS")
    (f,) = run(text)
    col = DISCLAIMER.index("SPS") + 1
    assert (f.line, f.column, f.end_column, f.context) == (5, col, col + 3, "SBS")
    assert f.message == "disclaimer: 'SBS' should read 'SPS'"
    assert f.suggestions == ("SPS",)
    assert f.fix is not None and [(e.replacement) for e in f.fix.edits] == ["SPS"]


def test_changed_acronym_in_markdown() -> None:
    (f,) = run(MARKDOWN.replace("NATO SPS", "NATO SBS"), "d.md")
    assert (f.line, f.context) == (8, "SBS")


def test_missing_sentence_part_and_changed_name() -> None:
    text = PLAIN.replace("are solely those", "are those").replace("project team", "project group")
    found = run(text)
    assert [(f.line, f.context) for f in found] == [(5, "are"), (5, "group,")]
    assert "'solely' is missing next to 'are'" in found[0].message
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == " solely"
    assert found[1].suggestions == ("team,",)


def test_missing_sentence_inside_a_longer_passage(tmp_path: Path) -> None:
    passage = (
        "This brief was funded by the Example Fund. The views are the authors' alone. "
        "No part may be reproduced without permission."
    )
    cfg = _cfg(f'rules:\n  house.disclaimer:\n    options: {{text: "{passage}"}}\n')
    text = (
        "Intro.\n\nThis brief was funded by the Example Fund. "
        "No part may be reproduced without permission.\n\nBody.\n"
    )
    (f,) = run(text, cfg=cfg)
    assert f.line == 3 and f.context == "Fund."
    assert "'The views are the authors' alone.' is missing" in f.message


def fixed(text: str, findings: list[Finding]) -> str:
    from brieflint.fixer import apply_edits

    return apply_edits(text, [e for f in findings if f.fix for e in f.fix.edits])


def test_a_cut_short_ending_is_replaced_not_repeated() -> None:
    text = PLAIN.replace("or the NATO SPS Programme.", "or the NATO.")
    (f,) = run(text)
    assert f.context == "NATO."
    assert f.message == "disclaimer: 'NATO.' should read 'NATO SPS Programme.'"
    assert fixed(text, [f]) == PLAIN


def test_a_cut_short_beginning_is_replaced_not_repeated(tmp_path: Path) -> None:
    cfg = _cfg("rules:\n  house.disclaimer:\n    options: {text: 'The views here are our own.'}\n")
    text = "Intro.\n\nViews: here are our own.\n"
    (f,) = run(text, cfg=cfg)
    assert f.context == "Views:"
    assert fixed(text, [f]) == "Intro.\n\nThe views here are our own.\n"


def test_extra_words_are_reported_and_deleted() -> None:
    (f,) = run(PLAIN.replace("do not necessarily", "do not at all necessarily"))
    assert f.context == "at all"
    assert f.message == "disclaimer: 'at all' is not in the required wording"
    assert f.fix is not None and f.fix.edits[0].replacement == ""


def test_absent_passage_is_one_finding_quoting_the_wording() -> None:
    found = run("Policy brief\n\nNothing else here.\n")
    assert len(found) == 1 and (found[0].line, found[0].column) == (1, 1)
    assert DISCLAIMER in found[0].message
    assert len(run("---\ntitle: x\n---\nBody only.\n", "d.md")) == 1


def test_first_page_is_enforced() -> None:
    text = "Intro.\n" + "filler line\n" * 80 + DISCLAIMER + "\n"
    (f,) = run(text)
    assert f.line == 82 and "must stand on the first page" in f.message
    assert run("Intro.\f" + DISCLAIMER + "\n") != []
    assert run(DISCLAIMER + "\fNext page.\n") == []
    # a copy on the last page does not hide the one on the first page
    twice = DISCLAIMER + "\f" + DISCLAIMER.replace("NATO SPS", "NATO") + "\n"
    assert run(twice) == []


def test_placeholders_from_variables_and_front_matter(tmp_path: Path) -> None:
    cfg = _cfg(
        "variables: {programme_short: XYZ}\n"
        "rules:\n  house.attribution:\n    options: {text: 'This brief, {title}, is ours.'}\n"
    )
    text = "---\ntitle: Ports and Power\n---\nThis brief, Ports and Power, is ours.\n"
    assert run(text, "d.md", "house.attribution", cfg) == []
    (f,) = run(text.replace("and Power,", "and Powers,"), "d.md", "house.attribution", cfg)
    assert f.context == "Powers," and f.suggestions == ("Power,",)
    (g,) = run("This brief is ours.\n", "d.txt", "house.attribution", cfg)
    assert "{title} is neither a style variable nor a metadata field" in g.message


def test_invalid_template_is_a_config_error() -> None:
    cfg = _cfg("rules:\n  house.disclaimer:\n    options: {text: 'Broken {brace'}\n")
    with pytest.raises(ConfigError, match="invalid template") as err:
        run("x\n", cfg=cfg)
    assert err.value.line == 4


def _cfg(text: str) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = folder / "brieflint.yaml"
    path.write_text("style: secureblacksea\n" + text, "utf-8")
    return path
