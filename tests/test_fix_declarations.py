"""Meta-tests: a fix's tier is declared once, by its kind, and everything reads that declaration.

Each rule's fix, applied to its own bad example, is of a declared tier and turns the example into
its good example (or into text where the rule finds nothing more to fix); ``brieflint rules``,
``rules show`` and the generated docs say what the declaration says; no kind keeps a ``fix``
option beside it.
"""

from __future__ import annotations

import json

import pytest

from brieflint import config as config_mod
from brieflint import engine, kinds, ruleset
from brieflint.docs import render
from brieflint.document import Document
from brieflint.findings import Applicability, Finding
from brieflint.fixer import fix_text
from brieflint.ruledoc import fix_summary, render_doc
from brieflint.rulespec import RuleSpec
from tests.conftest import run_cli
from tests.test_rule_catalogue import IDS, RULES


def _setup(spec: RuleSpec, style_name: str | None) -> ruleset.Setup:
    options = ruleset.BuildOptions(style=style_name, select=(spec.id,))
    return ruleset.build(config_mod.default(), options)


def _fix_example(spec: RuleSpec, style_name: str | None) -> tuple[str, list[Finding], str]:
    """The bad example, the rule's findings on it, and the example fixed with every tier."""
    path = "example.md" if spec.examples.format == "markdown" else "example.txt"
    setup = _setup(spec, style_name)
    rules = setup.rules_for(path)

    def lint(text: str) -> list[Finding]:
        return engine.lint_document(Document.parse(path, text), rules, setup)

    bad = spec.examples.bad
    return bad, lint(bad), fix_text(bad, lint, unsafe=True).text


def _rule_findings(spec: RuleSpec, style_name: str | None, text: str) -> list[Finding]:
    path = "example.md" if spec.examples.format == "markdown" else "example.txt"
    setup = _setup(spec, style_name)
    found = engine.lint_document(Document.parse(path, text), setup.rules_for(path), setup)
    return [f for f in found if f.rule == spec.id]


@pytest.mark.parametrize(("style_name", "spec"), RULES, ids=IDS)
def test_fix_of_the_bad_example_is_declared_and_gives_the_good_one(
    style_name: str | None, spec: RuleSpec
) -> None:
    kind = kinds.get(spec.kind)
    assert kind is not None
    if spec.kind == "languagetool":
        pytest.skip("LanguageTool's findings carry no fixes")
    bad, findings, fixed = _fix_example(spec, style_name)
    declared = {(d.name, d.applicability) for d in kind.fixes}
    offered = [f.fix for f in findings if f.fix is not None]
    for fix in offered:
        assert (fix.description, fix.applicability) in declared, (spec.id, fix)
    if not kind.fixable:
        assert not offered, f"{spec.id}: kind {spec.kind} declares no fix but makes one"
        return
    assert offered, f"{spec.id}: declared fixable, but its bad example gets no fix"
    good = spec.examples.good
    assert fixed != bad
    # the good example, or text where the rule finds nothing it could fix
    left = _rule_findings(spec, style_name, fixed)
    assert fixed == good or not [f for f in left if f.fix is not None], (spec.id, fixed)
    assert len(left) < len([f for f in findings if f.rule == spec.id])


@pytest.mark.parametrize("name", kinds.names())
def test_no_kind_keeps_a_fix_option_beside_its_declaration(name: str) -> None:
    kind = kinds.get(name)
    assert kind is not None
    assert "fix" not in kind.options.model_fields, f"{name}: the fix tier lives in Kind.fixes"
    names = [d.name for d in kind.fixes]
    assert len(names) == len(set(names)), f"{name}: two fixes declared with one name"
    for declared in kind.fixes:
        assert declared.why.strip() and declared.name.strip()


def test_rules_listing_and_docs_show_each_rules_declared_tier(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(["rules", "--json"], capsys)
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    setup = ruleset.build(config_mod.default())
    docs = render()
    for rid, spec in setup.catalogue.items():
        kind = kinds.get(spec.kind)
        assert kind is not None
        tiers = [a.value for a in kind.applicabilities]
        assert rows[rid]["fix"] == tiers and rows[rid]["fixable"] == bool(tiers)
        section = render_doc(spec)
        assert f"- fix: {fix_summary(kind)}" in section
        for declared in kind.fixes:
            tier = declared.applicability.value
            assert f"- {tier}: {declared.name}." in section
            assert f" | {declared.name} | {tier} | " in docs  # the table of fixes
    code, out, _ = run_cli(["rules"], capsys)
    lines = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert "safe/unsafe" in lines["ocr.hyphenation"]
    assert " unsafe " in lines["ocr.split-word"] and " - " in lines["spelling.unknown-word"]


def test_tiers_of_the_fixes_the_issue_names() -> None:
    # safe: certain whatever the context; unsafe: probably right, a person looks
    def tiers(kind: str) -> set[Applicability]:
        found = kinds.get(kind)
        assert found is not None
        return set(found.applicabilities)

    assert tiers("ocr-compat-form") >= {Applicability.SAFE}
    assert tiers("ocr-invisible-char") >= {Applicability.SAFE}
    assert tiers("name-variant") == {Applicability.UNSAFE}
    assert tiers("consistency") == {Applicability.UNSAFE}
    assert tiers("ocr-split-word") == {Applicability.UNSAFE}
    assert tiers("ocr-broken-paragraph") == {Applicability.UNSAFE}
