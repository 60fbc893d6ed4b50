"""The result cache: an unchanged draft is not linted again, and nothing stale comes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brieflint import engine
from brieflint.findings import Edit, Finding, Fix, Severity
from brieflint.resultcache import ResultCache
from tests.conftest import run_cli

DRAFT = (
    "Policy Brief\n\nThe expendityre will decide the the budget next year. Its ministers "
    "disagree about the timetable and the costs.\n"
)


def _check(
    folder: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> list[dict[str, object]]:
    code, out, _ = run_cli(
        ["check", "--format", "json", "--fail-on", "never", "-j", "1", *extra, str(folder)], capsys
    )
    assert code == 0
    findings: list[dict[str, object]] = json.loads(out)["findings"]
    return findings


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "brieflint.yaml").write_text("style: brief\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _count_lints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    linted: list[str] = []
    real = engine.lint_document

    def counting(doc, rules, setup):  # type: ignore[no-untyped-def]
        linted.append(doc.path)
        return real(doc, rules, setup)

    monkeypatch.setattr(engine, "lint_document", counting)
    return linted


def test_an_unchanged_draft_is_answered_from_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    linted = _count_lints(monkeypatch)
    first = _check(project, capsys)
    assert {f["rule"] for f in first} >= {"spelling.unknown-word", "prose.doubled-word"}
    assert len(linted) == 1
    second = _check(project, capsys)
    assert second == first
    assert len(linted) == 1  # no second lint
    cache = project / ".brieflint-cache"
    assert "*" in (cache / ".gitignore").read_text(encoding="utf-8")
    assert (cache / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f59")


def test_a_changed_text_config_or_vocabulary_is_linted_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    linted = _count_lints(monkeypatch)
    first = _check(project, capsys)
    (project / "draft.txt").write_text(DRAFT.replace("the the", "the"), encoding="utf-8")
    edited = _check(project, capsys)
    assert len(linted) == 2
    assert "prose.doubled-word" not in {f["rule"] for f in edited}
    assert len(edited) == len(first) - 1

    (project / "words.dic").write_text("expendityre\n", encoding="utf-8")
    (project / "brieflint.yaml").write_text("style: brief\nvocab: [words.dic]\n", "utf-8")
    accepted = _check(project, capsys)
    assert len(linted) == 3
    assert "spelling.unknown-word" not in {f["rule"] for f in accepted}

    config = "style: brief\nvocab: [words.dic]\nrules: {ocr.spacing: {severity: info}}\n"
    (project / "brieflint.yaml").write_text(config, "utf-8")
    _check(project, capsys)
    assert len(linted) == 4  # a severity is part of what findings depend on


def test_no_cache_neither_reads_nor_writes(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    linted = _count_lints(monkeypatch)
    _check(project, capsys, "--no-cache")
    _check(project, capsys, "--no-cache")
    assert len(linted) == 2
    assert not (project / ".brieflint-cache").exists()


def test_a_damaged_cache_entry_is_a_miss(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check(project, capsys)
    entries = list((project / ".brieflint-cache" / "results").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text('{"format": 1, "findings": [{"path": ', encoding="utf-8")
    linted = _count_lints(monkeypatch)
    assert _check(project, capsys) == first
    assert len(linted) == 1


def test_grammar_runs_are_not_stored(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "brieflint.yaml").write_text(
        "style: brief\nlanguagetool: {mode: optional, url: 'http://127.0.0.1:9'}\n", "utf-8"
    )
    linted = _count_lints(monkeypatch)
    run_cli(["check", "--fail-on", "never", "-j", "1", str(project)], capsys)
    run_cli(["check", "--fail-on", "never", "-j", "1", str(project)], capsys)
    assert len(linted) == 2
    assert not list((project / ".brieflint-cache").rglob("results/*/*.json"))


def test_findings_survive_the_round_trip(tmp_path: Path) -> None:
    finding = Finding(
        path="a/b.md",
        line=3,
        column=5,
        end_line=3,
        end_column=9,
        rule="ocr.spacing",
        severity=Severity.WARNING,
        message="two spaces: «  »",
        suggestions=("x", "ÿ"),
        fix=Fix((Edit(10, 12, " "), Edit(20, 20, "\n")), "join"),
        start=10,
        end=12,
        context="  ",
    )
    cache = ResultCache(tmp_path)
    key = ResultCache.key("f", "a/b.md", "text")
    assert cache.get(key) is None
    cache.put(key, [finding])
    (back,) = cache.get(key) or []
    assert back == finding and back.context == finding.context
    assert ResultCache.key("f", "a/b.md", "text ") != key
    assert ResultCache.key("f", "a/c.md", "text") != key


def test_a_cache_folder_that_cannot_be_made_is_no_cache(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "blocker").write_text("a file where the cache folder should be\n", "utf-8")
    (project / "brieflint.yaml").write_text("style: brief\ncache_dir: blocker\n", "utf-8")
    linted = _count_lints(monkeypatch)
    first = _check(project, capsys)
    assert _check(project, capsys) == first
    assert len(linted) == 2  # linted twice, silently
    assert (project / "blocker").read_text("utf-8").startswith("a file")


CLEAN = "Policy Brief\n\nThe ministers agree about the timetable.\n"


def _entries(project: Path) -> list[Path]:
    return sorted((project / ".brieflint-cache" / "results").rglob("*.json"))


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 200_000 + b"]" * 200_000,  # nested past Python's recursion limit
        b'{"format": 2, "key": "x"}\n' + b"[" * 200_000,
        b'{"format": 2, "findings": []}',  # unsealed, as an older brieflint wrote it
        b"[]",
        b'"just a string"',
        b"\xff\xfe not even text",
        b"",
    ],
    ids=["nested", "nested payload", "unsealed", "list", "string", "bytes", "empty"],
)
def test_a_corrupt_entry_is_ignored_and_replaced(
    content: bytes,
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _check(project, capsys)
    [entry] = _entries(project)
    good = entry.read_bytes()
    entry.write_bytes(content)
    linted = _count_lints(monkeypatch)
    assert _check(project, capsys) == first
    assert len(linted) == 1
    assert entry.read_bytes() == good  # replaced by a whole entry
    assert _check(project, capsys) == first
    assert len(linted) == 1  # and that one is used again


def test_an_entry_planted_under_another_key_does_not_hide_findings(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clean draft's entry (no findings), copied over the entry of a draft with findings: the
    entry is sealed to its own key, so the findings are reported all the same."""
    first = _check(project, capsys)
    assert first
    [bad_entry] = _entries(project)
    clean = project / "clean"
    clean.mkdir()
    (clean / "draft.txt").write_text(CLEAN, encoding="utf-8")
    (clean / "brieflint.yaml").write_text("style: brief\ncache_dir: ../.brieflint-cache\n")
    assert _check(clean, capsys) == []
    clean_entry = next(p for p in _entries(project) if p != bad_entry)
    bad_entry.write_bytes(clean_entry.read_bytes())
    linted = _count_lints(monkeypatch)
    assert _check(project, capsys) == first
    assert len(linted) == 1


def test_an_entry_whose_findings_were_edited_is_a_miss(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _check(project, capsys)
    [entry] = _entries(project)
    header, payload = entry.read_bytes().split(b"\n", 1)
    emptied = json.loads(payload)
    emptied["findings"] = []
    entry.write_bytes(header + b"\n" + json.dumps(emptied).encode())
    linted = _count_lints(monkeypatch)
    assert _check(project, capsys) == first
    assert len(linted) == 1


def test_a_fifo_in_place_of_an_entry_is_a_miss(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    first = _check(project, capsys)
    [entry] = _entries(project)
    entry.unlink()
    os.mkfifo(entry)  # reading it would wait for a writer for ever
    linted = _count_lints(monkeypatch)
    assert _check(project, capsys) == first
    assert len(linted) == 1


def _copy_package(to: Path) -> Path:
    import shutil

    import brieflint

    shutil.copytree(Path(brieflint.__file__).parent, to, ignore=shutil.ignore_patterns("*.pyc"))
    return to


def test_the_code_stamp_is_the_code_not_its_file_times(tmp_path: Path) -> None:
    """A fresh install of the same code (a CI job, its cache restored) hits the cache: the stamp
    is made of the files' contents and the installed libraries, never of their times."""
    import os

    from brieflint.resultcache import code_stamp, stamp_of

    libs = tmp_path / "site"
    (libs / "somelib-1.0.dist-info").mkdir(parents=True)
    first = _copy_package(tmp_path / "one" / "brieflint")
    again = _copy_package(tmp_path / "two" / "brieflint")
    for folder, _dirs, files in os.walk(again):
        for name in files:
            os.utime(os.path.join(folder, name), (1_000_000, 1_000_000))
    (again / "__pycache__").mkdir(exist_ok=True)
    (again / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    stamp = stamp_of(first, [str(libs)])
    assert stamp_of(again, [str(libs)]) == stamp
    assert code_stamp() == code_stamp()  # memoised: worked out once per process

    engine_file = again / "engine.py"
    engine_file.write_bytes(engine_file.read_bytes() + b"\n# changed\n")
    assert stamp_of(again, [str(libs)]) != stamp
    (libs / "somelib-1.0.dist-info").rename(libs / "somelib-1.1.dist-info")
    assert stamp_of(first, [str(libs)]) != stamp
