"""YAML with positions: dates stay text, bad values are errors with lines."""

from __future__ import annotations

import pytest

from brieflint import yamlpos
from brieflint.errors import ConfigError


def test_dates_stay_text_even_when_impossible() -> None:
    loaded = yamlpos.load("a: 2025-02-31\nb: 2025-02-01\n", "f.yaml")
    assert loaded.value == {"a": "2025-02-31", "b": "2025-02-01"}


def test_marks_of_nested_keys() -> None:
    loaded = yamlpos.load("a:\n  b:\n    - x\n    - y\n", "f.yaml")
    assert loaded.line_of(("a", "b", 1)) == 4
    assert loaded.line_of(("a", "zzz")) == 1


def test_merge_keys_refused() -> None:
    with pytest.raises(ConfigError, match="merge keys"):
        yamlpos.load("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yaml")


SCALARS = """\
plain: words and more words
quoted: '007'
double: "tab\\there"
tagged: !!str 12
number: 12
real: 1.5
flag: yes
nothing: ~
folded: >
  two
  lines
literal: |
  kept
  as is
"""


def test_scalars_are_what_yaml_safe_load_makes() -> None:
    import yaml

    assert yamlpos.load(SCALARS, "f.yaml").value == yaml.safe_load(SCALARS)


def test_aliases_still_work() -> None:
    loaded = yamlpos.load("base: &b [x, y]\nother: *b\n", "f.yaml")
    assert loaded.value == {"base": ["x", "y"], "other": ["x", "y"]}


def test_an_alias_inside_its_own_value_is_an_error() -> None:
    with pytest.raises(ConfigError, match="alias") as caught:
        yamlpos.load("title: &a [*a]\n", "f.md", line_offset=1)
    assert (caught.value.path, caught.value.line) == ("f.md", 2)


def test_aliases_that_expand_to_billions_are_an_error_not_a_hang() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    with pytest.raises(ConfigError, match="too large"):
        yamlpos.load("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(ConfigError, match="nested") as caught:
        yamlpos.load("a: " + "[" * 500 + "]" * 500 + "\n", "deep.yaml")
    assert caught.value.line == 1
