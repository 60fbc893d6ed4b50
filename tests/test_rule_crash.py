"""A rule that raises on a draft is a named one-line error (exit 2), not an internal error.

The rule is a real one whose kind is made, for the test, to raise on one crafted input (a draft
holding a snowman) and to work as usual on any other: the draft it fails on is reported as not
checked, naming the rule and the draft; the other drafts are checked and reported as usual.
With ``BRIEFLINT_DEBUG`` set, the exception goes on, with its traceback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from brieflint.cli import main
from brieflint.kinds import existence

CRAFTED = "A draft with a \u2603 in it. TODO: the rest.\n"
PLAIN = "A draft. TODO: the rest.\n"
_WORKING = existence.KIND.check


def _crashing(doc: Any, options: Any, ctx: Any) -> Iterator[Any]:
    if "\u2603" in doc.text:
        raise ZeroDivisionError("division by zero\nsecond line")
    yield from _WORKING(doc, options, ctx)


@pytest.fixture
def crashing_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFLINT_DEBUG", raising=False)
    broken = dataclasses.replace(existence.KIND, check=_crashing)
    monkeypatch.setattr(existence, "KIND", broken)


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", "--select", "prose.placeholder", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("crashing_kind")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_rule_names_itself_and_the_draft(
    folder: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    (folder / "bad.txt").write_text(CRAFTED, "utf-8")
    for n in range(4):  # enough drafts for a parallel run
        (folder / f"good{n}.txt").write_text(PLAIN, "utf-8")
    code, out, err = _check(["-j", jobs, "."], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("brieflint: error: ")
    assert "bad.txt: rule prose.placeholder failed (ZeroDivisionError: division by zero" in err
    assert "BRIEFLINT_DEBUG" in err and "internal error" not in err and "Traceback" not in err
    assert out.count("prose.placeholder") == 4  # each other draft's finding
    assert "bad.txt:" not in out


@pytest.mark.usefixtures("crashing_kind")
def test_the_traceback_is_there_on_request(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "bad.txt").write_text(CRAFTED, "utf-8")
    monkeypatch.setenv("BRIEFLINT_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        _check(["bad.txt"], capsys)


@pytest.mark.usefixtures("crashing_kind")
def test_the_rule_works_on_other_input(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "good.txt").write_text(PLAIN, "utf-8")
    code, out, err = _check(["--fail-on", "never", "good.txt"], capsys)
    assert (code, err) == (0, "")
    assert "prose.placeholder" in out
