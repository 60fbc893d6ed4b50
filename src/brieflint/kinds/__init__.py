"""Rule kinds: one module per kind, each exposing ``KIND``.

A kind is found by name: kind ``required-text`` lives in ``brieflint/kinds/required_text.py``.
Adding a kind is adding a module; the engine never changes. Kinds never know a rule's id or
severity (the engine adds them to what ``check`` yields), and never print.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from brieflint.findings import Applicability, Edit, Severity

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.document import Document


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


CheckFn = Callable[["Document", O, "Context"], Iterable[Hit]]


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
    name: str
    options: type[O]
    check: CheckFn[O]
    description: str
    # The fixes the kind makes (none: it only reports). The first is what a hit's fix is when
    # the hit names none.
    fixes: tuple[FixDeclaration, ...] = ()

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
