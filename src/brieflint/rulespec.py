"""Rule definitions: ``rules/<id>.yaml`` files, validated with pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brieflint import yamlpos
from brieflint.errors import ConfigError

RULE_ID = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$"
SeverityName = Literal["error", "warning", "info"]


class ExpectedFinding(BaseModel):
    """Where a finding of the bad example starts and ends (1-based; ``end_column`` exclusive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int = Field(ge=1, description="Line of the finding's first character.")
    column: int = Field(ge=1, description="Column of the finding's first character.")
    end_line: int | None = Field(default=None, ge=1, description="Line where it ends.")
    end_column: int | None = Field(
        default=None, ge=1, description="Column after its last character."
    )


class Examples(BaseModel):
    """The rule's examples: shown in its docs, and run by the test suite."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bad: str = Field(description="Text the rule reports.")
    good: str = Field(description="Text the rule leaves alone.")
    format: Literal["text", "markdown"] = Field(
        default="text", description="Whether the examples are read as plain text or Markdown."
    )
    findings: list[ExpectedFinding] | None = Field(
        default=None,
        description="The rule's findings in the bad example, in order (unset: not pinned).",
    )
    fixed: str | None = Field(
        default=None,
        description="The bad example after `brieflint fix --unsafe-fixes` with this rule alone "
        "(every tier of fix; each rule's docs say which of its fixes are safe).",
    )


class RuleSpec(BaseModel):
    """One rule: a kind plus its options, with the docs a user sees."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID, description="The rule's id: group.name, as the file name.")
    kind: str = Field(description="The kind of check (a module of brieflint/kinds).")
    severity: SeverityName = Field(description="The findings' severity.")
    message: str = Field(description="The finding's message; {placeholders} are filled per find.")
    description: str = Field(max_length=120, description="One line: what the rule finds.")
    why: str = Field(description="Why it matters, for the docs.")
    examples: Examples = Field(description="A bad and a good example.")
    enabled: bool = Field(default=True, description="Whether the rule runs unless turned off.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Options of the kind (see the kind's options)."
    )
    source: str = Field(default="", exclude=True)


def load_rule_file(path: Path) -> tuple[RuleSpec, yamlpos.Located]:
    located = yamlpos.load(_read(path), str(path))
    if not isinstance(located.value, dict):
        raise ConfigError("a rule file must be a mapping", path=str(path), line=1)
    try:
        spec = RuleSpec.model_validate({**located.value, "source": str(path)})
    except ValidationError as exc:
        raise yamlpos.pydantic_error(exc, located, model=RuleSpec) from None
    if path.stem != spec.id:
        raise ConfigError(
            f"rule id {spec.id!r} does not match the file name {path.name!r}",
            path=str(path),
            line=located.line_of(("id",)),
            key="id",
        )
    return spec, located


def load_rule_dir(directory: Path) -> dict[str, tuple[RuleSpec, yamlpos.Located]]:
    found: dict[str, tuple[RuleSpec, yamlpos.Located]] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.yaml")):
        spec, located = load_rule_file(path)
        found[spec.id] = (spec, located)
    return found


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path=str(path)) from None
