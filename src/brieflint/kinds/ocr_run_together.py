"""ocr-run-together: words joined by a lost space ("wordsin", "arethe", "1For", "regionThe")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import segment

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

_LOWER = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’@./_-])\p{Ll}{5,40}(?![\p{L}\p{M}\p{N}'’@/_-])")
_NUMBER_WORD = regex.compile(r"(?<![\p{L}\p{N}.,/])(\d{1,3})(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{N}])")
_CAMEL = regex.compile(
    r"(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{1,20}|\p{Ll}{2,20})(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{N}])"
)
# a common word glued to a number, either way round: "of0.978", "between 0and 1"
_WORD_NUMBER = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.,/_-])(\p{Ll}{2,12})(\d[\d.,]*\d|\d)(?![\p{L}\p{N}])"
)
_NUMBER_LOWER = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.,/_-])(\d+)(\p{Ll}{3,12})(?![\p{L}\p{M}\p{N}])"
)
_DIGIT_LETTER = re.compile(r"[a-z][0-9]|[0-9][a-z]")  # where either can match (a C-speed scan)
# a capitalised token that splits into words ("Wealso", "Thechallenge", "Proceedingsof")
_CAPITAL_WORD = regex.compile(r"\p{Lu}\p{Ll}{4,40}")
_CAPITAL = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’@./_-])\p{Lu}\p{Ll}{4,40}(?![\p{L}\p{M}\p{N}'’@/_-])"
)
GLUE_WORD_ZIPF = 6.0  # "we", "the", "of": a word this common glued to a capitalised token
_LOWER_WORD = regex.compile(r"\p{Ll}{5,40}")  # a word _LOWER can match whole
_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")  # a word _CAMEL can match inside
# particles that English compounds begin with ("overrun", "outvote", "upend", "downplay")
PARTICLES = frozenset({"over", "under", "out", "up", "down", "off"})
MAX_TOKEN_ZIPF = 3.5  # a token more frequent than this is a word, whatever it looks like
UNKNOWN_ZIPF = 1.5
COMMON_WORD_ZIPF = 5.5  # "in", "the", "are": the words a lost space most often glues on
CONTENT_WORD_ZIPF = 4.0
DERIVED_STEM_ZIPF = 2.5  # segment.KNOWN_ZIPF: the stem is a word


SPLIT = unsafe(
    "put the lost space back",
    "The split into common words is far likelier than the token, but the token can be a name, "
    'a term or a word the lexicon lacks, and a few split two ways ("therapist"): a person '
    "decides. A number run into a word gets no fix (the number is usually a footnote mark).",
)


class RunTogetherOptions(Options):
    numbers: bool = Field(
        True, description='Report a footnote number run into the next word ("1For").'
    )
    camel_case: bool = Field(
        True, description='Report a lower-case word run into a capitalised one ("regionThe").'
    )


def check(doc: Document, options: RunTogetherOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    lexicon = ctx.lexicon
    counts = segment.word_counts(doc)
    forms = segment.word_forms(doc)
    yield from _lower_hits(doc, forms, lexicon, counts)
    if options.numbers:
        for m in _NUMBER_WORD.finditer(prose):
            if lexicon.zipf(m.group(2)) >= CONTENT_WORD_ZIPF:
                split = f"{m.group(1)} {m.group(2)}"
                yield Hit(*m.span(), {"words": split}, (split,))
        yield from _number_hits(doc, lexicon)
    if options.camel_case:
        yield from _camel_hits(doc, forms, lexicon, counts)
    yield from _capital_hits(doc, forms, lexicon, counts)


def _number_hits(doc: Document, lexicon: Lexicon) -> Iterator[Hit]:
    """A very common word glued to a number: "of0.978", "0and". Only words at least as common
    as "in" or "the" count, so units and suffixes ("5km", "10th", "mp3") stay alone."""
    prose = doc.prose
    done = 0
    for seam in _DIGIT_LETTER.finditer(prose):
        if seam.start() < done:
            continue
        start = seam.start()
        while start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in ".,"):
            start -= 1  # back to the start of the token: "0.5and"
        for pattern, letters in ((_WORD_NUMBER, 1), (_NUMBER_LOWER, 2)):
            m = pattern.match(prose, start)
            if m is not None and lexicon.zipf(m.group(letters)) >= COMMON_WORD_ZIPF:
                split = f"{m.group(1)} {m.group(2)}"
                yield Hit(*m.span(), {"words": split}, (split,))
                done = m.end()
                break


def _capital_hits(
    doc: Document, forms: frozenset[str], lexicon: Lexicon, counts: Counter[str]
) -> Iterator[Hit]:
    """A capitalised token that is no word and splits into words: a very common first word and
    content words ("Wealso", "Thechallenge"), or a content word and a function word glued on
    ("Proceedingsof"). Names are capitalised too, so the split must be this plain."""
    memo = segment.lexicon_memo(lexicon, "run_together.capital", _split_capital)
    splits = frozenset(f for f in forms if _CAPITAL_WORD.fullmatch(f) and memo[f] is not None)
    if not splits:
        return
    prose = doc.prose
    for i, word in enumerate(doc.words):
        if word.text not in splits or counts.get(word.text.casefold(), 0) >= 2:
            continue
        m = _CAPITAL.match(prose, word.start)
        if m is None or m.end() != word.end:
            continue
        parts = memo[word.text]
        assert parts is not None
        if parts[-1] not in segment.FUNCTION_WORDS and _beside_a_name(doc, i):
            continue  # "Mr. Atherfold", "Usworth Colliery": a name among names; but a title's
            # "International Workshopon Retrieval" ends in a function word glued on
        words = " ".join([parts[0].capitalize(), *parts[1:]])
        yield Hit(*m.span(), {"words": words}, (words,))


def _beside_a_name(doc: Document, i: int) -> bool:
    """Word ``i`` has a capitalised neighbour in its sentence that is no function word ("Mr.
    Atherfold", "Usworth Colliery"): a capitalised token there is a name, not two words."""
    words, prose = doc.words, doc.prose
    for j, (lo, hi) in ((i - 1, (i - 1, i)), (i + 1, (i, i + 1))):
        if not 0 <= j < len(words):
            continue
        other = words[j].text
        between = prose[words[lo].end : words[hi].start]
        if len(between) > 3 or any(c in between for c in "\n,;:!?()"):
            continue
        if "." in between and j < i and other.casefold() not in _TITLES:
            continue  # a sentence ends between them: "... in 1990. Thechallenge"
        if other[:1].isupper() and other.casefold() not in segment.FUNCTION_WORDS:
            return True
    return False


# titles a name follows after a full stop ("Mr. Atherfold")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "messrs", "rev", "prof", "sir", "capt", "col"})


def _split_capital(form: str, lexicon: Lexicon) -> list[str] | None:
    folded = form.casefold()
    if lexicon.zipf(folded) >= UNKNOWN_ZIPF or lexicon.vocabulary.accepts(form):
        return None
    parts = segment.segment(folded, lexicon)
    if not parts or segment.near_known(folded, lexicon):
        return None
    zipfs = [lexicon.zipf(p) for p in parts]
    rest = list(zip(parts[1:], zipfs[1:], strict=True))
    # "Wealso"; "Sincethis" (a common first word and a function word); never "Daybell"
    first_common = (
        zipfs[0] >= GLUE_WORD_ZIPF
        or (zipfs[0] >= COMMON_WORD_ZIPF and max(zipfs[1:]) >= GLUE_WORD_ZIPF)
    ) and all((len(p) >= 4 and z >= CONTENT_WORD_ZIPF) or z >= GLUE_WORD_ZIPF for p, z in rest)
    glued_on = (
        parts[-1] in segment.FUNCTION_WORDS
        and zipfs[-1] >= GLUE_WORD_ZIPF
        and all(
            len(p) >= 5 and z >= CONTENT_WORD_ZIPF for p, z in zip(parts, zipfs[:-1], strict=False)
        )
    )
    return parts if first_common or glued_on else None


def _lower_hits(
    doc: Document, forms: frozenset[str], lexicon: Lexicon, counts: Counter[str]
) -> Iterator[Hit]:
    """Lower-case tokens that split into common words ("wordsin", "arethe").

    Such a token is a whole word of ``doc.words``, so each distinct word is judged once (the
    judgement is kept for the run) and the pattern is run only where a word that splits stands.
    """
    rare = segment.lexicon_memo(lexicon, "run_together.rare", _rare_lower)
    memo = segment.lexicon_memo(lexicon, "run_together.split", _split_form)
    splits = [
        form
        for form in filter(rare.__getitem__, forms)
        if counts.get(form, 0) < 2 and memo[form] is not None
    ]
    if not splits:
        return
    prose = doc.prose
    for start in _starts_of(doc, frozenset(splits)):
        m = _LOWER.match(prose, start)
        if m is None:
            continue  # part of a longer run, or next to a digit, '@', '/' ...
        parts = _split(m.group(), lexicon, counts)
        if parts:
            split = " ".join(parts)
            yield Hit(*m.span(), {"words": split}, (split,), (Edit(*m.span(), split),))


def _camel_hits(
    doc: Document, forms: frozenset[str], lexicon: Lexicon, counts: Counter[str]
) -> Iterator[Hit]:
    """Two words glued with the second's capital ("regionThe"), searched inside the words that
    have a lower-case letter right before a capital only (few do)."""
    memo = segment.lexicon_memo(lexicon, "run_together.camel", _has_camel)
    camel = frozenset(form for form in forms if memo[form])
    if not camel:
        return
    prose = doc.prose
    for word in doc.words:
        if word.text not in camel:
            continue
        # one character past the word, so that the look-ahead sees what follows it
        for m in _CAMEL.finditer(prose, word.start, min(word.end + 1, len(prose))):
            a, b = m.group(1), m.group(2)
            if a[0].isupper() and len(a) < 3 and a.casefold() not in segment.FUNCTION_WORDS:
                continue  # "McNew", "DeLuca": a name; "InProceedings" is two words
            if (
                lexicon.zipf(m.group()) < UNKNOWN_ZIPF
                and not lexicon.vocabulary.accepts(m.group())
                and counts.get(m.group().casefold(), 0) < 2
                and lexicon.zipf(a) >= CONTENT_WORD_ZIPF
                and lexicon.zipf(b) >= CONTENT_WORD_ZIPF
            ):
                split = f"{a} {b}"
                yield Hit(*m.span(), {"words": split}, (split,), (Edit(*m.span(), split),))


def _starts_of(doc: Document, forms: frozenset[str]) -> list[int]:
    """Offsets of the words of ``doc`` spelt as one of ``forms``, in order."""
    return [w.start for w in doc.words if w.text in forms]


def _rare_lower(form: str, lexicon: Lexicon) -> bool:
    """A word the pattern can match whole and ``_split`` does not dismiss at first sight."""
    if _LOWER_WORD.fullmatch(form) is None:
        return False
    return lexicon.zipf(form) < MAX_TOKEN_ZIPF and not lexicon.vocabulary.accepts(form)


def _split_form(form: str, lexicon: Lexicon) -> list[str] | None:
    """``_split`` of a word as if the document used it once."""
    return _split(form, lexicon, Counter())


def _has_camel(form: str, lexicon: Lexicon) -> bool:
    """A lower-case letter followed by a capital: where a camel-case join can be."""
    return _LOWER_UPPER.search(form) is not None


def _split(token: str, lexicon: Lexicon, counts: Counter[str]) -> list[str] | None:
    zipf = lexicon.zipf(token)
    if zipf >= MAX_TOKEN_ZIPF or lexicon.vocabulary.accepts(token):
        return None
    if counts.get(token, 0) >= 2:
        return None  # used twice: a term of the document, not an accident
    parts = segment.segment(token, lexicon)
    if not parts or parts[0] in segment.PREFIXES or parts[-1] in segment.SUFFIXES:
        return None
    zipfs = [lexicon.zipf(p) for p in parts]
    if not any(
        p in segment.FUNCTION_WORDS or z >= GLUE_WORD_ZIPF
        for p, z in zip(parts, zipfs, strict=True)
    ):
        # two content words glued are how English makes closed compounds ("beerhouse",
        # "headword"), which word lists often lack: only a glued common word is a lost space
        return None
    if len(parts) == 2 and parts[0] in PARTICLES and parts[1] not in segment.FUNCTION_WORDS:
        return None  # "overbalanced", "outvoted": a particle is a prefix of English compounds
    if zipf >= UNKNOWN_ZIPF and sum(z - 9.0 for z in zipfs) + 9.0 < zipf + 2.0:
        return None  # the token itself is about as likely as the words
    if segment.near_known(token, lexicon):
        return None  # one letter away from a word: a misreading, not a lost space
    if _derived(token, lexicon):
        return None  # "intonational": a known word and an ending, a word the list lacks
    return parts


def _derived(token: str, lexicon: Lexicon) -> bool:
    """``token`` is a known word of four letters or more followed by an English ending."""
    for cut in range(4, len(token) - 1):
        if token[cut:] in segment.SUFFIXES and lexicon.zipf(token[:cut]) >= DERIVED_STEM_ZIPF:
            return True
    return False


KIND = Kind(
    "ocr-run-together",
    RunTogetherOptions,
    check,
    "Words run together by a lost space, where a split into common words is far likelier.",
    fixes=(SPLIT,),
    whole_document=True,
)
