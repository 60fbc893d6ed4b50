"""Words made from known words with a prefix or a derivational suffix.

Technical and academic prose coins words the lexicon lacks but every reader parses
('subsolutions', 'overgeneration', 'linearizer', 'objectness', 'systematicity', 'unrotated',
'retrainable', 'noncompositionality'). A slip of the keyboard or of OCR rarely gives such a word by
chance, so the spelling check leaves them alone. Short endings (-s, -d, -r, -ed, -er) are not
taken on short words: OCR adds such letters to words ('thenr', 'werer'), and two words joined
are left to be judged as misspellings or run-together words. The plural of a long word that is
itself known or derived ('misalignments') is a word. -able and -ible are taken only when the
other ending makes no word: swapping them is a classic misspelling ('responsable').
"""

from __future__ import annotations

from collections.abc import Callable, Container

PREFIXES = (
    "anti", "auto", "bi", "co", "counter", "cross", "de", "dis", "hyper", "inter", "intra",
    "macro", "meta", "micro", "mis", "mono", "multi", "non", "over", "poly", "post", "pre",
    "pseudo", "re", "semi", "sub", "super", "trans", "tri", "un", "under",
)  # fmt: skip
SUFFIXES = (
    "ness", "ity", "ities", "ivity", "icity", "izer", "izers", "ization", "izations", "iser",
    "isers", "isation", "isations", "hood", "ship", "ism", "isms", "ist", "ists", "ings",
)  # fmt: skip
# a long stem takes a short adjective ending too ('selectional')
SHORT_SUFFIXES = ("al",)
MIN_LONG_STEM = 7
# endings that a misspelling swaps for each other: taken only when the other makes no word
SWAPPED = {"able": "ible", "ible": "able"}
LONG_WORD = 6  # a part this long is a word when rarer, down to ``rare_zipf``
LONGER_WORD = 8  # and this long, half a point rarer still
MIN_PLURAL_STEM = 7


def is_derived(
    word: str,
    zipf: Callable[[str], float],
    *,
    min_zipf: float = 3.0,
    rare_zipf: float = 2.5,
    min_stem: int = 4,
    min_rest: int = 5,
    depth: int = 1,
    misspelt: Container[str] = (),
) -> bool:
    """``word`` (lower case) is a known word (at least ``min_zipf`` frequent, or ``rare_zipf``
    when ``LONG_WORD`` letters or more, half a point less from ``LONGER_WORD``) after a prefix
    (``min_rest`` letters or more) or before a suffix (``min_stem`` letters or more), or the
    plural of such a word; with ``depth``, the part may itself be derived so
    ('noncompositionality': non + compositional + ity). A part in
    ``misspelt`` (a list of common misspellings, which word lists hold) is no known word."""

    def known(part: str) -> bool:
        if part in misspelt:
            return False
        size = len(part)
        floor = min_zipf if size < LONG_WORD else rare_zipf - 0.5 * (size >= LONGER_WORD)
        if zipf(part) >= floor:
            return True
        return depth > 0 and is_derived(
            part,
            zipf,
            min_zipf=min_zipf,
            rare_zipf=rare_zipf,
            min_stem=min_stem,
            min_rest=min_rest,
            depth=depth - 1,
            misspelt=misspelt,
        )

    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= min_rest and known(rest):
            return True
    if word.endswith("s") and len(word) > MIN_PLURAL_STEM and not word.endswith("ss"):
        stem = word[:-1]
        if zipf(stem) >= min_zipf or (depth > 0 and known(stem)):
            return True
    for suffix in SUFFIXES + SHORT_SUFFIXES + tuple(SWAPPED):
        stem = word[: -len(suffix)]
        shortest = MIN_LONG_STEM if suffix in SHORT_SUFFIXES else min_stem
        if not word.endswith(suffix) or len(stem) < shortest:
            continue
        swapped = SWAPPED.get(suffix)
        if swapped is not None and zipf(stem + swapped) > 0:
            continue  # 'responsable' is 'responsible' misspelt
        if known(stem) or known(stem + "e"):
            return True
        if stem.endswith("i") and zipf(stem[:-1] + "y") >= min_zipf:
            return True
    return False


# regular endings of inflection and derivation, for :func:`is_regular_form`
# (no bare -d: 'unbaked' is unbake + ed with the e restored, and 'publishd' is no word)
REGULAR_ENDINGS = (
    "s", "es", "ed", "ing", "er", "ers", "ee", "ees", "al", "ly", "ness", "ible", "able", "ive",
    "ic",
)  # fmt: skip
# the agent ending a misspelling swaps ('prosecuter'): taken only when the other makes no word
AGENT_SWAPS = {"er": "or", "ers": "ors"}
MIN_REGULAR_WORD = 7
MIN_REGULAR_STEM = 5
LONG_STEM = 8  # a stem this long may be rarer (``long_zipf``)


def is_regular_form(
    word: str,
    zipf: Callable[[str], float],
    *,
    min_zipf: float = 2.5,
    long_zipf: float = 2.0,
    misspelt: Container[str] = (),
) -> bool:
    """``word`` (lower case, ``MIN_REGULAR_WORD`` letters or more) is a known word with a regular
    ending ('collusions', 'provokers', 'compromiser': a stem of ``MIN_REGULAR_STEM`` letters
    or more, with its final e or y restored or its doubled consonant undone, at least
    ``min_zipf`` frequent, or ``long_zipf`` from ``LONG_STEM`` letters), and not -able for -ible
    or the reverse (nor -er for -or); neither the word nor the stem in ``misspelt`` (common
    misspellings). A rare word of the lexicon one edit from a common one is, if so, the regular
    form of another rare word, not a misspelling that made it into the list; and a word the
    lexicon lacks is a coinage in text without OCR damage.
    """
    if len(word) < MIN_REGULAR_WORD or word in misspelt:
        return False
    for ending in REGULAR_ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < MIN_REGULAR_STEM - 1:
            continue
        if ending == "s" and stem.endswith("s"):
            continue
        if ending == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
            continue  # 'reportes' is no English plural
        swapped = SWAPPED.get(ending) or AGENT_SWAPS.get(ending)
        if swapped is not None and zipf(stem + swapped) > 0:
            return False  # 'defensable' is 'defensible' misspelt
        stems = [stem, stem + "e"]
        if stem.endswith("i"):
            stems.append(stem[:-1] + "y")
        if stem[-1] == stem[-2] and ending[0] in "aeiouy":
            stems.append(stem[:-1])  # 'stopping', 'planner'; English doubles nothing before -s
        for s in stems:
            floor = long_zipf if len(s) >= LONG_STEM else min_zipf
            if len(s) >= MIN_REGULAR_STEM and s not in misspelt and zipf(s) >= floor:
                return True
    return False
