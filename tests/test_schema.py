"""JSON Schemas for brieflint.yaml and rule files, and option docs, from the pydantic models."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from brieflint import config, data, kinds, ruleset, rulespec, schema
from brieflint.errors import ConfigError
from tests.conftest import run_cli

ROOT = data.data_root()
RULE_FILES = sorted([*ROOT.glob("rules/*.yaml"), *ROOT.glob("style/*/rules/*.yaml")])


def _validator(value: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(value)
    return jsonschema.Draft202012Validator(value)


RULE = _validator(schema.rule_schema())
CONFIG = _validator(schema.config_schema())


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _undescribed(model: type[BaseModel], seen: set[type[BaseModel]]) -> list[str]:
    missing = []
    for name, info in model.model_fields.items():
        if name == "source":
            continue  # RuleSpec's, set by brieflint
        if not info.description:
            missing.append(f"{model.__name__}.{name}")
        for nested in _models_in(info.annotation):
            if nested not in seen:
                seen.add(nested)
                missing += _undescribed(nested, seen)
    return missing


@pytest.mark.parametrize("name", kinds.names())
def test_every_option_has_a_description(name: str) -> None:
    kind = kinds.get(name)
    assert kind is not None
    assert _undescribed(kind.options, set()) == []


def test_every_config_key_has_a_description() -> None:
    assert _undescribed(config.Config, set()) == []


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_shipped_rule_files_match_the_schema(path: Path) -> None:
    errors = [e.message for e in RULE.iter_errors(yaml.safe_load(path.read_text("utf-8")))]
    assert errors == []


def _rule_file(tmp_path: Path, options: dict[str, Any], kind: str = "ocr-split-word") -> Path:
    path = tmp_path / "house.test.yaml"
    value = {
        "id": "house.test",
        "kind": kind,
        "severity": "warning",
        "message": "'{match}'",
        "description": "A test rule.",
        "why": "Because.",
        "examples": {"bad": "a", "good": "b"},
        "options": options,
    }
    path.write_text(yaml.safe_dump(value), encoding="utf-8")
    return path


def _pydantic_accepts_rule(path: Path) -> bool:
    spec, _ = rulespec.load_rule_file(path)
    kind = kinds.get(spec.kind)
    if kind is None:
        return False
    try:
        kind.options.model_validate(spec.options)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("options", "kind", "valid"),
    [
        ({"max_parts": 2}, "ocr-split-word", True),
        ({"fix": False}, "ocr-split-word", False),  # a fix's tier is the kind's, not an option
        ({"max_parts": "two"}, "ocr-split-word", False),
        ({"max_part": 2}, "ocr-split-word", False),  # a misspelt option
        ({"swap": {"teh": "the"}}, "substitution", True),
        ({"swap": {"teh": 3}}, "substitution", False),  # a replacement is text
        ({"min_count": 0}, "name-variant", False),  # below its minimum
    ],
)
def test_rule_schema_and_brieflint_agree(
    tmp_path: Path, options: dict[str, Any], kind: str, valid: bool
) -> None:
    path = _rule_file(tmp_path, options, kind)
    assert RULE.is_valid(yaml.safe_load(path.read_text("utf-8"))) is valid
    assert _pydantic_accepts_rule(path) is valid


def test_rule_schema_knows_the_kinds(tmp_path: Path) -> None:
    path = _rule_file(tmp_path, {}, "no-such-kind")
    assert not RULE.is_valid(yaml.safe_load(path.read_text("utf-8")))


def _readme_config() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    found = re.search(r"## Configuration\n.*?```yaml\n(.*?)```", text, re.S)
    assert found is not None
    return found.group(1)


def _brieflint_accepts_config(tmp_path: Path, text: str) -> bool:
    path = tmp_path / "brieflint.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "vocab").mkdir(exist_ok=True)
    (tmp_path / "vocab" / "names.txt").write_text("Kasymov\n", encoding="utf-8")
    try:
        setup = ruleset.build(config.load(path))
        setup.rules_for(str(tmp_path / "a" / "draft.md"))  # overrides apply to matching files
    except ConfigError:
        return False
    return True


CONFIGS = [
    ("fail_on: warning\nrules: {ocr.split-word: {options: {max_parts: 2}}}\n", True),
    ("fail_on: sometimes\n", False),
    ("rules: {ocr.split-word: {options: {max_parts: two}}}\n", False),
    ("rules: {ocr.split-word: {options: {max_part: 2}}}\n", False),
    ("rules: {prose: warning, ocr.homoglyph: off}\n", True),
    (
        "overrides:\n  - files: ['a/*']\n"
        "    rules: {ocr.spacing: {options: {double_after_sentence: 3}}}\n",
        False,
    ),
    ("languagetool: {mode: optional, timeout: 0}\n", False),
    ("stlye: brief\n", False),
]


@pytest.mark.parametrize(("text", "valid"), CONFIGS)
def test_config_schema_and_brieflint_agree(tmp_path: Path, text: str, valid: bool) -> None:
    assert CONFIG.is_valid(yaml.safe_load(text)) is valid
    assert _brieflint_accepts_config(tmp_path, text) is valid


def test_the_readme_config_matches_the_schema(tmp_path: Path) -> None:
    text = _readme_config()
    assert [e.message for e in CONFIG.iter_errors(yaml.safe_load(text))] == []
    assert _brieflint_accepts_config(tmp_path, text)


def test_published_schemas_are_the_generated_ones() -> None:
    published = json.loads((ROOT / "docs" / "schema" / "brieflint.schema.json").read_text("utf-8"))
    assert published == schema.config_schema()


def test_rules_show_lists_options_with_type_default_and_description(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(["rules", "show", "ocr.split-word"], capsys)
    assert code == 0
    assert "| `max_parts` | integer | 3 | Most pieces a split word is rejoined from. |" in out
    assert "Placeholders: `{match}` (the text found), `{joined}`." in out


def test_rules_show_gives_the_values_of_the_setup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("rules: {ocr.split-word: {options: {max_parts: 2}}}\n", encoding="utf-8")
    code, out, _ = run_cli(["rules", "show", "ocr.split-word", "--config", str(cfg)], capsys)
    assert code == 0
    assert "| option | type | value | description |" in out
    assert "| `max_parts` | integer | 2 |" in out
