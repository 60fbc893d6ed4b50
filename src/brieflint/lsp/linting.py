"""One open draft: its text, setup and findings, linted as ``check`` lints a file.

The setup is the one ``check`` would use for the file (the nearest configuration, its house
style and vocabulary), from the session. What ``check`` refuses (a binary or undecodable text, a
draft over ``max_draft_mb``, an invalid configuration or front matter) is one problem here, shown
as one diagnostic. A rule that crashes is left out of this run and named, and every other rule's
findings still arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from brieflint import backends, ruleset, session, sources
from brieflint.decode import decode
from brieflint.document import MARKDOWN_SUFFIXES, Document
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.lsp.blocks import split
from brieflint.lsp.incremental import Groups, Relint, assign, window
from brieflint.rulespec import RuleSpec


@dataclass
class Crash:
    rule: str
    error: str


@dataclass
class Result:
    """What one run found: the findings as reported, or the problem that stopped it."""

    findings: list[Finding] = field(default_factory=list)
    problem: BrieflintError | None = None
    crashes: list[Crash] = field(default_factory=list)


@dataclass
class Draft:
    """An open draft and what was found in it."""

    uri: str
    path: str  # the file's path, or a made-up one in the workspace for an unsaved draft
    text: str
    version: int
    markdown: bool
    relint: Relint = field(default_factory=Relint)
    grammar: Groups = field(default_factory=Groups)  # the background rules' last findings
    raw: list[Finding] = field(default_factory=list)  # the last run's findings before ``finish``
    doc: Document | None = None
    result: Result = field(default_factory=Result)
    linted_with: session.Session | None = None  # the session (configuration) of the last run


def is_markdown(path: str, language_id: str | None) -> bool:
    return language_id == "markdown" or PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES


def background(rule: ruleset.ActiveRule, setup: ruleset.Setup) -> bool:
    """Whether ``rule`` waits for a service (LanguageTool, Harper) that is in use: such rules
    run after the others' findings are shown."""
    return not rule.kind.cacheable and backends.in_use(rule.kind.backend, setup.context)


class Runner:
    """Runs rules over a document, keeping what crashed."""

    def __init__(self, setup: ruleset.Setup) -> None:
        self.setup = setup
        self.crashes: list[Crash] = []

    def __call__(self, doc: Document, rule: ruleset.ActiveRule) -> list[Finding]:
        try:
            return session.rule_findings(doc, rule, self.setup)
        except BrieflintError as exc:
            self.crashes.append(Crash(rule.id, str(exc)))
        except Exception as exc:  # a bug in one rule: the others still report
            self.crashes.append(Crash(rule.id, f"{type(exc).__name__}: {exc}"))
        return []


def parse(draft: Draft, setup: ruleset.Setup, text: str) -> Document:
    """The draft as ``check`` reads it, or the input error ``check`` would report."""
    limit = sources.limit_bytes(setup.max_draft_mb)
    if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
        raise sources.too_big(draft.path, limit)
    if "\x00" in text:
        decode(text.encode("utf-8", "surrogatepass"), draft.path)  # raises: binary
    return Document.parse(draft.path, text, markdown=draft.markdown)


def lint_offline(draft: Draft, sess: session.Session, text: str) -> Result:
    """Every rule but the background ones: paragraph-local rules incrementally, whole-document
    rules on the whole draft; the background rules' last findings carried over."""
    try:
        setup = sess.setup_for(draft.path)
        doc = parse(draft, setup, text)
    except BrieflintError as exc:
        draft.doc, draft.raw, draft.relint, draft.grammar = None, [], Relint(), Groups()
        return Result(problem=exc)
    if draft.linted_with is not sess:  # the configuration was read again
        draft.grammar, draft.linted_with = Groups(), sess
    rules = setup.rules_for(draft.path)
    run = Runner(setup)
    checked = [r for r in rules if r.kind.post_pass is None and not background(r, setup)]
    local = [r for r in checked if not r.kind.whole_document]
    raw = draft.relint.local(doc, local, run)
    raw.extend(f for r in checked if r.kind.whole_document for f in run(doc, r))
    blocks = draft.relint.groups.blocks
    kept = window(draft.grammar, blocks, reach=0).kept  # a service answers per paragraph
    draft.grammar = Groups(blocks, [g or [] for g in kept])
    draft.doc, draft.raw = doc, raw
    findings = session.reported(doc, [*raw, *draft.grammar.absolute(doc)], rules, setup)
    return Result(findings, None, run.crashes)


def lint_background(
    draft: Draft, sess: session.Session, doc: Document
) -> tuple[list[Finding], list[Crash]] | None:
    """The background rules' findings in ``doc`` (None: there are none to run)."""
    setup = sess.setup_for(draft.path)
    rules = [
        r for r in setup.rules_for(draft.path) if r.kind.post_pass is None and background(r, setup)
    ]
    if not rules:
        return None
    run = Runner(setup)
    return [f for r in rules for f in run(doc, r)], run.crashes


def with_background(
    draft: Draft, sess: session.Session, doc: Document, found: list[Finding]
) -> Result | None:
    """The draft's findings once the background rules' ``found`` in ``doc`` arrived (None: the
    draft was linted again since, and ``found`` is out of date)."""
    if draft.doc is not doc:
        return None
    setup = sess.setup_for(draft.path)
    blocks = split(doc.text, doc.markdown)
    draft.grammar = Groups(blocks, assign(found, blocks, 0, len(blocks)))
    rules = setup.rules_for(draft.path)
    return Result(session.reported(doc, [*draft.raw, *found], rules, setup))


def spec_of(setup: ruleset.Setup, rule_id: str) -> RuleSpec | None:
    """The rule that reports ``rule_id``: its own, or the rule relaying another tool's ids."""
    spec = setup.catalogue.get(rule_id)
    if spec is not None:
        return spec
    for rule in (*setup.base.values(), *setup.disabled.values()):
        if rule.kind.relays and rule_id.startswith(rule.kind.relays):
            return rule.spec
    return None


def kind_backend(setup: ruleset.Setup, rule_id: str) -> str | None:
    rule = setup.base.get(rule_id) or setup.disabled.get(rule_id)
    return rule.kind.backend if rule is not None else None
