"""``brieflint init``: config, pre-commit snippet and a house style that works at once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from brieflint import cli
from brieflint import config as config_mod
from brieflint.commands import init as init_cmd
from tests.conftest import REPO, lint_text


def test_init_writes_a_valid_commented_config_and_pre_commit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init"]) == 0
    cfg = folder / "brieflint.yaml"
    assert "# " in cfg.read_text("utf-8")
    loaded = config_mod.load(cfg)
    assert loaded.config.style == "brief"
    hooks = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["brieflint-fix", "brieflint"]
    (folder / "d.md").write_text("# Title\n\nA clean sentence.\n", "utf-8")
    assert cli.main(["check", "d.md"]) == 0
    assert not (folder / "styles").exists()


def test_init_refuses_to_overwrite_without_force(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "brieflint.yaml").write_text("style: brief\n# mine\n", "utf-8")
    assert cli.main(["init"]) == 2
    err = capsys.readouterr().err
    assert "will not overwrite" in err and "--force" in err
    assert (folder / "brieflint.yaml").read_text("utf-8") == "style: brief\n# mine\n"
    assert not (folder / ".pre-commit-config.yaml").exists()  # nothing written at all
    assert cli.main(["init", "--force"]) == 0
    assert "# mine" not in (folder / "brieflint.yaml").read_text("utf-8")


def test_existing_pre_commit_config_is_kept_and_the_snippet_printed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = "repos: []\n"
    (folder / ".pre-commit-config.yaml").write_text(mine, "utf-8")
    assert cli.main(["init", "--force"]) == 0
    out = capsys.readouterr().out
    assert "add brieflint to it" in out and "id: brieflint" in out
    assert (folder / ".pre-commit-config.yaml").read_text("utf-8") == mine


def test_init_style_creates_a_working_house_style(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init", "--style", "acme"]) == 0
    style_dir = folder / "styles" / "acme"
    for name in ("style.yaml", "vocab/accept.txt", "vocab/reject.txt"):
        assert (style_dir / name).is_file()
    assert yaml.safe_load((style_dir / "style.yaml").read_text("utf-8"))["extends"] == "brief"
    assert config_mod.load(folder / "brieflint.yaml").config.style == "./styles/acme"
    draft = folder / "d.txt"
    draft.write_text("The the report is done.\n", "utf-8")
    # the style inherits brief's rules and loads from the command line and the config
    assert cli.main(["check", "--style", "./styles/acme", str(draft)]) == 0  # a warning
    assert "prose.doubled-word" in capsys.readouterr().out
    draft.write_text("The report is done.\n", "utf-8")
    assert cli.main(["check", str(draft)]) == 0
    # the example house rule is off until edited, and its own examples behave
    rule = yaml.safe_load((style_dir / "rules" / "house.disclaimer.yaml").read_text("utf-8"))
    assert rule["enabled"] is False
    style_ref = str(style_dir)
    bad = lint_text(rule["examples"]["bad"], select=["house.disclaimer"], style=style_ref)
    good = lint_text(rule["examples"]["good"], select=["house.disclaimer"], style=style_ref)
    assert {f.rule for f in bad} == {"house.disclaimer"} and good == []


def test_init_rejects_a_bad_style_name(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["init", "--style", "../evil"]) == 2
    assert "invalid style name" in capsys.readouterr().err
    assert not (folder / "brieflint.yaml").exists()


def test_init_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["init", "--help"]) == 0
    assert "Example:  brieflint init --style" in capsys.readouterr().out


def test_the_complete_example_of_the_house_style_guide_works(tmp_path: Path) -> None:
    import regex

    guide = (Path(__file__).resolve().parents[1] / "docs" / "house-style.md").read_text("utf-8")
    blocks = regex.findall(
        r"`(styles/balticforum/[\w/.-]+\.yaml)`:\n\n```yaml\n(.*?)```", guide, flags=regex.S
    )
    assert len(blocks) == 3
    for name, text in blocks:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    style_ref = str(tmp_path / "styles" / "balticforum")
    for name, text in blocks[1:]:
        rule = yaml.safe_load(text)
        ex = rule["examples"]
        bad = lint_text(ex["bad"], select=[rule["id"]], style=style_ref)
        good = lint_text(ex["good"], select=[rule["id"]], style=style_ref)
        assert bad and {f.rule for f in bad} == {rule["id"]}, name
        assert good == [], (name, good)
    cover = guide.split("with a cover like\n\n```\n", 1)[1].split("```", 1)[0]
    draft = cover + "\nText.\n\nAna Lopes is a researcher.\n\nPiotr Nowak is a professor.\n"
    found = lint_text(draft, select=["house"], style=style_ref)
    assert [f.message for f in found if f.rule != "house.acronym-undefined"] == []


def test_the_hook_installs_brieflint_from_where_it_was_installed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """This test suite runs an install from the clone (pip install -e .): its folder and HEAD."""
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert init_cmd.installed_from() == (str(REPO.resolve()), head)
    assert cli.main(["init"]) == 0
    repo = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text("utf-8"))["repos"][0]
    assert (repo["repo"], repo["rev"]) == (str(REPO.resolve()), head)
    assert "<" not in capsys.readouterr().out  # nothing to replace


def test_without_a_known_source_the_hook_names_its_placeholders() -> None:
    text = init_cmd.pre_commit_text(None)
    repo = yaml.safe_load(text)["repos"][0]
    assert repo["repo"] == "<your-git-url-of-brieflint>"
    assert repo["rev"] == "<a-tag-or-commit-of-it>"
    assert "Replace the two placeholders" in text


def test_init_style_suggests_a_command_that_is_clean_at_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init", "--style", "thinkbrief"]) == 0
    out = capsys.readouterr().out
    suggested = out.split("Try it:", 1)[1].split()
    assert suggested[:2] == ["brieflint", "check"]
    # the style's own word lists and rules are not drafts
    assert cli.main(suggested[1:]) == 0
    out = capsys.readouterr().out
    assert "styles/thinkbrief" not in out and "0 files checked" in out
    hooks = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["exclude"] == "^styles/thinkbrief/"
    # the house's name is in its vocabulary: a draft that names the house is clean
    (folder / "draft.md").write_text("# Ports\n\nEvery thinkbrief draft is about ports.\n", "utf-8")
    assert cli.main(suggested[1:]) == 0
    out = capsys.readouterr().out
    assert "1 file checked" in out and "spelling" not in out.split("in 1 file")[0]
    accept = (folder / "styles" / "thinkbrief" / "vocab" / "accept.txt").read_text("utf-8")
    assert "thinkbrief" in accept.splitlines()
