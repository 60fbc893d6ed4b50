"""Letters of other scripts that look like Latin ones (UTS #39 confusables).

The confusable pairs come from the Unicode consortium's ``confusables.txt`` through the
confusable-homoglyphs library; scripts come from ``regex``'s Unicode properties. This module only
picks, for one character, the Latin letter of the same case that it imitates.
"""

from __future__ import annotations

from functools import lru_cache

import regex

LATIN = regex.compile(r"\p{Script=Latin}")
LOOKALIKE_SCRIPT = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)
def latin_letter(char: str) -> str | None:
    """The ASCII Latin letter that ``char`` imitates, keeping its case; None when there is none."""
    if _LATIN_LETTER.fullmatch(char):
        return char
    from confusable_homoglyphs import confusables  # imported only when a lookalike turns up

    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
    upper = char.isupper()
    for entry in found:
        for glyph in entry.get("homoglyphs", []):
            c = glyph.get("c", "")
            if len(c) == 1 and _LATIN_LETTER.fullmatch(c) and c.isupper() == upper:
                return str(c)
    return None


def latin_form(token: str) -> str | None:
    """``token`` with every lookalike letter replaced by its Latin twin; None if one has none."""
    out = []
    for ch in token:
        if LOOKALIKE_SCRIPT.match(ch):
            latin = latin_letter(ch)
            if latin is None:
                return None
            out.append(latin)
        else:
            out.append(ch)
    return "".join(out)


def has_latin(token: str) -> bool:
    return LATIN.search(token) is not None


def has_lookalike_script(token: str) -> bool:
    return LOOKALIKE_SCRIPT.search(token) is not None
