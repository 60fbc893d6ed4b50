"""How styles and configs change a rule: on/off, severity, options."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from brieflint.rulespec import SeverityName


class RuleOverride(BaseModel):
    """``rule: off``, ``rule: warning``, or ``rule: {enabled, severity, options}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool | None = Field(default=None, description="Whether the rule runs.")
    severity: SeverityName | None = Field(default=None, description="The findings' severity.")
    options: dict[str, Any] | None = Field(
        None, description="Options of the rule's kind, merged over the rule's own."
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return {"enabled": value}
        if value in ("on", "off"):
            return {"enabled": value == "on"}
        if isinstance(value, str):
            return {"severity": value, "enabled": True}
        return value
