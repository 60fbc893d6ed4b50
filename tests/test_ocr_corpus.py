"""Seeded artefact injection: recall and precision of each OCR rule on text with known errors.

Correct paragraphs (written for this test) get artefacts of one kind injected at random places
by a seeded generator; a finding that overlaps an injected span is a true positive, any other
finding a false positive. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import regex

from tests.conftest import lint_text

PARAGRAPHS = [
    "The regional security order has changed a great deal since the end of the war, and the "
    "governments around the sea now weigh their options with more care than before.",
    "Trade between the neighbouring states grew steadily over the past decade, although the "
    "pandemic interrupted several important supply routes for many months.",
    "Officials interviewed for this study described their priorities in similar terms, stressing "
    "stability, investment in transport corridors and closer cooperation on energy.",
    "Most observers expect the negotiations to continue through the coming year, with mediators "
    "from several countries offering practical support to both delegations.",
    "The parliament approved a new strategy in the spring, setting out how the ministries should "
    "coordinate their work on border management and on emergency planning.",
    "Civil society organisations have asked for more transparency, arguing that public trust "
    "depends on clear information about the costs and benefits of each agreement.",
    "Energy exports remain the largest source of revenue, which makes the national budget "
    "sensitive to changes in global prices and to decisions taken by foreign buyers.",
    "Several universities have opened research centres that study the region, and their reports "
    "are increasingly cited by journalists, diplomats and members of parliament.",
    "The government has also invested in education, hoping that a younger generation of "
    "specialists will strengthen the institutions that manage foreign relations.",
    "In the longer term, the success of these reforms will depend on whether the political "
    "leadership can maintain a broad consensus across different parties and communities.",
    "Regional organisations offer a forum for dialogue, yet their decisions are rarely binding "
    "and their budgets are modest compared with the scale of the problems they face.",
    "Analysts disagree about the likely direction of policy after the next elections, but most "
    "agree that economic questions will dominate the campaign and the public debate.",
]

WORD = regex.compile(r"[a-z]{3,}")
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"}
FUNCTION_WORDS = {"the", "and", "of", "in", "to", "are", "is", "for", "with", "that", "on"}


@dataclass
class Injected:
    paragraphs: list[str]
    spans: list[tuple[int, int, int]]  # (paragraph index, start, end) of each artefact


Injector = Callable[[random.Random, str], tuple[str, int, int] | None]


def _words(rng: random.Random, text: str, min_len: int = 3) -> list[regex.Match[str]]:
    found = [m for m in WORD.finditer(text) if len(m.group()) >= min_len]
    rng.shuffle(found)
    return found


def homoglyph(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    for m in _words(rng, text):
        spots = [i for i, ch in enumerate(m.group()) if ch in CYRILLIC]
        if spots:
            i = m.start() + rng.choice(spots)
            return text[:i] + CYRILLIC[text[i]] + text[i + 1 :], m.start(), m.end()
    return None


def invisible(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    m = _words(rng, text, 4)[0]
    i = m.start() + rng.randrange(1, len(m.group()))
    ch = rng.choice(["\u00ad", "\u200b", "\u200d", "\ufeff", "\u2060"])
    return text[:i] + ch + text[i:], i, i + 1


def compat(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    for m in _words(rng, text):
        for pair, lig in (("fi", "\ufb01"), ("fl", "\ufb02"), ("ff", "\ufb00")):
            i = m.group().find(pair)
            if i >= 0:
                i += m.start()
                return text[:i] + lig + text[i + 2 :], i, i + 1
    m = _words(rng, text)[0]
    wide = "".join(chr(ord(c) + 0xFEE0) for c in m.group())
    return text[: m.start()] + wide + text[m.end() :], m.start(), m.end()


def split_word(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    m = _words(rng, text, 8)[0]
    i = m.start() + rng.randrange(3, len(m.group()) - 2)
    return text[:i] + " " + text[i:], m.start(), m.end() + 1


def run_together(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    pairs = list(regex.finditer(r"\b([a-z]+) ([a-z]+)\b", text, overlapped=True))
    rng.shuffle(pairs)
    for m in pairs:
        if m.group(1) in FUNCTION_WORDS or m.group(2) in FUNCTION_WORDS:
            return text[: m.end(1)] + text[m.start(2) :], m.start(), m.end() - 1
    return None


def hyphenation(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    m = _words(rng, text, 7)[0]
    i = m.start() + rng.randrange(3, len(m.group()) - 2)
    mark = rng.choice(["-\n", "- ", "-"])
    return text[:i] + mark + text[i:], m.start(), m.end() + len(mark)


def stray(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    m = _words(rng, text, 4)[0]
    kind = rng.randrange(3)
    if kind == 0:
        wrapped = "_{" + m.group() + "}"
        return text[: m.start()] + wrapped + text[m.end() :], m.start(), m.start() + len(wrapped)
    if kind == 1:
        sym = rng.choice(["¬", "^", "~", "\\", "{", "}"])
        return text[: m.end()] + " " + sym + text[m.end() :], m.end() + 1, m.end() + 2
    i = m.start() + rng.randrange(1, len(m.group()) - 1)
    return text[:i] + "?" + text[i + 1 :], i, i + 1


def lowercase_start(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    starts = [m.start(1) for m in regex.finditer(r"[.] ([A-Z])", text)]
    if not starts:
        i = text.index(", ") + 1
        return text[: i - 1] + ". " + text[i + 1].lower() + text[i + 2 :], i + 1, i + 3
    i = rng.choice(starts)
    return text[:i] + text[i].lower() + text[i + 1 :], i, i + 1


def spacing(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    kind = rng.randrange(2)
    if kind == 0:
        i = rng.choice([m.start() for m in regex.finditer(r"[,.]", text)])
        return text[:i] + " " + text[i:], i, i + 1
    m = rng.choice(list(regex.finditer(r"(?<=[a-z]) (?=[a-z])", text)))
    return text[: m.start()] + "   " + text[m.end() :], m.start(), m.start() + 3


def doubled(rng: random.Random, text: str) -> tuple[str, int, int] | None:
    m = _words(rng, text)[0]
    if m.group() in ("had", "that"):
        return None
    return (
        text[: m.end()] + " " + m.group() + text[m.end() :],
        m.start(),
        m.end() * 2 - m.start() + 1,
    )


INJECTORS: dict[str, Injector] = {
    "ocr.homoglyph": homoglyph,
    "ocr.invisible-char": invisible,
    "ocr.compat-form": compat,
    "ocr.split-word": split_word,
    "ocr.run-together": run_together,
    "ocr.hyphenation": hyphenation,
    "ocr.stray-markup": stray,
    "ocr.lowercase-sentence-start": lowercase_start,
    "ocr.spacing": spacing,
    "prose.doubled-word": doubled,
}
# minimum recall and precision per rule, over every trial
THRESHOLDS = {
    "ocr.homoglyph": (0.95, 0.95),
    "ocr.invisible-char": (0.95, 0.95),
    "ocr.compat-form": (0.95, 0.95),
    "ocr.split-word": (0.9, 0.95),
    "ocr.run-together": (0.9, 0.95),
    "ocr.hyphenation": (0.9, 0.95),
    "ocr.stray-markup": (0.9, 0.9),
    "ocr.lowercase-sentence-start": (0.9, 0.95),
    "ocr.spacing": (0.95, 0.95),
    "prose.doubled-word": (0.9, 0.95),
    "ocr.broken-paragraph": (0.9, 0.95),
    "ocr.page-furniture": (0.95, 0.95),
}
TRIALS = 30
PER_DOC = 3


def _score(rule: str, text: str, spans: list[tuple[int, int]]) -> tuple[int, int, int]:
    findings = lint_text(text, select=[rule])
    hit = [any(f.start < e and s < f.end for f in findings) for s, e in spans]
    false = [f for f in findings if not any(f.start < e and s < f.end for s, e in spans)]
    return sum(hit), len(spans) - sum(hit), len(false)


def _join(paragraphs: list[str]) -> tuple[str, list[int]]:
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 2
    return "\n\n".join(paragraphs) + "\n", offsets


def clean_text() -> str:
    """The paragraphs before any injection, as one document."""
    return _join(PARAGRAPHS)[0]


def trial_case(rule: str, seed: int) -> tuple[str, list[tuple[int, int]]]:
    """One trial's document for ``rule`` and the spans of its injected artefacts."""
    if rule == "ocr.broken-paragraph":
        return _broken_case(seed)
    if rule == "ocr.page-furniture":
        return _furniture_case(seed)
    return _inline_case(rule, seed)


def _inline_case(rule: str, seed: int) -> tuple[str, list[tuple[int, int]]]:
    rng = random.Random(seed)
    paragraphs = list(PARAGRAPHS)
    local: list[tuple[int, int, int]] = []
    for index in rng.sample(range(len(paragraphs)), PER_DOC):
        out = INJECTORS[rule](rng, paragraphs[index])
        if out is not None:
            paragraphs[index] = out[0]
            local.append((index, out[1], out[2]))
    text, offsets = _join(paragraphs)
    return text, [(offsets[i] + s, offsets[i] + e) for i, s, e in local]


def _broken_case(seed: int) -> tuple[str, list[tuple[int, int]]]:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    cut_after: list[int] = []
    chosen = set(rng.sample(range(len(PARAGRAPHS)), PER_DOC))
    for i, p in enumerate(PARAGRAPHS):
        if i in chosen:
            gaps = [m.start() for m in regex.finditer(r"(?<=[a-z]) (?=[a-z])", p)]
            cut = rng.choice(gaps[3:-3])
            paragraphs.append(p[:cut])
            cut_after.append(len(paragraphs) - 1)
            if rng.random() < 0.3:
                paragraphs.append(str(rng.randrange(2, 40)))  # a page number between the halves
            paragraphs.append(p[cut + 1 :])
        else:
            paragraphs.append(p)
    text, offsets = _join(paragraphs)
    spans = [
        (offsets[i] + len(paragraphs[i]) - 1, offsets[i] + len(paragraphs[i]) + 3)
        for i in cut_after
    ]
    return text, spans


def _furniture_case(seed: int) -> tuple[str, list[tuple[int, int]]]:
    rng = random.Random(seed)
    title = rng.choice(["Regional Security Review", "Policy Brief on Energy", "Trade Outlook"])
    style = rng.randrange(3)
    paragraphs = [title, *PARAGRAPHS[:2]]
    furniture: list[int] = []
    page = 2
    for p in PARAGRAPHS[2:]:
        paragraphs.append(p)
        if rng.random() < 0.5:
            label = [f"{title} {page}", f"Page {page} of 12", str(page)][style]
            paragraphs.append(label)
            furniture.append(len(paragraphs) - 1)
            page += 1
    text, offsets = _join(paragraphs)
    if style == 0 and len(furniture) < 2:
        return text, []  # a title repeated once is no running header
    return text, [(offsets[i], offsets[i] + len(paragraphs[i])) for i in furniture]


def _run(rule: str) -> tuple[float, float, int]:
    tp = fn = fp = 0
    for seed in range(TRIALS):
        a, b, c = _score(rule, *trial_case(rule, seed))
        tp, fn, fp = tp + a, fn + b, fp + c
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    return recall, precision, tp + fn


def test_clean_paragraphs_raise_nothing() -> None:
    text, _ = _join(PARAGRAPHS)
    rules = [*INJECTORS, "ocr.broken-paragraph", "ocr.page-furniture"]
    assert lint_text(text, select=rules) == []


@pytest.mark.parametrize("rule", sorted(THRESHOLDS))
def test_recall_and_precision(rule: str) -> None:
    recall, precision, injected = _run(rule)
    print(f"\n{rule:32} injected {injected:3}  recall {recall:.2f}  precision {precision:.2f}")
    min_recall, min_precision = THRESHOLDS[rule]
    assert recall >= min_recall, f"{rule}: recall {recall:.2f} < {min_recall}"
    assert precision >= min_precision, f"{rule}: precision {precision:.2f} < {min_precision}"
