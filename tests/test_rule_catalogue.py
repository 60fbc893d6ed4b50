"""Meta-tests: every rule is documented, and its own examples behave as documented."""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

import pytest

from brieflint import config as config_mod
from brieflint import data, kinds, ruleset, style
from brieflint.findings import Finding
from brieflint.fixer import fix_text
from brieflint.rulespec import Examples, ExpectedFinding, RuleSpec
from tests.conftest import lint_text


def _all_rules() -> list[tuple[str | None, RuleSpec]]:
    found: list[tuple[str | None, RuleSpec]] = []
    setup = ruleset.build(config_mod.default())
    found.extend((None, spec) for spec in setup.catalogue.values())
    for name in style.builtin_styles():
        for layer in style.load_chain(name, None):
            found.extend((layer.name, spec) for spec, _ in layer.rules.values())
    # keyed by (style, id): a house may override a rule of the style it extends
    unique = {(st or "", spec.id, spec.source): (st, spec) for st, spec in found}
    return sorted(unique.values(), key=lambda item: (item[1].id, item[0] or ""))


RULES = _all_rules()


IDS = [f"{s.id}@{st}" if st else s.id for st, s in RULES]


@pytest.mark.parametrize(("style_name", "spec"), RULES, ids=IDS)
def test_rule_is_documented(style_name: str | None, spec: RuleSpec) -> None:
    assert spec.description.strip() and "\n" not in spec.description.strip()
    assert spec.why.strip()
    assert spec.examples.bad.strip() and spec.examples.good.strip()
    assert kinds.get(spec.kind) is not None, f"{spec.id}: no kind {spec.kind}"


@pytest.mark.parametrize(("style_name", "spec"), RULES, ids=IDS)
def test_rule_examples(style_name: str | None, spec: RuleSpec) -> None:
    if spec.kind == "languagetool":
        pytest.skip("LanguageTool examples run in tests/test_languagetool.py against a real server")
    if spec.kind == "harper":
        pytest.skip("Harper's examples run in tests/kinds/test_harper.py (the harper extra)")
    path = "example.md" if spec.examples.format == "markdown" else "example.txt"
    bad_findings = lint_text(spec.examples.bad, select=[spec.id], style=style_name, path=path)
    bad = [f.rule for f in bad_findings]
    fields = {name for _, name, _, _ in string.Formatter().parse(spec.message) if name}
    for f in bad_findings:  # one line each, every placeholder of the template filled
        assert "\n" not in f.message and "\r" not in f.message, f.message
        assert not [n for n in fields if "{" + n + "}" in f.message], f.message
    good = [
        (f.rule, f.message)
        for f in lint_text(spec.examples.good, select=[spec.id], style=style_name, path=path)
    ]
    assert spec.id in bad, f"{spec.id}: the bad example raises nothing"
    assert not [g for g in good if g[0] == spec.id], f"{spec.id}: the good example raises {good}"

    def lint_rule(text: str) -> list[Finding]:
        found = lint_text(text, select=[spec.id], style=style_name, path=path)
        return [f for f in found if f.rule == spec.id]

    assert pinned_problems(spec.examples, spec.examples.bad, lint_rule) == []


def pinned_problems(
    examples: Examples, bad: str, lint_rule: Callable[[str], list[Finding]]
) -> list[str]:
    """How the bad example's findings and fixed text differ from what the rule file pins (as
    sqlfluff's YAML test cases pin a rule's fixes)."""
    problems: list[str] = []
    findings = lint_rule(bad)
    if examples.findings is not None:
        got = [(f.line, f.column, f.end_line, f.end_column) for f in findings]
        want = [
            (
                e.line,
                e.column,
                e.end_line if e.end_line is not None else got[i][2] if i < len(got) else None,
                e.end_column if e.end_column is not None else got[i][3] if i < len(got) else None,
            )
            for i, e in enumerate(examples.findings)
        ]
        if got != want:
            problems.append(f"findings at {got}, the rule file says {want}")
    result = fix_text(bad, lint_rule, unsafe=True)  # every tier: the pin shows what fixes can do
    if examples.fixed is not None and result.text != examples.fixed:
        problems.append(f"fixed text {result.text!r}, the rule file says {examples.fixed!r}")
    if examples.fixed is None and result.changed:
        problems.append(f"the bad example is fixed to {result.text!r}: pin it as `fixed`")
    return problems


@pytest.mark.parametrize(("style_name", "spec"), RULES, ids=IDS)
def test_rule_examples_pin_their_findings(style_name: str | None, spec: RuleSpec) -> None:
    if spec.kind == "languagetool":
        pytest.skip("LanguageTool's findings depend on the server's version")
    assert spec.examples.findings, f"{spec.id}: pin the bad example's findings (examples.findings)"


def test_pinned_examples_catch_a_moved_finding_and_a_different_fix() -> None:
    bad = "The transfor mation of the region continued."

    def lint_rule(text: str) -> list[Finding]:
        return lint_text(text, select=["ocr.split-word"])

    right = Examples(
        bad=bad,
        good="x",
        findings=[ExpectedFinding(line=1, column=5)],
        fixed="The transformation of the region continued.",
    )
    assert pinned_problems(right, bad, lint_rule) == []
    moved = right.model_copy(update={"findings": [ExpectedFinding(line=1, column=6)]})
    assert len(pinned_problems(moved, bad, lint_rule)) == 1
    other_fix = right.model_copy(update={"fixed": bad})
    assert len(pinned_problems(other_fix, bad, lint_rule)) == 1
    unpinned_fix = right.model_copy(update={"fixed": None})
    assert len(pinned_problems(unpinned_fix, bad, lint_rule)) == 1


def test_rule_files_are_named_by_id() -> None:
    for path in Path(data.rules_dir()).glob("*.yaml"):
        assert path.stem.count(".") >= 1, path


def test_every_kind_has_a_rule_or_is_documented() -> None:
    used = {spec.kind for _, spec in RULES}
    assert set(kinds.names()) <= used, f"kinds without a rule: {set(kinds.names()) - used}"
