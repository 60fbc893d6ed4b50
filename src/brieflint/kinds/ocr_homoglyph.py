"""ocr-homoglyph: Cyrillic or Greek lookalike letters inside Latin text ("рolicy", "То")."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe
from brieflint.text import confusables, segment

_SCRIPT = regex.compile(r"(\p{Script=Cyrillic})|(\p{Script=Greek})|(\p{Script=Armenian})")
_GREEK = regex.compile(r"\p{Script=Greek}")
_SCRIPT_NAMES = ("Cyrillic", "Greek", "Armenian")
# Whole tokens of one letter that English uses as words; "і" → "i" is not one.
_SINGLE_LETTER_WORDS = frozenset({"a", "A", "I"})


KNOWN_WORD = safe(
    "replace look-alike letters",
    "A Cyrillic or Armenian letter inside a Latin word, or a Greek one where the Latin form is a "
    'known word ("рolicy" → "policy"), is a look-alike whatever the context.',
)
OTHER_WORD = unsafe(
    "replace Greek letters, giving an unknown word",
    "Greek letters are symbols in science and formulas: when the Latin form is no known word, "
    'the letter may be meant ("αplace", "βcell"): a person decides.',
)


class HomoglyphOptions(Options):
    whole_tokens: bool = Field(
        True, description='Also report tokens made only of lookalikes ("То") in Latin text.'
    )


def _script(token: str) -> str:
    m = _SCRIPT.search(token)
    if m is None:
        return "non-Latin"
    return _SCRIPT_NAMES[(m.lastindex or 1) - 1]


def check(doc: Document, options: HomoglyphOptions, ctx: Context) -> Iterator[Hit]:
    if not any(map(confusables.LOOKALIKE_SCRIPT.match, doc.unusual_chars)):
        return  # no Cyrillic, Greek or Armenian letter: none is ASCII, so all are unusual
    words = doc.words
    counts = segment.word_counts(doc)
    # only a word with a letter beyond ASCII can have one of those scripts: the others are told
    # apart without a Python step each
    beyond_ascii = map(operator.not_, map(str.isascii, doc.word_texts))
    for i in itertools.compress(itertools.count(), beyond_ascii):
        word = words[i]
        text = word.text
        if not confusables.has_lookalike_script(text):
            continue
        latin = confusables.latin_form(text)
        params = {"script": _script(text)}
        if confusables.has_latin(text):
            # a letter that imitates nothing Latin means no imitation: "μm" (a unit), "Ωmega"
            if latin is not None:
                fix = (Edit(word.start, word.end, latin),)
                greek = _GREEK.search(text) is not None
                certain = not greek or segment.is_known(latin, ctx.lexicon, counts)
                declared = KNOWN_WORD if certain else OTHER_WORD
                yield Hit(word.start, word.end, params, (latin,), fix, fix_as=declared.name)
            continue
        if not options.whole_tokens or latin is None:
            continue
        # a genuine phrase in another script has neighbours in that script
        neighbours = [words[j].text for j in (i - 1, i + 1) if 0 <= j < len(words)]
        if not neighbours or any(not confusables.has_latin(n) for n in neighbours):
            continue
        if len(latin) == 1:
            if latin not in _SINGLE_LETTER_WORDS or params["script"] != "Cyrillic":
                continue  # a lone Greek letter is usually a symbol (α, β)
        elif not segment.is_known(latin, ctx.lexicon, counts):
            continue
        fix = (Edit(word.start, word.end, latin),)
        yield Hit(word.start, word.end, params, (latin,), fix, fix_as=KNOWN_WORD.name)


KIND = Kind(
    "ocr-homoglyph",
    HomoglyphOptions,
    check,
    "Letters of another script that imitate Latin ones, inside Latin words or sentences.",
    fixes=(KNOWN_WORD, OTHER_WORD),
)
