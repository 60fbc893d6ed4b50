"""name-consistency: one name written two ways (diacritics, hyphenation, capitals).

Spellings meet under a key that ignores diacritics, case and hyphens. Forms differing only in the
case of their first letter (sentence starts) are one form; words on all-capital lines (covers,
headings) and in runs of words in capitals ("ANNA K. BERG", "THE CROWN V. HOLT": a name set in
capitals, as newspapers set them) are left out, and so is a word set in capitals beside a form
as common or commoner in its usual case ("LYON, Monday", "Mr. HARKER"): typography, not
spelling; an acronym the draft writes in capitals most often ("NATO") still meets "Nato". A
difference of case alone counts only for names (no form in lower case). Compatibility forms
(full-width letters) are another rule's defect.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.text import names
from brieflint.text.tokens import Span

_COMPOUND = regex.compile(r"\p{Lu}[\p{L}\p{M}]+(?:[-‐]\p{Lu}[\p{L}\p{M}]+)+")
_CAPITAL = regex.compile(r"\p{Lu}")
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
    only the words of a differing group are visited again for their places; a key met by one
    word form alone (nearly all of them) is set aside unvisited unless a hyphenated name or a
    run of words shares it."""
    text = doc.prose
    shouting = names.shouting_lines(doc)
    groups, compounds = _compounds(text, shouting)
    kept = _outside(doc.words.starts, names.union(shouting, names.capital_runs(doc)))
    words = doc.words.pick(kept)
    texts = words.texts  # the picked words' texts: no second copy
    runs = _runs(text, words, compounds) if compounds else {}
    distinct = [form for form in dict.fromkeys(texts) if len(form) >= options.min_length]
    folds = _folds(distinct)
    shared = {key for key, n in Counter(folds.values()).items() if n > 1}
    shared.update(groups)
    shared.update(key for added in runs.values() for key, _, _, _ in added)
    forms: dict[str, dict[str, None]] = {key: dict.fromkeys(g.forms) for key, g in groups.items()}
    for form, key in itertools.compress(folds.items(), map(shared.__contains__, folds.values())):
        forms.setdefault(key, {})[form] = None
    for added in runs.values():
        for key, form, _, _ in added:
            forms[key][form] = None
    wanted = {key: groups.get(key) or _Group() for key, fs in forms.items() if _differ(list(fs))}
    if not wanted:
        return wanted
    written = {form for form, key in folds.items() if key in wanted}
    places = itertools.compress(range(len(texts)), map(written.__contains__, texts))
    for i in sorted({*places, *runs}):
        w = words[i]
        if w.text in written:
            wanted[folds[w.text]].add(w.text, w.start, w.end)
        for key, form, start, end in runs.get(i, ()):
            if key in wanted:
                wanted[key].add(form, start, end)
    return wanted


def _folds(forms: list[str]) -> dict[str, str]:
    """``{form: names.fold(form)}`` in the order of ``forms`` (word tokens, so without hyphens).

    ``fold`` lowers an ASCII word and strips its hyphens, and a word token has none: the ASCII
    forms (nearly all) are lowered in one pass at C speed, only the others go through ``fold``.
    """
    folds = dict(zip(forms, map(str.lower, forms), strict=True))
    for form in itertools.filterfalse(str.isascii, forms):
        folds[form] = names.fold(form)
    return folds


def _compounds(
    text: str, shouting: list[tuple[int, int]]
) -> tuple[dict[str, _Group], dict[str, int]]:
    """Groups of the hyphenated names, and the number of parts of each (by key)."""
    groups: dict[str, _Group] = {}
    compounds: dict[str, int] = {}  # key of a hyphenated name → number of parts
    if not _hyphen_before_capital(text):
        return groups, compounds  # most drafts: no hyphenated name to find
    for m in _COMPOUND.finditer(text):
        if not names.inside(shouting, m.start()):
            key = names.fold(m.group())
            compounds[key] = len(regex.split(r"[-‐]", m.group()))
            groups.setdefault(key, _Group()).add(m.group(), m.start(), m.end())
    return groups, compounds


def _hyphen_before_capital(text: str) -> bool:
    """A hyphen followed by a capital, as every hyphenated name has: a draft has a few hyphens,
    found by ``str.find`` far faster than a scan with ``_COMPOUND`` would take."""
    for hyphen in "-‐":
        at = text.find(hyphen)
        while at != -1:
            if _CAPITAL.match(text, at + 1):
                return True
            at = text.find(hyphen, at + 1)
    return False


def _outside(starts: Sequence[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The index ranges of the words (by their ``starts``, ascending) that do not start inside
    ``spans`` (sorted and disjoint)."""
    kept: list[tuple[int, int]] = []
    pos = 0
    for begin, end in spans:
        lo = bisect.bisect_left(starts, begin)
        hi = bisect.bisect_left(starts, end)
        if lo > pos:
            kept.append((pos, lo))
        pos = max(pos, hi)
    kept.append((pos, len(starts)))
    return kept


def _runs(
    text: str, words: Sequence[Span], compounds: dict[str, int]
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


def _compatibility(form: str) -> bool:
    """``form`` holds compatibility characters (full-width letters, ligatures): a defect of
    its own, reported by the compat-form kind, not a second spelling."""
    if form.isascii():
        return False
    composed = unicodedata.normalize("NFC", form)  # a decomposed accent is no such character
    return unicodedata.normalize("NFKC", composed) != composed


def _capitals(form: str) -> bool:
    """``form`` is set in capitals ("LYON"), which says nothing about how it is spelt."""
    return len(form) > 1 and form.isupper()


def check(doc: Document, options: NameConsistencyOptions, ctx: Context) -> Iterator[Hit]:
    for group in _collect(doc, options).values():
        for form in [f for f in group.forms if _compatibility(f)]:
            del group.forms[form]  # "ｆｏｒｅｉｇｎ": a compatibility form, ocr.compat-form's
        if len(group.forms) < 2 or not _differ(list(group.forms)):
            continue  # one form (the common case) never differs
        merged: dict[str, list[tuple[int, int]]] = {}
        for form, places in group.forms.items():
            merged.setdefault(_identity(form), []).extend(places)
        shown = {ident: _shown(group, ident) for ident in merged}
        # the most frequent form wins; on a tie, the one with more diacritics, then the one not
        # set in capitals
        winner = max(
            merged,
            key=lambda f: (len(merged[f]), sum(ord(c) > 127 for c in f), not _capitals(shown[f])),
        )
        for ident, places in merged.items():
            if ident == winner:
                continue
            if _capitals(shown[ident]) and ident.casefold() == winner.casefold():
                continue  # "LYON" beside as many "Lyon": set in capitals, spelt the same
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
    whole_document=True,
)
