"""Atomic writes keep what a user expects of "save": links, permissions, no half-written file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from brieflint import atomic


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "report.json"
    atomic.write_text(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert mode(target) == 0o644


def test_an_existing_file_keeps_its_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "draft.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new\n")
    assert (target.read_text(encoding="utf-8"), mode(target)) == ("new\n", 0o640)


def test_a_symbolic_link_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "draft.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "draft.txt"
    link.symlink_to(Path("real") / "draft.txt")
    atomic.write_text(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["draft.txt"]


def test_every_name_of_a_hard_linked_file_sees_the_new_text(tmp_path: Path) -> None:
    first = tmp_path / "draft.txt"
    first.write_text("old text, longer than the new\n", encoding="utf-8")
    second = tmp_path / "copy.txt"
    os.link(first, second)
    atomic.write_text(first, "new\n")
    assert second.read_text(encoding="utf-8") == "new\n"
    assert first.stat().st_ino == second.stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.txt", "draft.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.txt"
    target.write_text("old\n", encoding="utf-8")

    def refuse(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_a_fifo_as_the_target_is_written_to_and_stays_a_fifo(tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic.write_text(fifo, "report\n")
    reader.join(timeout=10)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["report.fifo"]


def test_a_character_device_as_the_target_is_written_to(tmp_path: Path) -> None:
    import os
    import stat

    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full missing")
    with pytest.raises(OSError) as caught:  # /dev/full: every write fails with ENOSPC
        atomic.write_text(Path("/dev/full"), "report\n")
    assert caught.value.errno == 28
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    atomic.write_text(Path(os.devnull), "report\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
