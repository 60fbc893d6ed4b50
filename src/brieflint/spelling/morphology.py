"""Words made from known words with a prefix or a derivational suffix.

Technical and academic prose coins words the lexicon lacks but every reader parses
('subsolutions', 'overgeneration', 'linearizer', 'objectness', 'systematicity'). A slip of the
keyboard or of OCR rarely gives such a word by chance, so the spelling check leaves them alone.
Short endings (-s, -d, -r, -ed, -er) are not taken: OCR adds such letters to words ('thenr',
'werer'), and two words joined are left to be judged as misspellings or run-together words.
"""

from __future__ import annotations

from collections.abc import Callable

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


def is_derived(
    word: str,
    zipf: Callable[[str], float],
    *,
    min_zipf: float = 3.0,
    min_stem: int = 4,
    min_rest: int = 5,
) -> bool:
    """``word`` (lower case) is a known word (at least ``min_zipf`` frequent) after a prefix
    (``min_rest`` letters or more) or before a suffix (``min_stem`` letters or more)."""
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= min_rest and zipf(rest) >= min_zipf:
            return True
    for suffix in SUFFIXES + SHORT_SUFFIXES:
        stem = word[: -len(suffix)]
        shortest = MIN_LONG_STEM if suffix in SHORT_SUFFIXES else min_stem
        if not word.endswith(suffix) or len(stem) < shortest:
            continue
        if zipf(stem) >= min_zipf or zipf(stem + "e") >= min_zipf:
            return True
        if stem.endswith("i") and zipf(stem[:-1] + "y") >= min_zipf:
            return True
    return False
