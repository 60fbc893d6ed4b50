"""A parallel run answers what the result cache holds in the parent: a warm re-run starts no
worker, and only the drafts that changed are linted again."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

from brieflint import runner
from brieflint.session import Session

DRAFT = "The the talks ended , and the parties left.The next round is due in May {n}.\n"


def _drafts(folder: Path, count: int) -> list[str]:
    (folder / "brieflint.yaml").write_text("style: brief\n", "utf-8")
    paths = []
    for n in range(count):
        path = folder / f"draft-{n}.txt"
        path.write_text(DRAFT.format(n=n), "utf-8")
        paths.append(str(path))
    return paths


def _findings(session: Session, paths: list[str]) -> list[tuple[str, int, str]]:
    results = runner.run(session.jobs(paths), session.options, cache=session.setups)
    return [(f.path, f.column, f.rule) for r in results for f in r.findings]


class _NoPool:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")


def test_a_warm_parallel_run_starts_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _drafts(tmp_path, 6)
    first = _findings(Session(runner.Options(jobs=2)), paths)
    assert first and {p for p, _, _ in first} == set(paths)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _NoPool)
    assert _findings(Session(runner.Options(jobs=2)), paths) == first


def test_only_changed_drafts_are_linted_again(tmp_path: Path) -> None:
    paths = _drafts(tmp_path, 6)
    _findings(Session(runner.Options(jobs=2)), paths)
    Path(paths[2]).write_text("A clean sentence, and nothing else in it.\n", "utf-8")
    linted: list[str] = []
    real = runner.lint_job

    def counting(job: runner.Job, *args: object, **kwargs: object) -> runner.FileResult:
        linted.append(job.source)
        return real(job, *args, **kwargs)  # type: ignore[arg-type]

    session = Session(runner.Options(jobs=2))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "lint_job", counting)
        found = _findings(session, paths)
    assert linted == [paths[2]]
    assert {p for p, _, _ in found} == set(paths) - {paths[2]}


def test_without_a_cache_every_draft_is_linted(tmp_path: Path) -> None:
    paths = _drafts(tmp_path, 4)
    options = runner.Options(jobs=1, build=runner.ruleset.BuildOptions(use_cache=False))
    session = Session(options)
    assert all(
        runner.cached(job, session.setup_for(job.source)) is None for job in session.jobs(paths)
    )
