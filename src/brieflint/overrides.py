"""How styles and configs change a rule: on/off, severity, options."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from brieflint.rulespec import SeverityName


class RuleOverride(BaseModel):
    """``rule: off``, ``rule: warning``, or ``rule: {enabled, severity, options}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool | None = None
    severity: SeverityName | None = None
    options: dict[str, Any] | None = None

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
