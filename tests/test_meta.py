"""Meta-tests over the repository: every kind has tests, word lists are tidy, no data file is
left unused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brieflint import data, docs, kinds, style

ROOT = data.data_root()
SRC = ROOT / "src" / "brieflint"
# documentation that travels with data (licences, notices) is read by people, not code
NOTICES = re.compile(r"^(NOTICE|LICENSE|README)(\.md|\.txt)?$")


@pytest.mark.parametrize("name", kinds.names())
def test_every_kind_has_a_test_module(name: str) -> None:
    module = ROOT / "tests" / "kinds" / f"test_{name.replace('-', '_')}.py"
    assert module.is_file(), f"add {module.relative_to(ROOT)} (a true positive, a clean negative)"
    assert re.search(r"^def test_", module.read_text("utf-8"), re.M)


def _sections(path: Path) -> list[list[str]]:
    """The word list's runs of words between comment or blank lines."""
    runs: list[list[str]] = [[]]
    for line in path.read_text("utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


VOCABULARIES = sorted(ROOT.glob("style/*/vocab/*.txt"))


@pytest.mark.parametrize("path", VOCABULARIES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_word_lists_are_sorted_and_unique(path: Path) -> None:
    for run in _sections(path):
        assert run == sorted(run, key=lambda w: (w.casefold(), w)), f"sort {run}"
    words = [w for run in _sections(path) for w in run]
    repeated = sorted({w for w in words if words.count(w) > 1})
    assert repeated == []


def test_the_sort_check_sees_sections(tmp_path: Path) -> None:
    path = tmp_path / "accept.txt"
    path.write_text("# People\nZoe\nAnna\n# Places\nBaku\n", encoding="utf-8")
    assert _sections(path) == [["Zoe", "Anna"], ["Baku"]]


@pytest.mark.parametrize("name", style.builtin_styles())
def test_accept_and_reject_do_not_overlap(name: str) -> None:
    layers = style.load_chain(name, None)
    accept = {w.casefold() for layer in layers for w in layer.accept}
    reject = {w.casefold() for layer in layers for w in layer.reject}
    assert accept and not accept & reject


def _shipped_data() -> list[Path]:
    found = [*ROOT.glob("rules/**/*"), *ROOT.glob("style/**/*"), *ROOT.glob("tools/**/*")]
    found += [p for p in SRC.rglob("*") if p.suffix not in (".py", ".pyc", ".typed")]
    found += list((ROOT / "tests" / "data").rglob("*"))
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def _code(*folders: Path) -> str:
    return "\n".join(p.read_text("utf-8") for f in folders for p in sorted(f.rglob("*.py")))


def test_every_data_file_is_referenced() -> None:
    rule_files = {Path(spec.source).resolve() for _, spec in docs.collect()}
    styles = set(style.builtin_styles())
    shipped_code = _code(SRC)
    test_code = _code(ROOT / "tests", ROOT / "benchmarks")
    unused = []
    for path in _shipped_data():
        rel = path.relative_to(ROOT)
        if NOTICES.match(path.name) or path.suffix == ".py":
            continue
        if rel.parts[0] == "rules" or rel.parts[-2:-1] == ("rules",):
            used = path.resolve() in rule_files
        elif rel.parts[0] == "style" and path.name == "style.yaml":
            used = rel.parts[1] in styles
        elif rel.parts[0] == "tests":
            used = path.name in test_code
        else:
            used = path.name in shipped_code
        if not used:
            unused.append(str(rel))
    assert unused == []


def test_the_reference_check_sees_rule_files() -> None:
    sources = {Path(spec.source).name for _, spec in docs.collect()}
    assert "ocr.split-word.yaml" in sources and "house.disclaimer.yaml" in sources
