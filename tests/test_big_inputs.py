"""Big inputs finish: a 50 MB draft, and a single 1 MB line with every rule.

Both run the real command line in a subprocess; the ``timeout=`` there only stops a hung run, it
asserts no speed (``benchmarks/`` measures that).

The 50 MB run uses a selection of rules. Measured on a 2-core machine, the default rules take
about 2.5 minutes and 2 GB or more on 50 MB, and they stop with exit 2: the rules built on word
lists (prose.common-typo, prose.term-case, …) run one regular expression over the whole document
under the 2 s limit meant for runaway user patterns, and a whole 50 MB document takes longer than
that. The slowest rules on big files are house.name-consistency, the OCR word rules
(ocr.split-word, ocr.run-together, ocr.spacing, ocr.stray-markup) and spelling.name-variant.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brieflint import config as config_mod
from brieflint import ruleset
from tests.briefs import FIXTURE

pytestmark = pytest.mark.slow

BIG_FILE_RULES = [
    "ocr.homoglyph",
    "ocr.invisible-char",
    "ocr.compat-form",
    "ocr.hyphenation",
    "ocr.broken-paragraph",
    "ocr.page-furniture",
    "prose.doubled-word",
]


def _brief() -> str:
    return FIXTURE.text()


def _check(args: list[str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "brieflint", "check", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert "brieflint: error" not in done.stderr, done.stderr[-2000:]
    return done.returncode, done.stdout, done.stderr


def test_a_50_mb_draft_finishes(tmp_path: Path) -> None:
    """A real draft, its paragraphs in a different order on each copy, to 50 MB."""
    paragraphs = _brief().split("\n\n")
    parts: list[str] = []
    size = 0
    turn = 0
    while size < 50_000_000:
        turn += 1
        copy = paragraphs[turn % len(paragraphs) :] + paragraphs[: turn % len(paragraphs)]
        chunk = "\n\n".join(copy) + "\n\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    big = tmp_path / "big.txt"
    big.write_text("".join(parts), "utf-8")
    assert big.stat().st_size >= 50_000_000
    selection = [arg for rule in BIG_FILE_RULES for arg in ("--select", rule)]
    args = [*selection, "--max-draft-mb", "60", "-q", "--format", "json", "-o", "report.json"]
    code, _, _ = _check(args, tmp_path)
    assert code in (0, 1)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["summary"]["files"] == 1


def test_a_1_mb_line_finishes_with_every_rule(tmp_path: Path) -> None:
    words = " ".join(_brief().split()) + " "
    line = (words * (1_000_000 // len(words) + 1))[:1_000_000].rsplit(" ", 1)[0] + "\n"
    (tmp_path / "line.txt").write_text(line, "utf-8")
    setup = ruleset.build(config_mod.default())
    every = sorted({*setup.base, *setup.disabled})
    selection = [arg for rule in every for arg in ("--select", rule)]
    code, out, _ = _check([*selection, "line.txt"], tmp_path)
    assert code in (0, 1)
    assert "in 1 file checked" in out
