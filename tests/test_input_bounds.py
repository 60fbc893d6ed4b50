"""Drafts that are not regular files, and drafts past the size limit, are refused unread.

Device files and FIFOs run the real command in a subprocess with a short deadline: a run that
blocked or read without end would hit the timeout and fail the test instead of hanging it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

DEADLINE = 30  # seconds; the refusals take well under one


def _brieflint(args: list[str], cwd: Path, stdin: int | None = None) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "brieflint", *args],
        cwd=cwd,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done.returncode, done.stderr


def _one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("brieflint: error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_device_is_not_a_draft(device: str, command: str, tmp_path: Path) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} missing")
    code, err = _brieflint(
        [command, "--no-cache", device] if command == "check" else [command, device], tmp_path
    )
    assert code == 2
    assert _one_error(err) == (
        f"brieflint: error: {device}: not a regular file (a character device), not a draft"
    )


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(command: str, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "in.fifo")
    code, err = _brieflint([command, "in.fifo"], tmp_path)
    assert code == 2
    assert _one_error(err) == "brieflint: error: in.fifo: not a regular file (a FIFO), not a draft"


def test_endless_standard_input_is_cut_at_the_limit(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        code, err = _brieflint(
            ["check", "--no-cache", "-", "--stdin-filename", "x.md"], tmp_path, stdin=zero.fileno()
        )
    assert code == 2
    assert _one_error(err).startswith(
        "brieflint: error: x.md: draft larger than 10 MB, not checked"
    )


def test_standard_input_under_the_limit_is_checked(tmp_path: Path) -> None:
    draft = tmp_path / "in.md"
    draft.write_text("The the minister spoke.\n", "utf-8")
    with draft.open("rb") as handle:
        code, err = _brieflint(
            ["check", "--no-cache", "-q", "--select", "prose.doubled-word", "-"],
            tmp_path,
            stdin=handle.fileno(),
        )
    assert code == 0, err  # a warning: below the default --fail-on


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_draft_over_the_configured_limit_is_refused(
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brieflint.yaml").write_text("max_draft_mb: 0.001\n", "utf-8")
    (tmp_path / "small.md").write_text("Fine words.\n" * 10, "utf-8")  # 120 bytes
    (tmp_path / "big.md").write_text("Fine words.\n" * 100, "utf-8")  # 1,200 bytes
    code, _, err = run_cli([command, "small.md", "big.md"], capsys)
    assert code == 2
    assert _one_error(err) == (
        "brieflint: error: big.md: draft larger than 0.001 MB, not checked "
        "(raise max_draft_mb in the config, or --max-draft-mb)"
    )
    assert (tmp_path / "big.md").read_text("utf-8") == "Fine words.\n" * 100
    # the command line wins over the config
    code, _, err = run_cli([command, "--max-draft-mb", "1", "small.md", "big.md"], capsys)
    assert code == 0, err


def test_the_limit_counts_the_bytes_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brieflint.yaml").write_text("max_draft_mb: 0.0001\n", "utf-8")  # 100 bytes
    (tmp_path / "at.txt").write_text("a" * 99 + "\n", "utf-8")
    (tmp_path / "over.txt").write_text("a" * 100 + "\n", "utf-8")
    code, _, err = run_cli(["check", "--no-cache", "--select", "ocr.homoglyph", "at.txt"], capsys)
    assert code == 0, err
    code, _, err = run_cli(["check", "--no-cache", "--select", "ocr.homoglyph", "over.txt"], capsys)
    assert code == 2
    assert "over.txt: draft larger than 0.0001 MB" in err


@pytest.mark.parametrize("value", ["0", "-1", "20000"])
def test_a_bad_limit_is_a_usage_error(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["check", f"--max-draft-mb={value}", "."], capsys)
    assert code == 2
    assert _one_error(err) == (
        "brieflint: error: --max-draft-mb: must be more than 0 and at most 10000"
    )


def test_a_bad_limit_in_the_config_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brieflint.yaml").write_text("fail_on: error\nmax_draft_mb: -3\n", "utf-8")
    (tmp_path / "a.md").write_text("Fine.\n", "utf-8")
    code, _, err = run_cli(["check", "a.md"], capsys)
    assert code == 2
    config = tmp_path / "brieflint.yaml"
    assert _one_error(err) == (
        f"brieflint: error: {config}:2: max_draft_mb: Input should be greater than 0"
    )


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo"])
def test_a_baseline_that_is_not_a_regular_file_is_refused(kind: str, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Fine words.\n", "utf-8")
    if kind == "fifo":
        os.mkfifo(tmp_path / "baseline.fifo")
        target, shown = "baseline.fifo", "a FIFO"
    else:
        if not Path(kind).exists():
            pytest.skip(f"{kind} missing")
        target, shown = kind, "a character device"
    code, err = _brieflint(["check", "--no-cache", "--baseline", target, "a.md"], tmp_path)
    assert code == 2
    assert _one_error(err) == (
        f"brieflint: error: {target}: not a regular file ({shown}), not a baseline file"
    )
