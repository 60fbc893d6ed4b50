"""House styles: ``style/<name>/style.yaml`` with ``extends:``, vocabularies and house rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brieflint import data, rulespec, yamlpos
from brieflint.config import Language
from brieflint.errors import ConfigError
from brieflint.overrides import RuleOverride


class StyleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = None
    description: str = ""
    extends: str | None = None
    language: Language | None = None
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    variables: dict[str, str] = Field(default_factory=dict)


@dataclass
class StyleLayer:
    """One style of an ``extends`` chain, as read from disk."""

    name: str
    directory: Path
    spec: StyleFile
    located: yamlpos.Located
    rules: dict[str, tuple[rulespec.RuleSpec, yamlpos.Located]] = field(default_factory=dict)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)


def resolve_style_dir(ref: str, base: Path | None) -> Path:
    """A built-in style name (``brief``) or a path (relative to ``base``) to a style folder."""
    if "/" not in ref and "\\" not in ref and not ref.startswith("."):
        builtin = data.styles_dir() / ref
        if builtin.is_dir():
            return builtin
        if base is not None and (base / ref / "style.yaml").is_file():
            return (base / ref).resolve()
        known = ", ".join(builtin_styles()) or "none"
        raise ConfigError(f"unknown style {ref!r} (built-in styles: {known})")
    path = Path(ref).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    if path.is_file() and path.name == "style.yaml":
        path = path.parent
    if not (path / "style.yaml").is_file():
        raise ConfigError(f"no style.yaml in style folder {path}")
    return path.resolve()


def builtin_styles() -> list[str]:
    root = data.styles_dir()
    return sorted(p.name for p in root.iterdir() if (p / "style.yaml").is_file())


def load_chain(ref: str, base: Path | None) -> list[StyleLayer]:
    """The style and every style it extends, base first. Cycles are errors."""
    chain: list[StyleLayer] = []
    seen: list[Path] = []
    current: str | None = ref
    current_base = base
    while current is not None:
        directory = resolve_style_dir(current, current_base)
        if directory in seen:
            names = " → ".join(p.name for p in [*seen, directory])
            raise ConfigError(f"style extends itself: {names}", path=str(directory / "style.yaml"))
        seen.append(directory)
        layer = load_layer(directory)
        chain.append(layer)
        current = layer.spec.extends
        # a path is relative to the style's own folder; a name may be a sibling style
        is_path = current is not None and ("/" in current or current.startswith("."))
        current_base = directory if is_path else directory.parent
    chain.reverse()
    return chain


def load_layer(directory: Path) -> StyleLayer:
    path = directory / "style.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read style: {exc}", path=str(path)) from None
    located = yamlpos.load(text, str(path))
    raw: Any = located.value if located.value is not None else {}
    if not isinstance(raw, dict):
        raise ConfigError("a style file must be a mapping", path=str(path), line=1)
    try:
        spec = StyleFile.model_validate(raw)
    except ValidationError as exc:
        raise yamlpos.pydantic_error(exc, located, model=StyleFile) from None
    return StyleLayer(
        name=spec.name or directory.name,
        directory=directory,
        spec=spec,
        located=located,
        rules=rulespec.load_rule_dir(directory / "rules"),
        accept=read_word_list(directory / "vocab" / "accept.txt"),
        reject=read_word_list(directory / "vocab" / "reject.txt"),
    )


def read_word_list(path: Path) -> list[str]:
    """One word or phrase a line; ``#`` starts a comment."""
    if not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list: {exc}", path=str(path)) from None
    words = []
    for line in lines:
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words
