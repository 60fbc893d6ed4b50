"""User configuration: ``brieflint.yaml``, ``.brieflint.yaml`` or ``[tool.brieflint]``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from brieflint import yamlpos
from brieflint.errors import ConfigError
from brieflint.overrides import RuleOverride
from brieflint.sources import DEFAULT_MAX_DRAFT_MB, MAX_DRAFT_MB_CEILING

CONFIG_NAMES = ("brieflint.yaml", ".brieflint.yaml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.docx", "*.pdf")
DEFAULT_MAX_ANSWER_MB = 10.0  # the longest answer taken from LanguageTool


# English as written in these countries: the spelling rules' word list is English, and
# spelling.variety knows which spellings each variety uses.
LANGUAGES = ("en-GB", "en-US", "en-AU", "en-CA", "en-IE", "en-NZ", "en-ZA")


def _language(value: str) -> str:
    for known in LANGUAGES:
        if value.lower() == known.lower():
            return known
    raise ValueError(f"unsupported language {value!r} (one of: {', '.join(LANGUAGES)})")


Language = Annotated[str, AfterValidator(_language)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageToolConfig(_Model):
    """Grammar checking by a LanguageTool server."""

    mode: Literal["off", "optional", "required"] = Field(
        default="off",
        description="off: no grammar; optional: warn once per file when the server cannot be "
        "reached; required: an unreachable server is an error (--languagetool overrides it).",
    )
    url: str | None = Field(
        default=None,
        description="The server, e.g. http://127.0.0.1:8081 (or BRIEFLINT_LANGUAGETOOL_URL); "
        '"local": language-tool-python\'s own download.',
    )
    timeout: float = Field(default=30.0, gt=0, description="Seconds to wait for a whole request.")
    max_answer_mb: float = Field(
        default=DEFAULT_MAX_ANSWER_MB,
        gt=0,
        le=1000,
        description="Largest answer read from the server, in MB of 1,000,000 bytes.",
    )
    disabled_rules: list[str] = Field(
        default_factory=list, description="LanguageTool rule ids never reported (EN_QUOTES)."
    )
    disabled_categories: list[str] = Field(
        default_factory=list, description="LanguageTool categories never reported (TYPOGRAPHY)."
    )


# what --grammar chooses: one grammar backend on (the other off), or none
GRAMMAR_CHOICES = ("harper", "languagetool", "off")


class HarperConfig(_Model):
    """Grammar through Harper (harper-py, the ``harper`` extra): offline, no Java, no server."""

    mode: Literal["off", "optional", "required"] = Field(
        default="off",
        description="off: no Harper; optional: warn once per file when harper-py is missing or "
        "fails; required: that is an error (--grammar harper turns it on).",
    )
    dialect: Literal["american", "british", "australian", "canadian", "indian"] | None = Field(
        default=None, description="Harper's English dialect; default: from `language`."
    )
    disabled_rules: list[str] = Field(
        default_factory=list,
        description="Harper rule names never reported, besides brieflint's curated list (AnA).",
    )
    enabled_rules: list[str] = Field(
        default_factory=list,
        description="Harper rule names turned back on (OxfordComma).",
    )


class Override(_Model):
    """Per-glob changes: ``files`` globs, rule overrides and ignores."""

    files: list[str] = Field(description="Globs of the drafts this override applies to.")
    rules: dict[str, RuleOverride] = Field(
        default_factory=dict, description="Rule changes (by id or id prefix) for those drafts."
    )
    ignore: list[str] = Field(
        default_factory=list, description="Rules (id prefixes) that do not run on those drafts."
    )


class Config(_Model):
    """``brieflint.yaml``, ``.brieflint.yaml`` or ``[tool.brieflint]`` in ``pyproject.toml``."""

    style: str = Field(
        default="brief", description="House style: a built-in name or a path to a style folder."
    )
    language: Language | None = Field(
        default=None,
        description=f"English variety: {', '.join(LANGUAGES)} (any case); default: the style's.",
    )
    include: list[str] = Field(
        default_factory=lambda: list(DEFAULT_INCLUDE),
        description="Globs of the drafts linted in folders given on the command line.",
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files left out.")
    fail_on: Literal["error", "warning", "info", "never"] = Field(
        default="error", description="Lowest severity that fails a run (--fail-on overrides it)."
    )
    select: list[str] = Field(
        default_factory=list, description="When set, only these rules (id prefixes) run."
    )
    ignore: list[str] = Field(
        default_factory=list, description="Rules (id prefixes) that do not run."
    )
    rules: dict[str, RuleOverride] = Field(
        default_factory=dict,
        description="Rule changes on top of the style, by rule id or id prefix: a severity, "
        "on/off, or {enabled, severity, options}.",
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Glob → rules (id prefixes) not run on those files."
    )
    overrides: list[Override] = Field(
        default_factory=list, description="Rule changes for drafts matching globs."
    )
    vocab: list[str] = Field(
        default_factory=list,
        description="Word-list files (one word a line) of accepted words, relative to this file.",
    )
    variables: dict[str, str] = Field(
        default_factory=dict, description="Values for {placeholders} in rules' required text."
    )
    languagetool: LanguageToolConfig = Field(
        default_factory=LanguageToolConfig, description="Grammar checking by LanguageTool."
    )
    harper: HarperConfig = Field(
        default_factory=HarperConfig,
        description="Grammar checking by Harper, offline (the harper extra; --grammar harper).",
    )
    cache_dir: str = Field(
        default=".brieflint-cache",
        description="Where findings are cached, relative to this file (--no-cache: off).",
    )
    max_draft_mb: float = Field(
        default=DEFAULT_MAX_DRAFT_MB,
        gt=0,
        le=MAX_DRAFT_MB_CEILING,
        description="Drafts larger than this (in MB of 1,000,000 bytes) are refused, unread.",
    )


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


def require_file(path: Path) -> None:
    """A config named on the command line must be a file: say plainly what it is instead."""
    if path.is_file():
        return
    if path.is_dir():
        raise ConfigError("is a folder, not a config file (brieflint.yaml)", path=str(path))
    what = "broken symbolic link" if path.is_symlink() else "config file not found"
    raise ConfigError(what if not path.exists() else "not a regular file", path=str(path))


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
        raise yamlpos.pydantic_error(exc, located, model=Config) from None


def _load_pyproject(path: Path, text: str) -> LoadedConfig:
    import tomllib  # 17 ms: only for pyproject.toml

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    section = raw.get("tool", {}).get("brieflint", {})
    located = yamlpos.Located(value=section, source=str(path), marks=_toml_marks(text))
    try:
        return LoadedConfig(Config.model_validate(section), path, located)
    except ValidationError as exc:
        err = yamlpos.pydantic_error(exc, located, prefix=("tool", "brieflint"), model=Config)
        raise err from None


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*="""
)
_TOML_KEY_PART = re.compile(r"""\s*("[^"]*"|'[^']*'|[\w-]+)\s*(?:\.|$)""")


def _toml_marks(text: str) -> dict[yamlpos.KeyPath, tuple[int, int]]:
    """Lines of the keys under ``[tool.brieflint]``, so that errors in pyproject.toml name
    their line (``tomllib`` keeps no positions). Keys are recorded both from the section
    (``("rules", …)``, as the rule resolver names them) and from the file's top
    (``("tool", "brieflint", …)``, as validation errors do). Keys inside inline tables and
    arrays are not located; an error there names the line of the key that holds them."""
    marks: dict[yamlpos.KeyPath, tuple[int, int]] = {}
    table: tuple[str | int, ...] = ()
    arrays: dict[tuple[str | int, ...], int] = {}
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        if quotes % 2 == 1:
            in_string = True
        header = _TOML_HEADER.match(line)
        key = _TOML_KEY.match(line) if header is None else None
        if header is not None:
            table = _toml_key(header.group(2))
            if header.group(1) == "[[":
                arrays[table] = arrays.get(table, -1) + 1
                table = (*table, arrays[table])
            path = table
        elif key is not None:
            path = (*table, *_toml_key(key.group(1)))
        else:
            continue
        if path[:2] == ("tool", "brieflint"):
            column = len(line) - len(line.lstrip()) + 1
            marks.setdefault(path, (number, column))
            if len(path) > 2:
                marks.setdefault(path[2:], (number, column))
    return marks


def _toml_key(dotted: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip("\"'") for m in _TOML_KEY_PART.finditer(dotted))


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
