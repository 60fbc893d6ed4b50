"""The install and hook snippets of the docs and examples work when copied.

brieflint is not on a package index: every snippet installs it from the clone or from a git URL
the user sets (``BRIEFLINT_GIT_URL``), or names its placeholders as such. The slow tests run the
snippets' own commands, with this repository standing in for the user's git copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, git, pre_commit_command

GIT_INSTALL = (
    'python -m pip install "git+${BRIEFLINT_GIT_URL:?set BRIEFLINT_GIT_URL to your git URL of '
    'brieflint}"'
)
IN_THE_CLONE = re.compile(r"pip install (?:-e )?(?:\.|'\.\[[a-z,]+\]')(?: |$)")
SNIPPET_FILES = [
    REPO / "README.md",
    *sorted((REPO / "docs").glob("*.md")),
    *sorted((REPO / "examples").glob("*.yml")),
    REPO / ".pre-commit-hooks.yaml",
]
REPO_PLACEHOLDER = "<your-git-url-of-brieflint>"
REV_PLACEHOLDER = "<a-tag-or-commit-of-it>"


def _lines(pattern: str) -> list[tuple[str, str]]:
    found = []
    for path in SNIPPET_FILES:
        for line in path.read_text("utf-8").splitlines():
            if re.search(pattern, line):
                found.append((path.name, line.strip()))
    return found


def test_every_install_is_from_the_clone_or_a_git_url_the_user_sets() -> None:
    installs = _lines(r"pip install [^`]")
    assert installs
    for name, line in installs:
        if IN_THE_CLONE.search(line):
            continue
        assert GIT_INSTALL in line, f"{name}: {line}"


def test_pre_commit_snippets_name_placeholders_and_fix_first() -> None:
    assert not _lines(r"repo: https?://|rev: v\d")
    repos = _lines(r"repo: ")
    assert repos and all(REPO_PLACEHOLDER in line for _, line in repos), repos
    assert all(REV_PLACEHOLDER in line for _, line in _lines(r"rev: "))
    for name, block in _pre_commit_blocks():
        ids = [line.split("id:")[1].split()[0] for line in block.splitlines() if "id:" in line]
        if "brieflint" in ids and "brieflint-fix" in ids:
            assert ids.index("brieflint-fix") < ids.index("brieflint"), name
        assert "args: [--style" not in block, name


def _pre_commit_blocks() -> list[tuple[str, str]]:
    blocks = []
    for path in SNIPPET_FILES:
        text = path.read_text("utf-8")
        blocks += [
            (path.name, b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "rev:" in b
        ]
    text = (REPO / ".pre-commit-hooks.yaml").read_text("utf-8")
    blocks.append((".pre-commit-hooks.yaml", text.split("\n- id:")[0]))
    return blocks


def _env() -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL"))
    }
    env["PRE_COMMIT_HOME"] = str(Path.home() / ".cache" / "pre-commit-brieflint-tests")
    return env


def _head() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )


def _github_steps(name: str, job: str) -> dict[str, str]:
    workflow = yaml.safe_load((REPO / "examples" / name).read_text("utf-8"))
    return {s["name"]: s["run"] for s in workflow["jobs"][job]["steps"] if "run" in s}


@pytest.mark.slow
def test_ci_examples_install_from_the_git_url_and_lint(tmp_path: Path) -> None:
    """The examples' install command, with this repository as the git URL, then their lint."""
    env = _env()
    env.pop("BRIEFLINT_GIT_URL", None)
    steps = _github_steps("github-lint.yml", "lint")
    install = steps["Install brieflint"]
    assert install == GIT_INSTALL
    unset = _bash(install, tmp_path, env)
    assert unset.returncode != 0 and "set BRIEFLINT_GIT_URL" in unset.stderr
    venv.create(tmp_path / "venv", with_pip=True)
    env["PATH"] = f"{tmp_path / 'venv' / 'bin'}{os.pathsep}{env['PATH']}"
    env["BRIEFLINT_GIT_URL"] = f"file://{REPO}@{_head()}"
    done = _bash(install, tmp_path, env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (tmp_path / "venv" / "bin" / "brieflint").is_file()

    work = tmp_path / "repo"
    shutil.copytree(REPO / "examples" / "drafts", work / "briefs")
    lint = _bash(steps["Lint the briefs"], work, env)
    assert lint.returncode == 1, lint.stderr  # the example drafts have errors
    assert "::error file=briefs/" in lint.stdout
    assert (work / "brieflint.sarif").is_file() and (work / "brieflint-report.html").is_file()

    gitlab = yaml.safe_load((REPO / "examples" / "gitlab-ci.yml").read_text("utf-8"))["brieflint"]
    assert gitlab["before_script"] == [GIT_INSTALL]
    (script,) = gitlab["script"]
    lint = _bash(script, work, env)
    assert lint.returncode == 1, lint.stderr
    assert (work / "brieflint-junit.xml").is_file()
    assert (work / "gl-code-quality-report.json").is_file()
    gate = _github_steps("github-review-gate.yml", "review-gate")
    assert gate["Install brieflint"] == GIT_INSTALL


@pytest.mark.slow
def test_the_documented_pre_commit_config_fixes_first_with_per_folder_config(
    tmp_path: Path,
) -> None:
    guide = (REPO / "docs" / "integrations.md").read_text("utf-8")
    section = guide.split("## Authors: pre-commit", 1)[1].split("\n## ", 1)[0]
    hooks, folder_config = re.findall(r"```yaml\n(.*?)```", section, re.S)[:2]
    (try_repo,) = re.findall(r"```sh\n(pre-commit try-repo .*?)\n```", section)
    work = tmp_path / "briefs-repo"
    house = work / "briefs" / "secureblacksea"
    house.mkdir(parents=True)
    git(work, "init", "-q")
    git(work, "config", "user.email", "author@example.org")
    git(work, "config", "user.name", "Author")
    config = hooks.replace(REPO_PLACEHOLDER, str(REPO)).replace(REV_PLACEHOLDER, _head())
    (work / ".pre-commit-config.yaml").write_text(config, "utf-8")
    name = re.search(r"^# (\S+brieflint\.yaml):", folder_config, re.M)
    assert name is not None
    (work / name.group(1)).write_text(folder_config, "utf-8")
    # a fixable lookalike letter, and no disclaimer, which only the house style asks for
    (house / "draft.txt").write_text("The p\u043ertfolio grew.\n", "utf-8")
    (work / "briefs" / "other.txt").write_text("The portfolio grew.\n", "utf-8")
    git(work, "add", ".")
    run = subprocess.run(
        [*pre_commit_command(), "run", "--all-files"],
        cwd=work,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert out.index("brieflint (safe fixes)") < out.index("brieflint (lint drafts)")
    assert (house / "draft.txt").read_text("utf-8") == "The portfolio grew.\n"
    assert "ocr.homoglyph" not in out.split("brieflint (lint drafts)")[1]  # fixed before
    assert "briefs/secureblacksea/draft.txt" in out and "house.disclaimer" in out
    assert "briefs/other.txt" not in out.split("brieflint (lint drafts)")[1]

    command = try_repo.replace(REPO_PLACEHOLDER, str(REPO)).split()
    assert command[0] == "pre-commit"
    command[:1] = pre_commit_command()
    (work / command[-1]).write_text("# A brief\n\nThe goverment will decide.\n", "utf-8")
    git(work, "add", ".")
    tried = subprocess.run(
        command, cwd=work, env=_env(), capture_output=True, text=True, timeout=1200
    )
    assert tried.returncode == 1 and "prose.common-typo" in tried.stdout, tried.stdout


def test_the_jenkins_junit_snippet_leaves_failing_to_the_test_report(tmp_path: Path) -> None:
    guide = (REPO / "docs" / "integrations.md").read_text("utf-8")
    section = guide.split("## Jenkins and other JUnit readers", 1)[1].split("\n## ", 1)[0]
    (command,) = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    shutil.copytree(REPO / "examples" / "drafts", tmp_path / "briefs")
    env = _env()
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = _bash(command, tmp_path, env)
    assert done.returncode == 0, done.stderr  # findings: exit 1, which the snippet accepts
    report = (tmp_path / "brieflint-junit.xml").read_text("utf-8")
    assert "<failure" in report  # the example drafts have errors: the test report fails
    broken = _bash(command.replace("briefs/", "no-such-folder/"), tmp_path, env)
    assert broken.returncode != 0 and "no such file" in broken.stderr  # still fails the step
