"""``.brieflint/policy.yaml``: who holds which role, what each brief needs, signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from brieflint import yamlpos
from brieflint.discover import matches_any
from brieflint.errors import ConfigError

POLICY_PATH = ".brieflint/policy.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Requirement(_Model):
    """Briefs matching ``paths`` need at least ``approvals[role]`` approvals in each role."""

    paths: list[str] = Field(min_length=1)
    approvals: dict[str, int] = Field(min_length=1)

    @field_validator("approvals")
    @classmethod
    def _positive(cls, value: dict[str, int]) -> dict[str, int]:
        for role, count in value.items():
            if count < 1:
                raise ValueError(f"{role}: at least 1 approval, or leave the role out")
        return value


class Signatures(_Model):
    required: bool = False
    allowed_signers: str = ".brieflint/allowed_signers"


class Policy(_Model):
    version: int = 1
    briefs: list[str] = Field(
        default_factory=lambda: ["*.md", "*.markdown", "*.txt", "*.docx", "*.pdf"]
    )
    roles: dict[str, list[str]] = Field(default_factory=dict)
    override_roles: list[str] = Field(default_factory=list)
    # who may publish; by default the roles a brief's requirements name, and the override roles
    publish_roles: list[str] | None = None
    requirements: list[Requirement] = Field(default_factory=list)
    exclude_authors: bool = True
    signatures: Signatures = Field(default_factory=Signatures)

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != 1:
            raise ValueError("only version 1 is known")
        return value

    @field_validator("roles")
    @classmethod
    def _emails(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for role, emails in value.items():
            for email in emails:
                if "@" not in email or email.strip() != email:
                    raise ValueError(f"{role}: {email!r} is not an email address")
        return {role: [e.lower() for e in emails] for role, emails in value.items()}

    # -- questions ---------------------------------------------------------------------------

    def is_brief(self, rel: str) -> bool:
        return not rel.startswith(".brieflint/") and matches_any(rel, self.briefs)

    def roles_of(self, email: str) -> list[str]:
        return [role for role, emails in self.roles.items() if email.lower() in emails]

    def holds(self, email: str, role: str) -> bool:
        return email.lower() in self.roles.get(role, [])

    def can_override(self, email: str) -> bool:
        return any(self.holds(email, role) for role in self.override_roles)

    def publish_roles_for(self, rel: str) -> set[str]:
        """Roles whose holders may publish ``rel``: ``publish_roles`` when set; else the roles its
        requirements name and the override roles (every role when no requirement matches)."""
        if self.publish_roles is not None:
            return set(self.publish_roles)
        named = set(self.required_for(rel))
        if not named:
            return set(self.roles)
        return named | set(self.override_roles)

    def required_for(self, rel: str) -> dict[str, int]:
        """Approvals needed per role for ``rel``: every matching requirement, highest count."""
        needed: dict[str, int] = {}
        for req in self.requirements:
            if matches_any(rel, req.paths):
                for role, count in req.approvals.items():
                    needed[role] = max(needed.get(role, 0), count)
        return needed


def load_text(text: str, source: str) -> Policy:
    """Parse policy YAML; errors name ``source:line`` and the key."""
    located = yamlpos.load(text, source)
    raw: Any = located.value if located.value is not None else {}
    if not isinstance(raw, dict):
        raise ConfigError("the review policy must be a mapping", path=source, line=1)
    try:
        policy = Policy.model_validate(raw)
    except ValidationError as exc:
        raise yamlpos.pydantic_error(exc, located) from None
    for key, message in _unknown_roles(policy):
        raise ConfigError(
            message, path=source, line=located.line_of(key), key=yamlpos.format_path(key)
        )
    return policy


def _unknown_roles(policy: Policy) -> list[tuple[yamlpos.KeyPath, str]]:
    problems: list[tuple[yamlpos.KeyPath, str]] = []
    for i, role in enumerate(policy.override_roles):
        if role not in policy.roles:
            problems.append((("override_roles", i), f"role {role!r} is not defined under roles"))
    for i, role in enumerate(policy.publish_roles or []):
        if role not in policy.roles:
            problems.append((("publish_roles", i), f"role {role!r} is not defined under roles"))
    for i, req in enumerate(policy.requirements):
        for role in req.approvals:
            if role not in policy.roles:
                key: yamlpos.KeyPath = ("requirements", i, "approvals", role)
                problems.append((key, f"role {role!r} is not defined under roles"))
    return problems


def load_file(root: Path) -> Policy | None:
    """The work tree's policy, or None when there is none."""
    path = root / POLICY_PATH
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the review policy: {exc}", path=str(path)) from None
    return load_text(text, POLICY_PATH)
