"""The check command end to end: exit codes, options, discovery, errors as one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brieflint import __version__
from tests.conftest import run_cli as run

BAD = "The the goverment will decide.\n"
CLEAN = "The government will decide.\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(drafts / "clean.md")], capsys)[0] == 0
    code, out, _ = run(["check", str(drafts / "bad.txt")], capsys)
    assert code == 1
    assert f"{drafts / 'bad.txt'}:1:1  warning  prose.doubled-word" in out
    assert "(→ government)" in out
    assert "1 error(s), 1 warning(s), 0 info in 1 file checked" in out


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on(
    drafts: Path, capsys: pytest.CaptureFixture[str], fail_on: str, expected: int
) -> None:
    assert run(["check", "--fail-on", fail_on, str(drafts / "bad.txt")], capsys)[0] == expected


def test_fail_on_threshold_counts_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "w.txt").write_text("We we agree.\n", encoding="utf-8")
    assert run(["check", str(tmp_path / "w.txt")], capsys)[0] == 0  # a warning only
    assert run(["check", "--fail-on", "warning", str(tmp_path / "w.txt")], capsys)[0] == 1


def test_select_ignore(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--select", "prose.doubled", str(drafts / "bad.txt")], capsys)
    assert "prose.doubled-word" in out and "prose.common-typo" not in out
    code, out, _ = run(["check", "--ignore", "prose", str(drafts / "bad.txt")], capsys)
    assert code == 0 and "prose." not in out.split("\n")[0]


def test_directory_walk_uses_include_globs(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (drafts / "notes.rst").write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", str(drafts)], capsys)
    payload = json.loads(out)
    assert code == 1
    assert payload["summary"]["files"] == 2
    assert {Path(f["path"]).name for f in payload["findings"]} == {"bad.txt"}


def test_directory_walk_honours_gitignore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "copy.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "brief.txt").write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(["check", "--format", "json", str(tmp_path)], capsys)
    assert code == 0 and json.loads(out)["summary"]["files"] == 1


def test_config_exclude(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "brieflint.yaml").write_text("exclude: ['old/*']\n", encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(["check", "-f", "json", str(tmp_path)], capsys)
    assert code == 0 and json.loads(out)["summary"]["files"] == 1


def test_missing_file_is_exit_2_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "/nonexistent/brief.md"], capsys)
    assert code == 2
    assert err.strip() == "brieflint: error: /nonexistent/brief.md: no such file or directory"


def test_unknown_rule_and_format_are_exit_2(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "--select", "nope", str(drafts)], capsys)
    assert code == 2 and "unknown rule 'nope'" in err and err.count("\n") == 1
    code, _, err = run(["check", "--format", "xml", str(drafts)], capsys)
    assert code == 2 and "unknown format" in err


def test_bad_config_is_exit_2_with_file_line_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("style: brief\nrules:\n  prose.doubled-word: {severity: loud}\n", "utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(["check", str(tmp_path / "a.txt")], capsys)
    assert code == 2
    assert err.startswith(f"brieflint: error: {cfg}:3: rules.prose.doubled-word.severity:")
    assert "Traceback" not in err


def test_binary_file_named_explicitly_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x00\x01binary")
    code, _, err = run(["check", str(tmp_path / "x.txt")], capsys)
    assert code == 2 and "binary file" in err


def test_binary_file_in_a_folder_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "y.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 0 and "skipped" in err and "x.txt" in err


def test_output_file_is_written(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = drafts / "out" / "report.json"
    out_file.parent.mkdir()
    code, out, _ = run(
        ["check", "-f", "json", "-o", str(out_file), str(drafts / "bad.txt")], capsys
    )
    assert code == 1 and out == ""
    assert json.loads(out_file.read_text("utf-8"))["summary"]["error"] == 1


def test_quiet_prints_findings_only(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "-q", str(drafts / "bad.txt")], capsys)
    assert "prose.common-typo" in out and "checked" not in out
    _, out, _ = run(["check", "-q", str(drafts / "clean.md")], capsys)
    assert out == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.strip() == f"brieflint {__version__}"


def test_stdin_with_filename(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "brieflint", "check", "-", "--stdin-filename", "draft.md"],
        input="Some `the the` code and the the prose.\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr  # a warning only
    assert "draft.md:1:25  warning  prose.doubled-word" in proc.stdout


def test_parallel_jobs_give_the_same_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(12):
        (tmp_path / f"b{i:02}.txt").write_text(BAD if i % 2 else CLEAN, encoding="utf-8")
    _, one, _ = run(["check", "-j", "1", "-f", "json", str(tmp_path)], capsys)
    _, two, _ = run(["check", "-j", "2", "-f", "json", str(tmp_path)], capsys)
    assert json.loads(one)["findings"] == json.loads(two)["findings"]
    assert json.loads(two)["summary"]["files"] == 12


def test_rules_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "prose.doubled-word" in out and "repetition" in out
    code, out, _ = run(["rules", "show", "prose.common-typo"], capsys)
    assert code == 0 and "**Bad**" in out and "goverment" in out
    code, _, err = run(["rules", "show", "prose.nope"], capsys)
    assert code == 2 and "unknown rule" in err


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "brieflint", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("brieflint ")


GC_PROBE = """
import gc, sys
from brieflint import cli
sys.argv = ["brieflint", *sys.argv[1:]]
code = cli.main()
print(code, gc.isenabled(), gc.get_freeze_count() > 0)
"""


def test_the_command_collects_garbage_again_once_started(drafts: Path) -> None:
    """Start-up holds the collector off; the command itself, and whatever follows, do not."""
    for args in (["check", str(drafts / "bad.txt")], ["check", str(drafts / "missing.txt")]):
        out = (
            subprocess.run(
                [sys.executable, "-c", GC_PROBE, *args], capture_output=True, text=True, check=False
            )
            .stdout.splitlines()[-1]
            .split()
        )
        assert out[1:] == ["True", "True"], out


def test_library_calls_leave_the_collector_alone(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    frozen = gc.get_freeze_count()
    run(["check", str(drafts / "clean.md")], capsys)
    assert gc.isenabled() and gc.get_freeze_count() == frozen
