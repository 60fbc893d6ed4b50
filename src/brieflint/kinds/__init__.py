"""Rule kinds: one module per kind, each exposing ``KIND``.

A kind is found by name: kind ``required-text`` lives in ``brieflint/kinds/required_text.py``.
Adding a kind is adding a module; the engine never changes. Kinds never know a rule's id or
severity (the engine adds them to what ``check`` yields), and never print.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from brieflint.findings import Applicability, Edit, Severity

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.document import Document
    from brieflint.findings import Finding
    from brieflint.suppress import Suppression


class Options(BaseModel):
    """Base for every kind's options: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


O = TypeVar("O", bound=Options)  # noqa: E741


@dataclass(frozen=True, slots=True)
class Hit:
    """What a kind reports: a span, message parameters, suggestions and an optional safe fix."""

    start: int
    end: int
    params: Mapping[str, object] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    fix: tuple[Edit, ...] | None = None
    # which of the kind's declared fixes (``Kind.fixes``) this is; "" for the first
    fix_as: str = ""
    # Rarely needed overrides, for kinds that relay another tool's verdicts (LanguageTool):
    rule: str | None = (
        None  # a finding id other than the rule's own, e.g. "lt.MORFOLOGIK_RULE_EN_GB"
    )
    severity: Severity | None = None  # a severity other than the rule's
    message: str | None = None  # a message used as is, instead of the rule's template


@dataclass(frozen=True, slots=True)
class Mark:
    """What a post-pass reports at a place given by line and columns (a suppression comment)
    rather than by offsets: message parameters, or a message used as is."""

    line: int
    column: int
    end_column: int
    params: Mapping[str, object] = field(default_factory=dict)
    message: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What a post-pass sees besides the document: what the other rules found."""

    findings: Sequence[Finding]  # the other rules' findings, suppression comments applied
    suppressions: Sequence[Suppression]  # the document's suppression comments, marked when used
    rules: Sequence[str]  # the ids of the rules that ran
    names_a_rule: Callable[[str], bool]  # whether a rule-id prefix names a rule of the setup


CheckFn = Callable[["Document", O, "Context"], Iterable[Hit]]
PostPassFn = Callable[["Document", O, "Context", Outcome], Iterable[Mark]]
# A language service a kind relays or relies on, as the reports name it: "spelling" (the offline
# lexicon: wordfreq and the house vocabulary), "grammar" (a LanguageTool server), "harper" (the
# harper-py extra) or "word-pairs" (the English word-pair counts of text/ngrams.py).
Backend = Literal["spelling", "grammar", "harper", "word-pairs"]


@dataclass(frozen=True, slots=True)
class FixDeclaration:
    """One sort of fix a kind makes, and how far it can be trusted unseen.

    This declaration is the only place a fix's tier is decided: the engine stamps it on every
    fix the kind makes, and ``brieflint rules``, ``rules show``, the generated docs and
    ``brieflint fix`` (safe only, unless ``--unsafe-fixes``) all read it from here.
    """

    name: str  # what is fixed, as the docs say it ("a ligature"); a hit names it in ``fix_as``
    applicability: Applicability
    why: str  # why this tier: what makes the fix certain, or what can make it wrong


def safe(name: str, why: str) -> FixDeclaration:
    return FixDeclaration(name, Applicability.SAFE, why)


def unsafe(name: str, why: str) -> FixDeclaration:
    return FixDeclaration(name, Applicability.UNSAFE, why)


@dataclass(frozen=True)
class Kind(Generic[O]):
    """A kind of check, and what it needs: the engine, the result cache and the reports go by
    these declarations and never by a kind's name."""

    name: str
    options: type[O]
    check: CheckFn[O]
    description: str
    # The fixes the kind makes (none: it only reports). The first is what a hit's fix is when
    # the hit names none.
    fixes: tuple[FixDeclaration, ...] = ()
    # the language service the kind's findings come from, shown in reports (None: its own code)
    backend: Backend | None = None
    # a finding may depend on text anywhere in the draft (counts, first uses, front matter), not
    # just on the words around it
    whole_document: bool = False
    # False: findings depend on more than the text and the setup (a server's answers), so a run
    # in which this kind's backend is in use is never stored in the result cache
    cacheable: bool = True
    # runs after every other rule (and after suppression comments) over their findings, instead
    # of ``check``
    post_pass: PostPassFn[O] | None = None
    # the prefix of finding ids the kind reports besides its rule's own (a relayed tool's ids)
    relays: str | None = None

    @property
    def fixable(self) -> bool:
        return bool(self.fixes)

    @property
    def applicabilities(self) -> tuple[Applicability, ...]:
        """The tiers of the kind's fixes, safe first, each once."""
        found = {d.applicability for d in self.fixes}
        return tuple(a for a in Applicability if a in found)

    def fix_declaration(self, name: str) -> FixDeclaration:
        """The declared fix a hit's ``fix_as`` names ("" for the first)."""
        for declared in self.fixes:
            if not name or declared.name == name:
                return declared
        raise LookupError(f"kind {self.name} made a fix it does not declare: {name!r}")


def module_name(kind: str) -> str:
    return f"{__name__}.{kind.replace('-', '_')}"


def get(kind: str) -> Kind[Any] | None:
    """The kind called ``kind``, or None when there is no such kind."""
    if not kind.replace("-", "_").isidentifier():
        return None
    try:
        module = importlib.import_module(module_name(kind))
    except ModuleNotFoundError as exc:
        if exc.name == module_name(kind):
            return None
        raise
    found = getattr(module, "KIND", None)
    return found if isinstance(found, Kind) else None


def names() -> list[str]:
    """Every kind shipped with brieflint."""
    return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__))
