"""name-consistency: one name written two ways (diacritics, hyphenation, capitals).

Spellings meet under a key that ignores diacritics, case and hyphens. Forms differing only in the
case of their first letter (sentence starts) are one form; words on all-capital lines (covers,
headings) are left out. A difference of case alone counts only for names (no form in lower case).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import names

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
    text = doc.prose
    shouting = names.shouting_lines(text)
    groups: dict[str, _Group] = {}
    compounds: dict[str, int] = {}  # key of a hyphenated name → number of parts
    for m in _COMPOUND.finditer(text):
        if not names.inside(shouting, m.start()):
            key = names.fold(m.group())
            compounds[key] = len(regex.split(r"[-‐]", m.group()))
            groups.setdefault(key, _Group()).add(m.group(), m.start(), m.end())
    words = [w for w in doc.words if not names.inside(shouting, w.start)]
    folds: dict[str, str] = {}
    for i, w in enumerate(words):
        if len(w.text) >= options.min_length:
            folded = folds.get(w.text)
            if folded is None:
                folded = folds[w.text] = names.fold(w.text)
            group = groups.get(folded)
            if group is None:
                group = groups[folded] = _Group()
            group.add(w.text, w.start, w.end)
        if not compounds or not w.text[:1].isupper():
            continue  # runs of capitalised words matter only where a hyphenated name is written
        for n in range(2, 5):  # "Nagorno Karabakh" where "Nagorno-Karabakh" is written too
            run = words[i : i + n]
            if len(run) < n or not all(r.text[:1].isupper() for r in run):
                break
            if not all(_GAP.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(run)):
                break
            key = names.fold("".join(r.text for r in run))
            if compounds.get(key) == n:
                form = " ".join(r.text for r in run)
                groups[key].add(form, run[0].start, run[-1].end)
    return groups


def _differ(forms: list[str]) -> bool:
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
