"""No damage to correct text: ``brieflint fix`` (the safe tier) changes nothing on clean text.

The clean text is real and was written by nobody on this project: slices of the corrected side
of two development sets (PDF-extracted papers, 19th-century newspapers), copied into
``tests/data/clean`` with their licences (see ``tests/data/README.md``). The whole sets are
measured by ``benchmarks/fix_clean.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

CLEAN = REPO / "tests" / "data" / "clean"
# the first 20 articles of BLN600's training split, a file each, named by their Sample ID
BLN600 = (
    "3200797029.txt",
    "3200797034.txt",
    "3200801613.txt",
    "3200801615.txt",
    "3200801619.txt",
    "3200801622.txt",
    "3200801630.txt",
    "3200801632.txt",
    "3200801633.txt",
    "3200801634.txt",
    "3200803382.txt",
    "3200803389.txt",
    "3200803401.txt",
    "3200803403.txt",
    "3200807879.txt",
    "3200807881.txt",
    "3200807886.txt",
    "3200807889.txt",
    "3200807892.txt",
    "3200807899.txt",
)
SETS = {
    "acl": [CLEAN / "acl" / "spelling-1-100.txt"],
    "bln600": [CLEAN / "bln600" / name for name in BLN600],
}


def test_the_clean_slices_are_there() -> None:
    assert sorted(p.name for p in (CLEAN / "bln600").glob("*.txt")) == list(BLN600)
    assert all(path.is_file() for paths in SETS.values() for path in paths)
    paragraphs = SETS["acl"][0].read_text(encoding="utf-8").split("\n\n")
    assert len(paragraphs) == 100
    for name in ("acl/LICENSE", "acl/NOTICE", "bln600/LICENSE"):
        assert (CLEAN / name).is_file(), name


@pytest.mark.parametrize("name", sorted(SETS))
def test_fix_changes_nothing_on_clean_text(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    for path in SETS[name]:
        shutil.copyfile(path, folder / path.name)
    code, out, err = run_cli(["fix", str(folder)], capsys)
    changed = [p.name for p in SETS[name] if (folder / p.name).read_bytes() != p.read_bytes()]
    assert changed == [], err
    assert code == 0, err
    # the unsafe tier is there, and would change some of it: a person must look at those
    code, out, _ = run_cli(["fix", "--unsafe-fixes", "--diff", str(folder)], capsys)
    assert code == 1 and "[-" in out


def test_unsafe_fixes_shown_by_check_are_not_applied_by_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bln600"
    shutil.copytree(CLEAN / "bln600", folder)
    code, out, _ = run_cli(["check", "--no-cache", "--fail-on", "never", str(folder)], capsys)
    assert code == 0 and "[unsafe fix]" in out and "[safe fix]" not in out
