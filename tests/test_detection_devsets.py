"""Regression floors on slices of the real dev sets (tests/data/dev/, with their licences).

The slices are scored exactly as ``benchmarks/detection.py`` scores the whole sets: a defect is
found when a finding overlaps it, a finding that overlaps no defect is a false alarm, and the
clean side is each document's correct version. The floors sit a little below what brieflint
measures, so a change that loses detection or adds false alarms on real text fails here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from benchmarks import detection, devsets

DEV = Path(__file__).resolve().parent / "data" / "dev"

# set -> (headline recall, precision)
FLOORS = {
    "acl-ws": (0.78, 0.89),
    "acl-spell": (0.7, 0.8),
    "bln": (0.64, 0.97),
}
# (set, kind) -> recall
KIND_FLOORS = {
    ("acl-ws", "split"): 0.78,
    ("acl-ws", "run-together"): 0.7,
    ("acl-spell", "hyphenation"): 0.75,
    ("bln", "hyphenation"): 0.78,
    ("bln", "name"): 0.7,
    ("bln", "run-together"): 0.68,
    ("bln", "split"): 0.5,
}
WHITESPACE_RULES = ("ocr.split-word", "ocr.run-together", "ocr.spacing")
# the clean side (each document's correct version): set -> (documents with more than 2 warnings
# or errors, findings of the layout and markup rules). The clean versions still hold some real
# slips of their own ("com plaint", a quote left open), so the ceilings are not zero.
CLEAN_CEILINGS = {"acl-ws": (1, 6), "bln": (2, 9)}
LAYOUT_RULES = (
    "ocr.lowercase-sentence-start",
    "ocr.stray-markup",
    "prose.doubled-word",
    "ocr.spacing",
    "ocr.split-word",
    "ocr.run-together",
    "ocr.hyphenation",
    "ocr.page-furniture",
    "ocr.broken-paragraph",
)


@cache
def _scores() -> dict[str, detection.Score]:
    tool = detection.Brieflint()
    sets = [*devsets.acl(DEV / "acl"), devsets.bln(DEV / "bln600")]
    return {s.name: detection.score(tool, s) for s in sets}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_and_precision_floors(name: str) -> None:
    score = _scores()[name]
    min_recall, min_precision = FLOORS[name]
    print(f"\n{name}: recall {score.recall():.3f} precision {score.precision:.3f}")
    assert score.defects, "the slice holds no defects: its truth was not derived"
    assert score.recall() >= min_recall
    assert score.precision >= min_precision


@pytest.mark.parametrize(("name", "kind"), sorted(KIND_FLOORS))
def test_recall_per_kind(name: str, kind: str) -> None:
    score = _scores()[name]
    assert score.defects[kind] >= 10, f"too few {kind} defects in the slice to judge"
    recall = score.recall([kind])
    print(f"\n{name} {kind}: {score.found[kind]}/{score.defects[kind]} = {recall:.3f}")
    assert recall >= KIND_FLOORS[(name, kind)]


def test_whitespace_rules_are_precise_on_extraction_damage() -> None:
    score = _scores()["acl-ws"]
    tp = sum(score.rule_tp[r] for r in WHITESPACE_RULES)
    fp = sum(score.rule_fp[r] for r in WHITESPACE_RULES)
    assert tp >= 30
    assert tp / (tp + fp) >= 0.9


def test_names_are_consistent_without_false_alarms_on_newspaper_ocr() -> None:
    """Newspapers set names in capitals in headings and captions: no second spelling."""
    score = _scores()["bln"]
    assert (
        score.rule_fp["house.name-consistency"] + score.clean_findings["house.name-consistency"]
        <= 1
    )


def test_layout_findings_cover_the_defect_on_newspaper_ocr() -> None:
    """A full stop read from a speck before a lower-case word, or a space before a mark: the
    finding covers the mark, which is the defect the truth marks."""
    score = _scores()["bln"]
    for rule in ("ocr.lowercase-sentence-start", "ocr.spacing", "ocr.stray-markup"):
        tp, fp = score.rule_tp[rule], score.rule_fp[rule]
        assert tp >= 20 and tp / (tp + fp) >= 0.95, (rule, tp, fp)


def test_truth_of_a_known_paragraph() -> None:
    """The whitespace truth is the spaces ``corrupt`` and ``correct`` disagree on."""
    case = devsets.Case("x", "")
    where, defects = devsets._space_map("the dialoguesare t h e best", "the dialogues are the best")
    case.text = "the dialoguesare t h e best"
    found = [(case.text[d.start : d.end], d.kind, d.right) for d in defects]
    assert found == [
        ("dialoguesare", "run-together", "dialogues are"),
        ("t h e", "split", "the"),
    ]
    assert where[len("the dialogues ")] == len("the dialogues")


@pytest.mark.parametrize("name", sorted(CLEAN_CEILINGS))
def test_the_clean_side_stays_quiet(name: str) -> None:
    score = _scores()[name]
    most_over, most_layout = CLEAN_CEILINGS[name]
    layout = sum(score.clean_findings[r] for r in LAYOUT_RULES)
    print(f"\n{name}: {score.clean_docs_over_2} clean documents over 2, {layout} layout findings")
    assert score.clean_docs_over_2 <= most_over
    assert layout <= most_layout
