"""Configuration, styles and rules: loading, precedence, and errors naming file:line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from brieflint import config as config_mod
from brieflint import ruleset
from brieflint.errors import ConfigError
from brieflint.findings import Severity
from tests.conftest import lint_text

BAD = "The the goverment.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def setup_for(path: Path) -> ruleset.Setup:
    return ruleset.build(config_mod.load(path))


def test_defaults_without_config() -> None:
    setup = ruleset.build(config_mod.default())
    assert setup.style_name == "brief"
    assert "prose.doubled-word" in setup.base
    assert "prose.heading-case" in setup.disabled


def test_rule_overrides_severity_off_and_options(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "brieflint.yaml",
        "rules:\n"
        "  prose.doubled-word: error\n"
        "  prose.common-typo: off\n"
        "  prose.placeholder:\n"
        "    options: {patterns: ['\\bDRAFT\\b'], ignorecase: false}\n",
    )
    setup = setup_for(cfg)
    assert setup.base["prose.doubled-word"].severity is Severity.ERROR
    assert "prose.common-typo" not in setup.base
    found = lint_text("DRAFT the the goverment TODO\n", config_path=cfg, select=["prose"])
    assert sorted(f.rule for f in found) == ["prose.doubled-word", "prose.placeholder"]


def test_group_prefix_disables_a_group(tmp_path: Path) -> None:
    cfg = write(tmp_path / "brieflint.yaml", "rules:\n  prose: off\n")
    assert not [r for r in setup_for(cfg).base if r.startswith("prose.")]


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        ("style: brief\nstlye: x\n", 2, "stlye", "unknown key"),
        ("fail_on: sometimes\n", 1, "fail_on", "Input should be"),
        ("rules:\n  prose.nope: off\n", 2, "rules.prose.nope", "unknown rule"),
        ("rules:\n  prose.doubled-word: loud\n", 2, "rules.prose.doubled-word.severity", ""),
        (
            "rules:\n  prose.placeholder:\n    options:\n      patterns: ['(']\n",
            4,
            "rules.prose.placeholder.options.patterns[0]",
            "invalid regular expression",
        ),
        (
            "rules:\n  prose.doubled-word:\n    options: {alow: [x]}\n",
            3,
            "rules.prose.doubled-word.options.alow",
            "unknown key",
        ),
        ("include: [a\n", 2, None, "invalid YAML"),
        ("select: [prose.nothing]\n", 1, "select", "unknown rule"),
    ],
)
def test_config_errors_name_file_line_and_key(
    tmp_path: Path, text: str, line: int, key: str | None, message: str
) -> None:
    cfg = write(tmp_path / "brieflint.yaml", text)
    with pytest.raises(ConfigError) as err:
        setup_for(cfg)
    assert err.value.path == str(cfg)
    assert err.value.line == line
    assert err.value.key == key
    assert message in str(err.value)


def test_unknown_style(tmp_path: Path) -> None:
    cfg = write(tmp_path / "brieflint.yaml", "style: nosuchhouse\n")
    with pytest.raises(ConfigError, match="unknown style 'nosuchhouse'") as err:
        setup_for(cfg)
    assert err.value.line == 1


def test_style_cycle_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a" / "style.yaml", "extends: ../b\n")
    write(tmp_path / "b" / "style.yaml", "extends: ../a\n")
    cfg = write(tmp_path / "brieflint.yaml", "style: ./a\n")
    with pytest.raises(ConfigError, match="extends itself"):
        setup_for(cfg)


@pytest.mark.parametrize("language", ["xx-YY", "fr-FR", "english"])
def test_a_language_brieflint_cannot_check_is_an_error(tmp_path: Path, language: str) -> None:
    cfg = write(tmp_path / "brieflint.yaml", f"style: brief\nlanguage: {language}\n")
    with pytest.raises(ConfigError, match="unsupported language") as err:
        setup_for(cfg)
    assert (err.value.path, err.value.line, err.value.key) == (str(cfg), 2, "language")


def test_languages_are_read_whatever_their_case(tmp_path: Path) -> None:
    cfg = write(tmp_path / "brieflint.yaml", "language: en-us\n")
    assert setup_for(cfg).context.language == "en-US"
    write(tmp_path / "house" / "style.yaml", "extends: brief\nlanguage: fr\n")
    cfg = write(tmp_path / "brieflint.yaml", "style: ./house\n")
    with pytest.raises(ConfigError, match="unsupported language 'fr'") as err:
        setup_for(cfg)
    assert err.value.path == str(tmp_path / "house" / "style.yaml")


def test_local_style_extends_builtin_with_vocab_and_rules(tmp_path: Path) -> None:
    write(
        tmp_path / "house" / "style.yaml",
        "extends: brief\nrules:\n  prose.doubled-word: info\n",
    )
    write(tmp_path / "house" / "vocab" / "accept.txt", "# names\nZorbania\n")
    write(
        tmp_path / "house" / "rules" / "house.no-draft.yaml",
        "id: house.no-draft\nkind: existence\nseverity: error\nmessage: no drafts\n"
        "description: d\nwhy: w\nexamples: {bad: DRAFT, good: final}\n"
        "options: {tokens: [DRAFT], ignorecase: false}\n",
    )
    cfg = write(tmp_path / "brieflint.yaml", "style: ./house\n")
    setup = setup_for(cfg)
    assert setup.style_name == "house"
    assert setup.base["prose.doubled-word"].severity is Severity.INFO
    assert "Zorbania" in setup.context.vocabulary.accept
    found = lint_text("A DRAFT.\n", config_path=cfg, select=["house.no-draft", "prose"])
    assert [f.rule for f in found] == ["house.no-draft"]


def test_rule_file_id_must_match_name(tmp_path: Path) -> None:
    write(tmp_path / "house" / "style.yaml", "extends: brief\n")
    write(
        tmp_path / "house" / "rules" / "house.a.yaml",
        "id: house.b\nkind: existence\nseverity: error\nmessage: m\n"
        "description: d\nwhy: w\nexamples: {bad: x, good: y}\n",
    )
    cfg = write(tmp_path / "brieflint.yaml", "style: ./house\n")
    with pytest.raises(ConfigError, match="does not match the file name") as err:
        setup_for(cfg)
    assert err.value.line == 1 and err.value.key == "id"


def test_per_glob_overrides_and_per_file_ignores(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "brieflint.yaml",
        "overrides:\n"
        "  - files: ['archive/*.txt']\n"
        "    rules: {prose.common-typo: off}\n"
        "per_file_ignores:\n"
        "  'legacy/*': [prose.doubled-word]\n",
    )
    setup = setup_for(cfg)
    ids = lambda p: {r.id for r in setup.rules_for(str(tmp_path / p))}  # noqa: E731
    assert "prose.common-typo" in ids("new/a.txt")
    assert "prose.common-typo" not in ids("archive/a.txt")
    assert "prose.doubled-word" not in ids("legacy/a.txt")
    assert "prose.doubled-word" in ids("archive/a.txt")


def test_pyproject_section(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.brieflint]\nignore = ['prose.doubled-word']\n")
    found = config_mod.discover(tmp_path / "sub")
    assert found == tmp_path / "pyproject.toml"
    setup = setup_for(found)
    assert "prose.doubled-word" not in setup.base


def test_pyproject_errors_name_the_key(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", "[tool.brieflint]\nstyel = 'brief'\n")
    with pytest.raises(ConfigError) as err:
        setup_for(cfg)
    assert (err.value.key, err.value.line) == ("tool.brieflint.styel", 2)


PYPROJECT = """\
[project]
name = "briefs"

[tool.brieflint]
style = "brief"
cache_dir = '''
fail_on = "never"
.cache'''
{top}

[tool.brieflint.rules."prose.doubled-word"]
{rule}

[[tool.brieflint.overrides]]
files = ["a/*"]

[[tool.brieflint.overrides]]
{override}
"""


@pytest.mark.parametrize(
    ("top", "rule", "override", "line", "message"),
    [
        ('fail_on = "sometimes"', "", 'files = ["b/*"]', 9, "fail_on"),
        ('ignore = ["prose.nosuch"]', "", 'files = ["b/*"]', 9, "unknown rule 'prose.nosuch'"),
        ("", 'severity = "loud"', 'files = ["b/*"]', 12, "severity"),
        ("", "", 'files = ["b/*"]\nignore = ["nosuch"]', 19, "unknown rule 'nosuch'"),
    ],
)
def test_pyproject_errors_name_the_line(
    tmp_path: Path, top: str, rule: str, override: str, line: int, message: str
) -> None:
    text = PYPROJECT.format(top=top, rule=rule, override=override)
    cfg = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError, match=message) as err:
        setup_for(cfg).rules_for(str(tmp_path / "b" / "brief.md"))  # overrides apply per file
    assert (err.value.path, err.value.line) == (str(cfg), line)


def test_discovery_prefers_nearest(tmp_path: Path) -> None:
    write(tmp_path / "brieflint.yaml", "style: brief\n")
    inner = write(tmp_path / "team" / ".brieflint.yaml", "style: brief\n")
    assert config_mod.discover(tmp_path / "team" / "briefs") == inner
    assert config_mod.discover(tmp_path / "other") == tmp_path / "brieflint.yaml"


def test_select_and_ignore_prefixes() -> None:
    only = ruleset.build(config_mod.default(), ruleset.BuildOptions(select=("prose.d",)))
    assert set(only.base) == {"prose.doubled-word"}
    group = ruleset.build(
        config_mod.default(),
        ruleset.BuildOptions(select=("prose",), ignore=("prose.placeholder",)),
    )
    assert "prose.placeholder" not in group.base and "prose.doubled-word" in group.base
    with pytest.raises(ConfigError, match="unknown rule 'nope'") as err:
        ruleset.build(config_mod.default(), ruleset.BuildOptions(ignore=("nope",)))
    assert err.value.key == "--ignore"
