"""ocr-digit-letter: a digit read for a letter inside a word (``Midd1e``, ``B1ack``, ``Kasym0v``).

OCR and PDF extraction confuse letters with the digits that look like them: l/1, I/1, O/0, S/5,
s/3, e/3, B/8, b/6. A run of letters and digits is a misreading when putting the look-alike
letters back gives a word: a word of the lexicon, of the house vocabulary, or one the document
uses. A digit between lower-case letters (``Kasym0v``) is a misreading even when the word is a
name nobody knows, since no code or unit puts one there, unless the document writes the run the
same way again (a package or user name, ``zlib1g``). Codes and units (``G20``, ``CO2``, ``4th``,
``1990s``, ``H2O``, ``B2B``) keep their digits at an edge, between capitals, or give no word, and
pass. Two letters and a digit count only for a very common word in lower case, and a 3 or 5
ending a longer word is a footnote mark ("rates3"), not a plural.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.spelling import analysis
from brieflint.text import tokens

# digit → the letters it is read for (lower case; capitals follow the word's case)
LOOKALIKES: dict[str, str] = {"0": "o", "1": "li", "3": "se", "5": "s", "6": "b", "8": "b"}
_RUN = regex.compile(r"(?<![\p{L}\p{N}_.,/-])[\p{L}\p{N}]+(?![\p{L}\p{N}_]|[.,/-]\p{N})")
_DIGITS = "0123456789"
# digits read for "s" that, at the end of a word, would turn a footnote mark into a plural
FOOTNOTE_LIKE = frozenset("35")
SHORT_ZIPF = 5.0  # a run of two letters and a digit counts only for a word this common


class DigitLetterOptions(Options):
    min_length: int = Field(3, ge=2, description="Shorter runs are not judged.")
    min_zipf: float = Field(
        2.5, description="A lexicon word this common counts as the word meant (Zipf)."
    )
    max_digits: int = Field(2, ge=1, description="Runs with more digits are codes.")


def check(doc: Document, options: DigitLetterOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    done = -1
    counts = analysis.words_of(doc).folded
    runs: list[regex.Match[str]] = []
    for pos in tokens.char_offsets(prose, _DIGITS):
        if pos < done:
            continue
        m = _run_around(prose, pos)
        if m is None:
            continue
        done = m.end()
        runs.append(m)
    written = Counter(m.group().lower() for m in runs)
    for m in runs:
        run = m.group()
        guess = _reading(run, options, ctx, counts, written[run.lower()])
        if guess is not None:
            yield Hit(m.start(), m.end(), {"word": run, "suggestion": guess}, (guess,))


def _run_around(prose: str, pos: int) -> regex.Match[str] | None:
    """The run of letters and digits holding ``pos`` (None when it has no letter)."""
    start = pos
    while start > 0 and (prose[start - 1].isalnum()):
        start -= 1
    m = _RUN.match(prose, start)
    if m is None or m.end() <= pos or not any(ch.isalpha() for ch in m.group()):
        return None
    return m


def _reading(
    run: str, options: DigitLetterOptions, ctx: Context, counts: dict[str, int], times: int = 1
) -> str | None:
    """The word ``run`` is a misreading of, or None when it is not one."""
    digits = [i for i, ch in enumerate(run) if ch.isdigit()]
    if len(run) < options.min_length or len(digits) > options.max_digits:
        return None
    if any(run[i] not in LOOKALIKES for i in digits):
        return None
    letters = [ch for ch in run if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isascii() for ch in letters):
        return None
    # "ha3", "h1s": two letters and a digit make a misreading only of a common word in lower
    # case, and a number first is a number and its suffix or unit ("80th", "1st", "5kg")
    short = len(letters) < 3
    if short and (not "".join(letters).islower() or run[0].isdigit()):
        return None
    upper = sum(ch.isupper() for ch in letters)
    capitals = upper == len(letters)
    if not capitals and upper > 1:
        return None  # mixed case with digits: a code ("NiCd2"), not a word
    if not short and run[-1] in FOOTNOTE_LIKE and run[-2].isalpha():
        return None  # "rates3": a footnote mark run into a word reads as its plural
    inside = all(
        0 < i < len(run) - 1 and run[i - 1].isalpha() and run[i + 1].isalpha() for i in digits
    )
    lexicon = ctx.lexicon
    first: str | None = None
    for choice in itertools.product(*(LOOKALIKES[run[i]] for i in digits)):
        chars = list(run)
        for i, letter in zip(digits, choice, strict=True):
            chars[i] = letter.upper() if capitals or (i == 0 and run[1:2].islower()) else letter
        word = "".join(chars)
        first = first or word
        if short:
            known = lexicon.zipf(word) >= SHORT_ZIPF
        else:
            known = lexicon.zipf(word) >= options.min_zipf or ctx.vocabulary.accepts(word)
        if known or counts.get(word.lower(), 0) > 0:
            return word
    lower_around = inside and all(run[i - 1].islower() and run[i + 1].islower() for i in digits)
    # an unknown word written the same way again is a name with digits in it (a package, a
    # user name), not a misreading, which seldom comes out the same twice
    return first if lower_around and len(run) >= 5 and times < 2 else None


KIND = Kind(
    "ocr-digit-letter",
    DigitLetterOptions,
    check,
    "A digit read for a look-alike letter inside a word (Midd1e, B1ack, Kasym0v).",
)
