"""name-consistency: one name written two ways (diacritics, hyphenation, capitals).

Spellings meet under a key that ignores diacritics, case and hyphens. Forms differing only in the
case of their first letter (sentence starts) are one form; words on all-capital lines (covers,
headings) are left out. A difference of case alone counts only for names (no form in lower case).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import names
from brieflint.text.tokens import Span

_COMPOUND = regex.compile(r"\p{Lu}[\p{L}\p{M}]+(?:[-‐]\p{Lu}[\p{L}\p{M}]+)+")
_GAP = regex.compile(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*")


class NameConsistencyOptions(Options):
    min_length: int = Field(3, ge=2, description="Shorter words are not compared.")


@dataclass
class _Group:
    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, form: str, start: int, end: int) -> None:
        places = self.forms.get(form)
        if places is None:
            self.forms[form] = [(start, end)]
        else:
            places.append((start, end))


def _identity(form: str) -> str:
    """Forms equal but for the case of their first letter are one form."""
    return form[:1].lower() + form[1:]


def _collect(doc: Document, options: NameConsistencyOptions) -> dict[str, _Group]:
    """The groups of spellings that differ (what ``check`` reports), each with its forms and
    places in the order of the text. The forms are gathered per distinct word first, so that
    only the words of a differing group are visited again for their places."""
    text = doc.prose
    shouting = names.shouting_lines(doc)
    groups, compounds = _compounds(text, shouting)
    words = _outside(doc.words, shouting)
    runs = _runs(text, words, compounds) if compounds else {}
    folds = {
        form: names.fold(form)
        for form in dict.fromkeys(w.text for w in words)  # in order of first use
        if len(form) >= options.min_length
    }
    forms: dict[str, dict[str, None]] = {key: dict.fromkeys(g.forms) for key, g in groups.items()}
    for form, key in folds.items():
        forms.setdefault(key, {})[form] = None
    for added in runs.values():
        for key, form, _, _ in added:
            forms[key][form] = None
    wanted = {key: groups.get(key) or _Group() for key, fs in forms.items() if _differ(list(fs))}
    if not wanted:
        return wanted
    written = {form for form, key in folds.items() if key in wanted}
    for i, w in enumerate(words):
        if w.text in written:
            wanted[folds[w.text]].add(w.text, w.start, w.end)
        for key, form, start, end in runs.get(i, ()):
            if key in wanted:
                wanted[key].add(form, start, end)
    return wanted


def _compounds(
    text: str, shouting: list[tuple[int, int]]
) -> tuple[dict[str, _Group], dict[str, int]]:
    """Groups of the hyphenated names, and the number of parts of each (by key)."""
    groups: dict[str, _Group] = {}
    compounds: dict[str, int] = {}  # key of a hyphenated name → number of parts
    for m in _COMPOUND.finditer(text):
        if not names.inside(shouting, m.start()):
            key = names.fold(m.group())
            compounds[key] = len(regex.split(r"[-‐]", m.group()))
            groups.setdefault(key, _Group()).add(m.group(), m.start(), m.end())
    return groups, compounds


def _outside(words: list[Span], spans: list[tuple[int, int]]) -> list[Span]:
    """The words that do not start inside ``spans`` (sorted and disjoint): slices between them."""
    if not spans:
        return words
    kept: list[Span] = []
    pos = 0
    for begin, end in spans:
        lo = bisect.bisect_left(words, begin, key=_start)
        hi = bisect.bisect_left(words, end, key=_start)
        kept.extend(words[pos:lo])
        pos = max(pos, hi)
    kept.extend(words[pos:])
    return kept


def _start(span: Span) -> int:
    return span.start


def _runs(
    text: str, words: list[Span], compounds: dict[str, int]
) -> dict[int, list[tuple[str, str, int, int]]]:
    """Runs of capitalised words written where a hyphenated name is ("Nagorno Karabakh" beside
    "Nagorno-Karabakh"): index of the first word → (key, form, start, end) of each."""
    found: dict[int, list[tuple[str, str, int, int]]] = {}
    for i, w in enumerate(words):
        if not w.text[:1].isupper():
            continue
        for n in range(2, 5):
            run = words[i : i + n]
            if len(run) < n or not all(r.text[:1].isupper() for r in run):
                break
            if not all(_GAP.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(run)):
                break
            key = names.fold("".join(r.text for r in run))
            if compounds.get(key) == n:
                form = " ".join(r.text for r in run)
                found.setdefault(i, []).append((key, form, run[0].start, run[-1].end))
    return found


def _differ(forms: list[str]) -> bool:
    if len(forms) < 2:
        return False  # one form (the common case) never differs
    identities = {_identity(f) for f in forms}
    if len(identities) < 2:
        return False
    plain = {names.strip_marks(f).replace("-", " ").replace("‐", " ") for f in identities}
    if len(plain) < len(identities):
        return True  # diacritics or hyphenation differ
    # only case differs: a name only when every form starts with a capital
    return all(f[:1].isupper() for f in forms)


def check(doc: Document, options: NameConsistencyOptions, ctx: Context) -> Iterator[Hit]:
    for group in _collect(doc, options).values():
        if len(group.forms) < 2 or not _differ(list(group.forms)):
            continue  # one form (the common case) never differs
        merged: dict[str, list[tuple[int, int]]] = {}
        for form, places in group.forms.items():
            merged.setdefault(_identity(form), []).extend(places)
        shown = {ident: _shown(group, ident) for ident in merged}
        # the most frequent form wins; on a tie, the one with more diacritics
        winner = max(merged, key=lambda f: (len(merged[f]), sum(ord(c) > 127 for c in f)))
        for ident, places in merged.items():
            if ident == winner:
                continue
            for start, end in sorted(places):
                params = {
                    "form": shown[ident],
                    "count": len(places),
                    "other": shown[winner],
                    "other_count": len(merged[winner]),
                }
                yield Hit(start, end, params, (shown[winner],))


def _shown(group: _Group, ident: str) -> str:
    """The form as most often written (capitalised or not)."""
    candidates = [f for f in group.forms if _identity(f) == ident]
    return max(candidates, key=lambda f: (len(group.forms[f]), f[:1].isupper()))


KIND = Kind(
    "name-consistency",
    NameConsistencyOptions,
    check,
    "One name written two ways: diacritics, hyphenation or capitals.",
)
