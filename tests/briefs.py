"""The whole policy briefs the tests read, and what each is known to contain.

``FIXTURE`` is written for the tests and is always there (tests/data/briefs). ``SAMPLE`` is the
real sample brief of the development data, beside the checkout (``../shared``), not part of it:
the same tests run on it where it is present and skip, naming the file, where it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SARIF_SCHEMA = DATA / "schemas" / "sarif-schema-2.1.0.json"


@dataclass(frozen=True)
class Brief:
    """A brief in the SecureBlackSea layout and the artefacts it carries, in document order."""

    path: Path
    homoglyphs: tuple[str, ...]  # the spans ocr.homoglyph reports
    stray_markup: tuple[str, ...]  # the spans ocr.stray-markup reports
    broken: tuple[str, ...]  # the last word before each cut paragraph's break
    lower_starts: tuple[str, ...]  # the words ocr.lowercase-sentence-start reports
    spelling: tuple[tuple[str, str, str], ...]  # (as written, what it should be, rule)

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


FIXTURE = Brief(
    path=DATA / "briefs" / "ports-and-corridors.txt",
    homoglyphs=("S\u0435a", "\u0422he"),
    stray_markup=("_{Marković}",),
    broken=("the", "years"),
    lower_starts=("the", "the"),
    spelling=(
        ("Freiqht", "Freight", "spelling.unknown-word"),
        ("Batuml", "Batumi", "spelling.name-variant"),
        ("Anakiia", "Anaklia", "spelling.name-variant"),
        ("Kazakbstan", "Kazakhstan", "spelling.unknown-word"),
        ("premiurns", "premiums", "spelling.unknown-word"),
        ("predictabel", "predictable", "spelling.unknown-word"),
        ("shippinq", "shipping", "spelling.unknown-word"),
        ("infrastrueture", "infrastructure", "spelling.unknown-word"),
    ),
)

SAMPLE = Brief(
    path=REPO.parent / "shared" / "samples" / "secureblacksea-brief-7.txt",
    homoglyphs=("\u0430", "\u0422\u043e"),
    stray_markup=("_{Ergun}",),
    broken=("surrounding", "motto", "simultaneously", "direction", "international"),
    lower_starts=("following", "the", "recommendations"),
    spelling=(
        ("Alivev", "Aliyev", "spelling.name-variant"),
        ("Türkive", "Türkiye", "spelling.name-variant"),
        ("Azerbaiian", "Azerbaijan", "spelling.name-variant"),
        ("favorina", "favouring", "spelling.unknown-word"),
        ("embracina", "embracing", "spelling.unknown-word"),
        ("reversable", "reversible", "spelling.unknown-word"),
    ),
)

SAMPLE_ABSENT = (
    f"the real sample brief is not beside this checkout ({SAMPLE.path}): it is development "
    "data outside the repository; the same test runs on tests/data/briefs/ports-and-corridors.txt"
)

BRIEFS = [
    pytest.param(FIXTURE, id="fixture"),
    pytest.param(
        SAMPLE,
        id="sample",
        marks=pytest.mark.skipif(not SAMPLE.path.is_file(), reason=SAMPLE_ABSENT),
    ),
]
