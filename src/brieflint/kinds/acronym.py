"""acronym: acronyms defined as "Full Name (ACR)" against the acronyms the text uses.

``report: near-miss`` finds an undefined acronym one letter away from a defined one (``SBS`` where
``SPS`` was defined); ``report: undefined`` finds acronyms used but defined nowhere and not known.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import doccache, names

_ACRONYM = r"\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*"
USE = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-])(?P<acr>{_ACRONYM})s?(?![\p{{L}}\p{{N}}])")
# "Full Name (ACR)" and "ACR (Full Name)"
DEFINED_AFTER = regex.compile(rf"(?<=[\p{{L}}\p{{M}}.'’-])\s*\(\s*(?P<acr>{_ACRONYM})s?\s*\)")
DEFINED_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<acr>{_ACRONYM})s?\s*\(\s*(?P<full>\p{{L}}[^()\n]{{2,120}})\)"
)
_CONNECTORS = frozenset("of for and on in the de du des la le van von der &".split())
_ROMAN = regex.compile(r"[IVXLCDM]+")


class AcronymOptions(Options):
    report: Literal["near-miss", "undefined"] = Field(
        description='"near-miss": one letter from a defined acronym; "undefined": never defined '
        "and not known."
    )
    known: list[str] = Field(
        default_factory=list, description="Acronyms every reader knows; they need no definition."
    )
    max_length: int = Field(8, ge=2, description="Longer all-capital words are not acronyms.")


@dataclass(frozen=True, slots=True)
class Definition:
    acronym: str
    full: str
    line: int


def definitions(doc: Document) -> dict[str, Definition]:
    found: dict[str, Definition] = {}
    text = doc.prose
    for m in DEFINED_AFTER.finditer(text):
        acr = m.group("acr")
        if acr not in found:
            full = _full_name(text[max(0, m.start() - 200) : m.start()], len(acr))
            found[acr] = Definition(acr, full, doc.position(m.start("acr"))[0])
    for m in DEFINED_BEFORE.finditer(text):
        acr = m.group("acr")
        if acr not in found and len(m.group("full").split()) >= 2:
            full = " ".join(m.group("full").split())
            found[acr] = Definition(acr, full, doc.position(m.start("acr"))[0])
    return found


def _full_name(before: str, letters: int) -> str:
    """The words before a "(ACR)" that spell it out: as many as it has letters, plus connectors."""
    words = before.split()
    taken: list[str] = []
    counted = 0
    while words and counted < letters:
        word = words.pop()
        taken.append(word)
        if word.casefold() not in _CONNECTORS:
            counted += 1
    return " ".join(reversed(taken))


def near_miss(acronym: str, defined: dict[str, Definition]) -> Definition | None:
    """A defined acronym of the same length differing in exactly one letter."""
    for other, definition in defined.items():
        if (
            len(other) == len(acronym)
            and sum(a != b for a, b in zip(other, acronym, strict=True)) == 1
        ):
            return definition
    return None


@dataclass(frozen=True, slots=True)
class Use:
    acronym: str
    start: int  # of the acronym
    end: int
    at: int  # start of the whole match (a plural "s" follows the acronym)


def uses(doc: Document) -> list[Use]:
    """Every acronym the prose uses, in order."""
    return [Use(m.group("acr"), *m.span("acr"), m.start()) for m in USE.finditer(doc.prose)]


def check(doc: Document, options: AcronymOptions, ctx: Context) -> Iterator[Hit]:
    # both acronym rules (near-miss, undefined) read the same analysis: made once per document
    defined = doccache.memo(doc, "acronym.definitions", definitions)
    known = {k.upper() for k in options.known}
    shouting = names.shouting_lines(doc)
    reported: set[str] = set()
    for use in doccache.memo(doc, "acronym.uses", uses):
        acr = use.acronym
        if (
            acr in defined
            or acr in known
            or len(acr) > options.max_length
            or _ROMAN.fullmatch(acr)
            or ctx.vocabulary.accepts(acr)
            or names.inside(shouting, use.at)
            or _in_capitals(doc.prose, use.start, use.end)
        ):
            continue
        start, end = use.start, use.end
        miss = near_miss(acr, defined)
        if options.report == "near-miss" and miss is not None:
            params = {"acronym": acr, "defined": miss.acronym, "full": miss.full, "line": miss.line}
            yield Hit(start, end, params, (miss.acronym,))
        elif options.report == "undefined" and miss is None and acr not in reported:
            reported.add(acr)
            yield Hit(start, end, {"acronym": acr})


_CAPS_WORD = regex.compile(r"\p{Lu}[\p{Lu}\p{N}&'’-]+")
_WORD_BEFORE = regex.compile(r"(?r)(\S+)[ \t]+$")
_WORD_AFTER = regex.compile(r"[ \t]+(\S+)")
CAPITALS_RUN = 3  # words in capitals in a row: a heading or a name set in capitals


def _in_capitals(prose: str, start: int, end: int) -> bool:
    """The word at ``[start, end)`` stands among other words in capitals on its line ("PAPER ON
    CLUSTERING IN THE SMART SYSTEM"): a phrase set in capitals, not an acronym."""
    run, lo, hi = 1, start, end
    while run < CAPITALS_RUN and (m := _WORD_BEFORE.search(prose, max(0, lo - 60), lo)):
        if not _CAPS_WORD.fullmatch(m.group(1)):
            break
        run, lo = run + 1, m.start(1)
    while run < CAPITALS_RUN and (m := _WORD_AFTER.match(prose, hi)):
        if not _CAPS_WORD.fullmatch(m.group(1)):
            break
        run, hi = run + 1, m.end(1)
    return run >= CAPITALS_RUN


KIND = Kind(
    "acronym",
    AcronymOptions,
    check,
    "Acronyms: near-misses of defined ones, undefined.",
    whole_document=True,
)
