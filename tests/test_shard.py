"""``check --shard I/N``: every draft in exactly one shard, the shards' findings those of one
run, and a split that depends on the path alone (real runs of the CLI on a git archive)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from brieflint import shard
from tests.conftest import git
from tests.conftest import run_cli as run_in
from tests.sharding import build_archive, check_json, inside

N = 3


def _key(finding: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((k, str(v)) for k, v in finding.items()))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("archive") / "repo"
    root.mkdir()
    return root, build_archive(root)


def _shards(root: Path, n: int, *args: str) -> list[dict[str, Any]]:
    reports = []
    for i in range(1, n + 1):
        _, report = check_json(root, *args, "--shard", f"{i}/{n}")
        reports.append(report)
    return reports


def test_every_draft_is_in_exactly_one_shard(archive: tuple[Path, list[str]]) -> None:
    root, names = archive
    reports = _shards(root, N, ".")
    files = [f for r in reports for f in r["shard"]["files"]]
    assert sorted(files) == names  # each once: no draft lost, none twice
    assert [r["shard"]["index"] for r in reports] == [1, 2, 3]
    assert all(r["shard"]["count"] == N for r in reports)
    assert all(r["shard"]["files"] for r in reports)  # 102 drafts: no shard is empty
    assert sum(r["summary"]["files"] for r in reports) == len(names)


def test_the_shards_findings_are_the_whole_runs(archive: tuple[Path, list[str]]) -> None:
    root, _ = archive
    _, whole = check_json(root, ".")
    reports = _shards(root, N, ".")
    assert len(whole["findings"]) > 50
    together = [f for r in reports for f in r["findings"]]
    assert sorted(map(_key, together)) == sorted(map(_key, whole["findings"]))
    for r in reports:  # and each shard's findings are of its own drafts
        assert {f["path"] for f in r["findings"]} <= set(r["shard"]["files"])
    assert "shard" not in whole


def test_the_split_depends_on_the_path_alone(
    archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """Another checkout folder, another current folder, files named in another order, and
    drafts added elsewhere: every draft stays in its shard."""
    root, names = archive
    before = {
        name: r["shard"]["index"] for r in _shards(root, N, ".") for name in r["shard"]["files"]
    }
    elsewhere = tmp_path / "another" / "checkout"
    shutil.copytree(root, elsewhere)
    for i in range(30):
        (elsewhere / "briefs" / f"added-{i}.md").write_text(f"Note {i}.\n", encoding="utf-8")
    git(elsewhere, "add", "-A")
    git(elsewhere, "commit", "-q", "-m", "more drafts")
    # from a subfolder, naming the files one by one in reverse order
    given = [f"../{name}" for name in reversed(names)]
    after: dict[str, int] = {}
    for i in range(1, N + 1):
        _, report = check_json(elsewhere / "notes", *given, "--shard", f"{i}/{N}")
        for name in report["shard"]["files"]:
            after[name.removeprefix("../")] = i
    assert after == before
    # and the added drafts are spread too, without moving the others
    added = _shards(elsewhere, N, "briefs")
    spread = [sum(f.startswith("briefs/added-") for f in r["shard"]["files"]) for r in added]
    assert sum(spread) == 30 and all(spread)


def test_shard_with_changed_since(archive: tuple[Path, list[str]], tmp_path: Path) -> None:
    """A draft changed since REV is checked by its own shard, and by no other."""
    root = tmp_path / "repo"
    shutil.copytree(archive[0], root)
    changed = sorted(archive[1])[::7]
    for name in changed:
        with open(root / name, "a", encoding="utf-8") as handle:
            handle.write("\nTK: a placeholder.\n")
    whole = {name: i for i in range(1, N + 1) for name in _files(root, f"{i}/{N}")}
    seen: list[str] = []
    for i in range(1, N + 1):
        part = _files(root, f"{i}/{N}", "--changed-since", "HEAD")
        assert all(whole[name] == i for name in part)
        seen += part
    assert sorted(seen) == changed


def _files(root: Path, part: str, *args: str) -> list[str]:
    _, report = check_json(root, ".", "--shard", part, *args)
    return list(report["shard"]["files"])


@pytest.mark.parametrize("value", ["0/3", "4/3", "1/0", "3", "a/b", "1/3/5", "-1/3", "", "1/99999"])
def test_a_bad_shard_is_one_line_and_exit_2(
    value: str, archive: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with inside(archive[0]):
        code, out, err = run_in(["check", ".", "--shard", value], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--shard" in err, err


def test_standard_input_is_not_sharded(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_in(["check", "-", "--shard", "1/2"], capsys)
    assert code == 2 and "standard input" in err and err.count("\n") == 1


def test_the_bucket_is_the_same_in_every_process() -> None:
    """Not Python's salted hash(): two interpreters with other hash seeds agree."""
    code = (
        "from brieflint.shard import bucket; "
        "print([bucket(f'briefs/{i}.md', 7) for i in range(200)])"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(answers) == 1
    assert answers == {str([shard.bucket(f"briefs/{i}.md", 7) for i in range(200)]) + "\n"}


def test_the_buckets_are_even() -> None:
    counts = [0] * 8
    for i in range(8000):
        counts[shard.bucket(f"archive/{i}.md", 8) - 1] += 1
    assert min(counts) > 850 and max(counts) < 1150  # even within a few per cent


def test_shards_with_a_baseline_add_up_to_a_run_with_it(
    archive: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each shard applies the whole baseline to its own drafts: merged, the new findings of one
    run with the baseline over everything."""
    root = tmp_path / "repo"
    shutil.copytree(archive[0], root)
    with inside(root):
        assert run_in(["baseline", "create", ".", "--no-cache"], capsys)[0] == 0
    edited = sorted(archive[1])[::5]
    for name in edited:
        with open(root / name, "a", encoding="utf-8") as handle:
            handle.write("\nThe the report is is late.\n")
    args = (".", "--baseline", ".brieflint-baseline.json")
    whole_code, whole = check_json(root, *args)
    assert whole["findings"] and whole["summary"]["files"] == len(archive[1])
    assert {f["path"] for f in whole["findings"]} <= set(edited)  # only the new findings
    names = []
    for i in range(1, N + 1):
        _, report = check_json(root, *args, "--shard", f"{i}/{N}")
        target = tmp_path / f"part-{i}.json"
        target.write_text(json.dumps(report), encoding="utf-8")
        names.append(str(target))
    code, out, _ = run_in(["report", "merge", *names], capsys)
    merged = json.loads(out)
    assert code == whole_code
    assert merged["summary"] == whole["summary"]
    assert sorted(map(_key, merged["findings"])) == sorted(map(_key, whole["findings"]))


def test_a_checkout_reached_through_a_symbolic_link_splits_alike(
    archive: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = archive
    link = tmp_path / "workspace"
    link.symlink_to(root, target_is_directory=True)
    for i in range(1, N + 1):
        assert _files(link, f"{i}/{N}") == _files(root, f"{i}/{N}")
