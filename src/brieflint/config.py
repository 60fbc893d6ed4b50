"""User configuration: ``brieflint.yaml``, ``.brieflint.yaml`` or ``[tool.brieflint]``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brieflint import yamlpos
from brieflint.errors import ConfigError
from brieflint.overrides import RuleOverride

CONFIG_NAMES = ("brieflint.yaml", ".brieflint.yaml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageToolConfig(_Model):
    mode: Literal["off", "optional", "required"] = "off"
    url: str | None = None
    timeout: float = Field(default=30.0, gt=0)
    disabled_rules: list[str] = Field(default_factory=list)
    disabled_categories: list[str] = Field(default_factory=list)


class Override(_Model):
    """Per-glob changes: ``files`` globs, rule overrides and ignores."""

    files: list[str]
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)


class Config(_Model):
    style: str = "brief"
    language: str | None = None
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=list)
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    overrides: list[Override] = Field(default_factory=list)
    vocab: list[str] = Field(default_factory=list)
    variables: dict[str, str] = Field(default_factory=dict)
    languagetool: LanguageToolConfig = Field(default_factory=LanguageToolConfig)
    cache_dir: str = ".brieflint-cache"


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    path: Path | None
    located: yamlpos.Located | None

    @property
    def root(self) -> Path:
        """Folder that relative paths in the config are resolved against."""
        return self.path.parent if self.path is not None else Path.cwd()

    def line_of(self, *keys: str | int) -> int | None:
        return self.located.line_of(tuple(keys)) if self.located else None

    @property
    def source(self) -> str:
        return str(self.path) if self.path else "<defaults>"


def default() -> LoadedConfig:
    return LoadedConfig(Config(), None, None)


def load(path: Path) -> LoadedConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path=str(path)) from None
    if path.name == "pyproject.toml":
        return _load_pyproject(path, text)
    located = yamlpos.load(text, str(path))
    raw: Any = located.value if located.value is not None else {}
    if not isinstance(raw, dict):
        raise ConfigError("the config must be a mapping", path=str(path), line=1)
    try:
        return LoadedConfig(Config.model_validate(raw), path, located)
    except ValidationError as exc:
        raise yamlpos.pydantic_error(exc, located) from None


def _load_pyproject(path: Path, text: str) -> LoadedConfig:
    import tomllib  # 17 ms: only for pyproject.toml

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    section = raw.get("tool", {}).get("brieflint", {})
    located = yamlpos.Located(value=section, source=str(path))
    try:
        return LoadedConfig(Config.model_validate(section), path, located)
    except ValidationError as exc:
        err = yamlpos.pydantic_error(exc, located, prefix=("tool", "brieflint"))
        raise err from None


def discover(start: Path, stop: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start`` (a folder), not above folder ``stop``."""
    folder = start if start.is_dir() else start.parent
    folders = (folder, *folder.parents)
    if stop is not None and stop in folders:
        folders = folders[: folders.index(stop) + 1]
    for directory in folders:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_section(candidate):
                    continue
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.brieflint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
