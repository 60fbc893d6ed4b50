"""The gate judges lint by the lint configuration as of the base commit, so a pull request cannot
switch off the lint it is gated on: not by a config file, `[tool.brieflint]`, a house style or a
vocabulary. Each attack below passes `brieflint check` at head and still fails the gate."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.review.conftest import CLEAN, FAILING, Workspace

BRIEF = "briefs/trade.md"
UNKNOWN_WORD = "# Trade brief\n\nTrade with markett grew by 12 per cent in 2023.\n"
HOUSE_STYLE = "extends: brief\n"


def approved_pr(ws: Workspace, files: dict[str, str], brief: str = FAILING) -> None:
    """A pull request that changes ``files`` and the brief, submitted and approved."""
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    for rel, text in files.items():
        ws.write(rel, text)
    ws.write(BRIEF, brief)
    ws.commit("Edit the brief and the lint configuration")
    code, _, err = ws.run("review", "submit", BRIEF, "--force", "--reason", "see the PR")
    assert code == 0, err
    ws.as_("ed@example.org")
    code, _, err = ws.run("review", "approve", BRIEF)
    assert code == 0, err
    ws.commit("Review")


def gate(ws: Workspace, *args: str) -> tuple[int, str]:
    code, out, err = ws.run("review", "gate", "--base", "main", *args)
    assert code in (0, 1), out + err
    assert err == ""
    return code, out


def brief_row(out: str, brief: str = BRIEF) -> list[str]:
    for line in out.splitlines():
        if line.startswith("  " + brief + " "):  # table rows are indented
            return line.split()
    raise AssertionError(f"no row for {brief} in:\n{out}")


def on_main(ws: Workspace, files: dict[str, str], message: str) -> None:
    for rel, text in files.items():
        ws.write(rel, text)
    ws.commit(message)


ATTACKS: dict[str, tuple[dict[str, str], dict[str, str], str, str]] = {
    # name: (on main before the PR, changed by the PR, the brief, the file the gate names)
    "fail_on never": ({}, {"brieflint.yaml": "fail_on: never\n"}, FAILING, "brieflint.yaml"),
    "ignore the rule": (
        {},
        {"brieflint.yaml": "ignore: [prose.placeholder]\n"},
        FAILING,
        "brieflint.yaml",
    ),
    "nearer dot-config": (
        {"brieflint.yaml": "fail_on: error\n"},
        {"briefs/.brieflint.yaml": "fail_on: never\n"},
        FAILING,
        "briefs/.brieflint.yaml",
    ),
    "pyproject": (
        {},
        {"pyproject.toml": '[tool.brieflint]\nfail_on = "never"\n'},
        FAILING,
        "pyproject.toml",
    ),
    "per-glob override": (
        {},
        {"brieflint.yaml": "overrides:\n  - files: ['briefs/**']\n    ignore: [prose]\n"},
        FAILING,
        "brieflint.yaml",
    ),
    "house style rule off": (
        {"brieflint.yaml": "style: styles/house\n", "styles/house/style.yaml": HOUSE_STYLE},
        {"styles/house/style.yaml": HOUSE_STYLE + "rules:\n  prose.placeholder: off\n"},
        FAILING,
        "styles/house/style.yaml",
    ),
    "another style": (
        {},
        {
            "brieflint.yaml": "style: styles/lax\n",
            "styles/lax/style.yaml": HOUSE_STYLE + "rules:\n  prose.placeholder: off\n",
        },
        FAILING,
        "brieflint.yaml",
    ),
    "house vocabulary": (
        {
            "brieflint.yaml": "style: styles/house\nfail_on: warning\n",
            "styles/house/style.yaml": HOUSE_STYLE,
        },
        {"styles/house/vocab/accept.txt": "markett\n"},
        UNKNOWN_WORD,
        "styles/house/vocab/accept.txt",
    ),
    "config vocabulary": (
        {"brieflint.yaml": "fail_on: warning\nvocab: [words.txt]\n", "words.txt": "# names\n"},
        {"words.txt": "# names\nmarkett\n"},
        UNKNOWN_WORD,
        "words.txt",
    ),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_pull_request_cannot_switch_off_the_lint_it_is_gated_on(
    ws: Workspace, attack: str
) -> None:
    before, changed, brief, named = ATTACKS[attack]
    if before:
        on_main(ws, before, "Lint configuration")
    approved_pr(ws, changed, brief)
    # at head, the changed configuration lets the brief through ...
    code, _, _ = ws.run("check", BRIEF)
    assert code == 0
    # ... but the gate lints it with the base's configuration
    code, out = gate(ws)
    assert code == 1, out
    row = brief_row(out)
    assert row[1] == "approved" and row[2] == "FAIL", out
    assert "lint fails" in out
    assert "lint judged by the configuration as of base" in out
    assert f"note: {named} changes the lint configuration here" in out


def test_the_gate_names_the_configuration_that_judged(ws: Workspace) -> None:
    on_main(
        ws,
        {"brieflint.yaml": "style: styles/house\n", "styles/house/style.yaml": HOUSE_STYLE},
        "Style",
    )
    base = ws.repo.head.commit.hexsha
    approved_pr(ws, {}, CLEAN.replace("12", "13"))
    code, out = gate(ws)
    assert code == 0, out
    assert (
        f"lint judged by the configuration as of base {base[:12]}: brieflint.yaml, "
        "style styles/house (extends brief)"
    ) in out
    assert "note:" not in out


def test_defaults_are_named_when_the_base_has_no_configuration(ws: Workspace) -> None:
    approved_pr(ws, {}, CLEAN.replace("12", "13"))
    code, out = gate(ws)
    assert code == 0, out
    assert "built-in defaults (no brieflint.yaml, .brieflint.yaml or [tool.brieflint])" in out
    assert "style brief" in out


def test_the_base_configuration_lets_through_what_the_team_allowed(ws: Workspace) -> None:
    on_main(ws, {"brieflint.yaml": "ignore: [prose.placeholder]\n"}, "We allow placeholders")
    # removing the allowance in the pull request does not take effect before it is merged
    ws.repo.git.switch("-c", "feature")
    ws.repo.git.rm("brieflint.yaml")
    ws.commit("Stricter lint")
    ws.repo.git.switch("main")
    ws.repo.git.branch("-D", "feature")
    approved_pr(ws, {}, FAILING)
    ws.repo.git.rm("brieflint.yaml")
    ws.commit("Stricter lint, in the same pull request")
    code, out = gate(ws)
    assert code == 0, out
    assert brief_row(out)[2] == "pass"
    assert "note: brieflint.yaml changes the lint configuration here" in out


def test_a_configuration_change_merged_on_its_own_judges_later_pull_requests(
    ws: Workspace,
) -> None:
    # the configuration change: a pull request of its own, with no brief in it
    ws.repo.git.switch("-c", "lint-config")
    ws.write("brieflint.yaml", "ignore: [prose.placeholder]\n")
    ws.commit("Allow placeholders in drafts")
    code, out = gate(ws)
    assert code == 0, out
    assert "no brief changed" in out
    assert "note: brieflint.yaml changes the lint configuration here" in out
    ws.repo.git.switch("main")
    ws.repo.git.merge("--no-ff", "-m", "Merge lint-config", "lint-config")
    # now the team's new configuration judges the briefs
    approved_pr(ws, {}, FAILING)
    code, out = gate(ws)
    assert code == 0, out
    assert brief_row(out)[2] == "pass"


def test_the_work_tree_configuration_does_not_count(ws: Workspace) -> None:
    approved_pr(ws, {}, FAILING)
    ws.write("brieflint.yaml", "fail_on: never\n", stage=False)  # never committed
    code, out = gate(ws)
    assert code == 1 and brief_row(out)[2] == "FAIL", out
    # and the verdict is the same whatever is checked out
    ws.repo.git.stash("--include-untracked")
    ws.repo.git.switch("main")
    code_main, out_main = gate(ws, "--head", "feature")
    assert code_main == 1 and brief_row(out_main)[2] == "FAIL", out_main


def test_a_configuration_above_the_repository_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.review.conftest import init_repo

    (tmp_path / "brieflint.yaml").write_text("fail_on: never\n", encoding="utf-8")
    ws = init_repo(tmp_path / "repo", capsys)
    approved_pr(ws, {}, FAILING)
    code, out = gate(ws)
    assert code == 1 and brief_row(out)[2] == "FAIL", out
    assert "built-in defaults" in out


def test_several_configurations_are_each_named_with_their_briefs(ws: Workspace) -> None:
    on_main(
        ws,
        {"brieflint.yaml": "fail_on: error\n", "briefs/energy/.brieflint.yaml": "fail_on: never\n"},
        "Two configurations",
    )
    ws.repo.git.switch("-c", "feature")
    ws.as_("author@example.org")
    ws.write("briefs/energy/gas.md", FAILING.replace("Trade", "Gas"))
    ws.write(BRIEF, CLEAN.replace("12", "13"))
    ws.commit("Two briefs")
    for brief in (BRIEF, "briefs/energy/gas.md"):
        assert ws.run("review", "submit", brief)[0] == 0
    ws.as_("ed@example.org")
    for brief in (BRIEF, "briefs/energy/gas.md"):
        assert ws.run("review", "approve", brief)[0] == 0
    ws.commit("Review")
    code, out = gate(ws)
    assert code == 0, out
    assert ": brieflint.yaml, style brief [briefs/trade.md]" in out
    assert ": briefs/energy/.brieflint.yaml, style brief [briefs/energy/gas.md]" in out


def test_a_broken_base_configuration_is_named_without_temporary_paths(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    on_main(ws, {"brieflint.yaml": "fail_on: sometimes\n"}, "A broken configuration")
    approved_pr(ws, {"brieflint.yaml": "fail_on: error\n"}, CLEAN.replace("12", "13"))
    code, out = gate(ws)
    assert code == 1, out
    row = next(line for line in out.splitlines() if line.startswith("  " + BRIEF))
    assert " error " in row
    assert "brieflint.yaml:1: fail_on:" in row and "lint configuration as of base" in row
    assert str(scratch) not in out and "brieflint-gate-" not in out
    assert list(scratch.iterdir()) == []  # the copy of the base is gone


def test_the_summary_names_the_configuration(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    approved_pr(ws, {"brieflint.yaml": "fail_on: never\n"}, FAILING)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _ = gate(ws)
    assert code == 1
    markdown = summary.read_text(encoding="utf-8")
    assert "lint judged by the configuration as of base" in markdown
    assert "brieflint.yaml changes the lint configuration here" in markdown
