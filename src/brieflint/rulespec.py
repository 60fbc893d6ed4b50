"""Rule definitions: ``rules/<id>.yaml`` files, validated with pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brieflint import yamlpos
from brieflint.errors import ConfigError

RULE_ID = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$"
SeverityName = Literal["error", "warning", "info"]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bad: str
    good: str
    format: Literal["text", "markdown"] = "text"


class RuleSpec(BaseModel):
    """One rule: a kind plus its options, with the docs a user sees."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID)
    kind: str
    severity: SeverityName
    message: str
    description: str = Field(max_length=120)
    why: str
    examples: Examples
    enabled: bool = True
    options: dict[str, Any] = Field(default_factory=dict)
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
