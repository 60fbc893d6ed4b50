"""``fix`` and report writing when the write cannot happen: the data stays safe and the one error
line names the file and says why in words.

The full disk is a real one: a small tmpfs, mounted for the test when it runs as root (skipped
otherwise), filled up. The file-size limit is a real one too (``ulimit -f``, RLIMIT_FSIZE, which
makes writes fail with EFBIG), and ``/dev/full`` answers every write with ENOSPC. The read-only
folder is a read-only mount as root (root may write into a folder without write permission) and
a folder without write permission otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli

FIXABLE = "We recieve the report.\n"  # prose.common-typo offers a safe fix
FIXED = "We receive the report.\n"


def _mount_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "disk"
    _mount_tmpfs(where, "256k")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _files(folder: Path) -> list[str]:
    """What is in ``folder`` besides the result cache: a temporary file left would show."""
    return sorted(n for n in os.listdir(folder) if n != ".brieflint-cache")


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_250_character_name_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "b" * 247 + ".md"  # legal: NAME_MAX is 255 bytes
    Path(name).write_text(FIXABLE, "utf-8")
    code, _, err = run_cli(["fix", "--select", "prose.common-typo", name], capsys)
    assert code == 1, err
    assert Path(name).read_text("utf-8") == FIXED
    assert _files(tmp_path) == [name]


def test_a_255_byte_multibyte_name_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "é" * 126 + ".md"  # 252 + 3 bytes; the temporary name must not cut a letter in two
    Path(name).write_text(FIXABLE, "utf-8")
    code, _, err = run_cli(["fix", "--select", "prose.common-typo", name], capsys)
    assert code == 1, err
    assert Path(name).read_text("utf-8") == FIXED
    assert _files(tmp_path) == [name]


def test_fix_on_a_full_disk_keeps_the_draft_and_says_so(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(small_disk)
    Path("draft.md").write_text(FIXABLE * 200, "utf-8")
    _fill(small_disk)
    code, _, err = run_cli(["fix", "--select", "prose.common-typo", "draft.md"], capsys)
    assert code == 2
    assert err.splitlines() == [
        "brieflint: error: draft.md: cannot write the fixed draft: no space left on the device; "
        "the draft is unchanged"
    ]
    assert Path("draft.md").read_text("utf-8") == FIXABLE * 200
    assert _files(small_disk) == ["draft.md", "filler"]


def test_a_report_on_a_full_disk_says_so(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(small_disk)
    Path("draft.md").write_text(FIXABLE, "utf-8")
    Path("report.json").write_text("old report\n", "utf-8")
    _fill(small_disk)
    code, _, err = run_cli(["check", "--no-cache", "-f", "html", "-o", "report.json", "."], capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        "brieflint: error: report.json: cannot write the report: no space left on the device"
    )
    assert Path("report.json").read_text("utf-8") == "old report\n"
    assert _files(small_disk) == ["draft.md", "filler", "report.json"]


def test_a_report_to_dev_full_says_no_space(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full missing")
    code, _, err = run_cli(
        ["check", "--no-cache", "-f", "json", "-o", "/dev/full", str(Path(__file__))], capsys
    )
    assert code == 2
    assert err.splitlines()[-1] == (
        "brieflint: error: /dev/full: cannot write the report: no space left on the device"
    )


def test_fix_past_the_file_size_limit_keeps_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(FIXABLE * 400, "utf-8")  # 9 kB; the limit below is 4 kB
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from brieflint.cli import main\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "fix", "--select", "prose.common-typo", "draft.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "brieflint: error: draft.md: cannot write the fixed draft: file too large (for the file "
        "system, or the file-size limit set by ulimit -f); the draft is unchanged"
    ]
    assert draft.read_text("utf-8") == FIXABLE * 400
    assert _files(tmp_path) == ["draft.md"]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() == 0:
        where = tmp_path / "ro"
        _mount_tmpfs(where, "1m")
        (where / "draft.md").write_text(FIXABLE, "utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        try:
            yield where
        finally:
            subprocess.run(["umount", "-l", str(where)], check=False)
    else:
        where = tmp_path / "ro"
        where.mkdir()
        (where / "draft.md").write_text(FIXABLE, "utf-8")
        where.chmod(0o555)
        try:
            yield where
        finally:
            where.chmod(0o755)


def test_fix_in_a_read_only_folder_keeps_the_draft_and_says_so(
    read_only_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(read_only_folder)
    code, _, err = run_cli(["fix", "--select", "prose.common-typo", "draft.md"], capsys)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(
        "brieflint: error: draft.md: cannot write the fixed draft: folder not writable ("
    )
    assert line.endswith("); the draft is unchanged")
    assert Path("draft.md").read_text("utf-8") == FIXABLE
    assert _files(read_only_folder) == ["draft.md"]
