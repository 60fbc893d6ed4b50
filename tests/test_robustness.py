"""What brieflint does with bad input: each row of the README's table is a test here."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brieflint import kinds
from tests.conftest import run_cli as run

CLEAN = "The government will decide.\n"


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("brieflint: error:")]
    assert len(lines) == 1, err
    return lines[0]


def test_empty_file_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "e.md").write_text("", "utf-8")
    (tmp_path / "e.txt").write_text("", "utf-8")
    code, out, _ = run(["check", str(tmp_path / "e.md"), str(tmp_path / "e.txt")], capsys)
    assert code == 0 and "in 2 files checked" in out


def test_invalid_utf8_names_file_line_and_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\nstill ok\nbroken \xc3\x28 here\n")
    (tmp_path / "good.txt").write_text(CLEAN, "utf-8")
    code, out, err = run(["check", str(tmp_path)], capsys)
    assert code == 2
    assert one_error_line(err).startswith(f"brieflint: error: {bad}:3: invalid UTF-8 at byte 19")
    assert "in 1 file checked" in out  # the other file was still checked


def test_utf16_file_is_decoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "u.txt").write_bytes("The the end.\n".encode("utf-16"))
    code, out, _ = run(["check", str(tmp_path / "u.txt")], capsys)
    assert code == 0 and ":1:1  warning  prose.doubled-word" in out


def test_latin1_file_gets_a_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "l.txt").write_bytes("Caf\xe9 society.\n".encode("latin-1"))
    code, _, err = run(["check", str(tmp_path / "l.txt")], capsys)
    assert code == 2 and "iconv" in one_error_line(err)


def test_huge_file_and_long_line_finish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paragraph = "Regional cooperation depends on trust between the the parties involved. " * 8
    big = tmp_path / "big.txt"
    big.write_text((paragraph + "\n\n") * 9000, "utf-8")  # about 5 MB
    assert big.stat().st_size > 5_000_000
    line = tmp_path / "line.txt"
    line.write_text("word " * 210_000 + "\n", "utf-8")  # a single 1 MB line
    code, out, _ = run(["check", "--select", "prose", str(big), str(line)], capsys)
    assert code == 0 and "in 2 files checked" in out


def test_directory_where_a_file_is_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("check", "fix"):
        code, _, err = run([command, "--config", str(tmp_path), str(tmp_path)], capsys)
        assert code == 2
        assert one_error_line(err).endswith(
            f"{tmp_path}: is a folder, not a config file (brieflint.yaml)"
        )
        missing = tmp_path / "nope.yaml"
        code, _, err = run([command, "--config", str(missing), str(tmp_path)], capsys)
        assert code == 2 and f"{missing}: config file not found" in one_error_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(CLEAN, "utf-8")
    locked.chmod(0)
    code, _, err = run(["check", str(locked)], capsys)
    assert code == 2 and "permission denied" in one_error_line(err)


def test_symlink_loop_and_broken_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "brief.txt").write_text(CLEAN, "utf-8")
    code, out, _ = run(["check", str(tmp_path / "a")], capsys)
    assert code == 0 and "in 1 file checked" in out
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(["check", str(tmp_path / "dangling.txt")], capsys)
    assert code == 2 and "broken symbolic link" in one_error_line(err)


def test_names_with_spaces_and_non_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "Brief № 7 — çalışma.md"
    odd.write_text("The the end.\n", "utf-8")
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert code == 0 and f"{odd}:1:1" in out


def test_style_outside_the_project_is_data_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "elsewhere" / "house"
    shared.mkdir(parents=True)
    (shared / "style.yaml").write_text("extends: brief\n", "utf-8")
    (shared / "evil.py").write_text("raise SystemExit('executed')\n", "utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "brieflint.yaml").write_text("style: ../elsewhere/house\n", "utf-8")
    (project / "b.txt").write_text(CLEAN, "utf-8")
    code, _, _ = run(["check", str(project / "b.txt")], capsys)
    assert code == 0


@pytest.mark.parametrize("name", ["../../etc/passwd", "os", "__init__", "sys.path", ""])
def test_rule_kinds_are_never_imported_from_elsewhere(name: str) -> None:
    assert kinds.get(name) is None


def test_kind_named_by_a_rule_file_must_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "house"
    (house / "rules").mkdir(parents=True)
    (house / "style.yaml").write_text("extends: brief\n", "utf-8")
    rule = house / "rules" / "house.x.yaml"
    rule.write_text(
        "id: house.x\nkind: subprocess\nseverity: error\nmessage: m\ndescription: d\n"
        "why: w\nexamples: {bad: a, good: b}\n",
        "utf-8",
    )
    (tmp_path / "b.txt").write_text(CLEAN, "utf-8")
    code, _, err = run(["check", "--style", str(house), str(tmp_path / "b.txt")], capsys)
    assert code == 2 and f"{rule}:2: kind: unknown rule kind 'subprocess'" in one_error_line(err)


def test_output_write_is_atomic_under_sigterm(tmp_path: Path) -> None:
    """A write killed half-way leaves the old file and no temporary file behind."""
    target = tmp_path / "report.txt"
    target.write_text("old\n", "utf-8")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from brieflint import atomic, cli\n"
        "import signal\n"
        "signal.signal(signal.SIGTERM, cli._terminate)\n"
        "class Slow(bytes):\n"
        "    pass\n"
        "orig = atomic.os.fsync\n"
        "def slow_fsync(fd):\n"
        "    print('writing', flush=True); time.sleep(30); orig(fd)\n"
        "atomic.os.fsync = slow_fsync\n"
        f"atomic.write_text(Path({str(target)!r}), 'new\\n' * 1000)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=20)
    assert target.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    time.sleep(0)
