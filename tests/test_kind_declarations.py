"""Kinds declare what they need; the engine, the result cache and the reports go by that.

The result cache stores a draft's findings under its text and a fingerprint of the setup. That
key is complete when every thing a cacheable kind reads besides the document is part of the
fingerprint; whatever else there is (a server's answers) may only be read by kinds that declare
themselves not cacheable. These tests derive both from the code and the declarations.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import typing
from pathlib import Path

import pytest

import brieflint
from brieflint import backends, config, engine, kinds, ruleset
from brieflint.context import Context
from brieflint.findings import Severity
from brieflint.kinds import Backend, Kind
from brieflint.resultcache import rules_fingerprint
from brieflint.vocabulary import Vocabulary
from tests.conftest import lint_text

PACKAGE = Path(brieflint.__file__).parent
# modules that run rules, store findings and describe backends: they go by declarations only
GENERIC = ("engine.py", "resultcache.py", "backends.py", "runner.py", "session.py")
# what a kind may read of its context, and how the fingerprint covers it: a Context field
# compared directly, or what a derived attribute is derived from
DERIVED = {"lexicon": ("language", "vocabulary")}
# read only by kinds that are not cacheable (they relay a server): never in the fingerprint
UNKEYED = {"languagetool", "harper", "cache_dir", "service", "root"}


def _all_kinds() -> list[Kind[typing.Any]]:
    found = [kinds.get(name) for name in kinds.names()]
    return [k for k in found if k is not None]


def _setup() -> ruleset.Setup:
    return ruleset.build(config.default())


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@pytest.mark.parametrize("module", GENERIC)
def test_generic_modules_name_no_kind_or_rule(module: str) -> None:
    backend_names = set(typing.get_args(Backend))  # "spelling" the backend, not the kind
    kind_names = set(kinds.names()) - backend_names
    setup = _setup()
    relayed = {k.relays for k in _all_kinds() if k.relays}
    constants = _string_constants(PACKAGE / module)
    assert not constants & kind_names
    assert not constants & set(setup.catalogue)
    assert not constants & relayed


def _context_reads(path: Path) -> set[str]:
    """Attributes read of a ``ctx`` / ``context`` name in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("ctx", "context")
    }


def _reads_by_cacheable_code() -> dict[str, set[str]]:
    """What cacheable kinds (and the language services they call) read of their context."""
    reads: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / "kinds").glob("[a-z]*.py")):
        kind = kinds.get(path.stem.replace("_", "-"))
        assert kind is not None, path
        if kind.cacheable:
            reads[path.name] = _context_reads(path)
    for folder in ("spelling", "text"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            reads[f"{folder}/{path.name}"] = _context_reads(path)
    return reads


def test_cacheable_kinds_read_only_what_the_fingerprint_covers() -> None:
    fields = {f.name for f in dataclasses.fields(Context)} - {"_services"}
    covered = (fields - UNKEYED) | set(DERIVED)
    for where, attrs in _reads_by_cacheable_code().items():
        assert attrs <= covered, f"{where} reads {sorted(attrs - covered)}"
    # the check finds what it looks for: the spelling kind reads the lexicon
    assert "lexicon" in _reads_by_cacheable_code()["spelling.py"]


def test_what_only_uncacheable_kinds_read_is_read_by_some() -> None:
    uncacheable = [k for k in _all_kinds() if not k.cacheable]
    assert uncacheable, "LanguageTool's kind relays a server"
    reads: set[str] = set()
    for kind in uncacheable:
        module = importlib.import_module(kinds.module_name(kind.name))
        reads |= _context_reads(Path(str(module.__file__)))
    assert {"languagetool", "cache_dir", "service"} <= reads


def _mutations(ctx: Context) -> dict[str, Context]:
    """One context per covered field, differing from ``ctx`` in that field only."""
    return {
        "language": dataclasses.replace(ctx, language="en-US"),
        "vocabulary": dataclasses.replace(
            ctx, vocabulary=Vocabulary(ctx.vocabulary.accept | {"Zqxw"}, ctx.vocabulary.reject)
        ),
        "variables": dataclasses.replace(ctx, variables={**ctx.variables, "org": "Example"}),
    }


def test_every_covered_field_changes_the_fingerprint() -> None:
    setup = _setup()
    rules = list(setup.base.values())
    ctx = setup.context
    before = rules_fingerprint(rules, ctx)
    assert before is not None
    mutated = _mutations(ctx)
    keyed = {f.name for f in dataclasses.fields(Context)} - UNKEYED - {"_services"}
    assert set(mutated) == keyed | {d for ds in DERIVED.values() for d in ds}
    for name, other in mutated.items():
        assert rules_fingerprint(rules, other) != before, name
    vocabulary = Vocabulary(ctx.vocabulary.accept, ctx.vocabulary.reject | {"qzxw"})
    assert rules_fingerprint(rules, dataclasses.replace(ctx, vocabulary=vocabulary)) != before


def test_options_and_severity_change_the_fingerprint() -> None:
    setup = _setup()
    rules = list(setup.base.values())
    before = rules_fingerprint(rules, setup.context)
    first = rules[0]
    other = Severity.ERROR if first.severity != Severity.ERROR else Severity.INFO
    changed = dataclasses.replace(first, severity=other)
    assert rules_fingerprint([changed, *rules[1:]], setup.context) != before
    assert rules_fingerprint(rules[1:], setup.context) != before


@pytest.mark.parametrize("mode", ["off", "optional", "required"])
def test_results_are_stored_unless_an_uncacheable_kind_uses_its_backend(mode: str) -> None:
    setup = _setup()
    ctx = dataclasses.replace(
        setup.context,
        languagetool=config.LanguageToolConfig(mode=mode),  # type: ignore[arg-type]
    )
    house = ruleset.build(config.default(), ruleset.BuildOptions(style="secureblacksea"))
    every = [*setup.base.values(), *setup.disabled.values(), *house.base.values()]
    by_kind: dict[str, ruleset.ActiveRule] = {}
    for rule in every:
        by_kind.setdefault(rule.kind.name, rule)
    assert set(by_kind) == set(kinds.names())  # every kind has a shipped rule
    for name, rule in by_kind.items():
        stored = rules_fingerprint([rule], ctx) is not None
        expected = rule.kind.cacheable or not backends.in_use(rule.kind.backend, ctx)
        assert stored is expected, name
    grammar = [r for r in by_kind.values() if r.kind.backend == "grammar"]
    assert grammar and all(not r.kind.cacheable for r in grammar)
    assert (rules_fingerprint(grammar, ctx) is None) is (mode != "off")


def test_backends_are_described_from_declarations() -> None:
    setup = _setup()
    assert backends.describe(setup)["spelling"].startswith("offline")
    without = ruleset.build(
        config.default(),
        ruleset.BuildOptions(
            ignore=tuple(r.id for r in setup.base.values() if r.kind.backend == "spelling")
        ),
    )
    assert backends.describe(without)["spelling"] == "off"


def test_post_pass_kinds_run_after_the_others_and_see_their_findings() -> None:
    post = [k for k in _all_kinds() if k.post_pass is not None]
    assert [k.name for k in post] == ["unused-suppression"]
    used = "<!-- brieflint-disable-next-line prose.doubled-word -->\nthe the\n"
    unused = "<!-- brieflint-disable-next-line prose.doubled-word -->\nAll fine.\n"
    rules = ["prose.doubled-word", "meta.unused-suppression"]
    assert lint_text(used, select=rules, path="d.md") == []
    assert [f.rule for f in lint_text(unused, select=rules, path="d.md")] == [rules[1]]


def test_the_pass_over_findings_is_one_call() -> None:
    """``engine.after_rules`` is where passes over a document's findings go."""
    tree = ast.parse((PACKAGE / "engine.py").read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "after_rules"
    ]
    assert len(calls) == 1
    assert engine.after_rules.__name__ == "after_rules"
