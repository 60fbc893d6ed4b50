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
