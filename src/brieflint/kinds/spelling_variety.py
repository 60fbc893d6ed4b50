"""spelling-variety: a word spelt in the other variety of English than the style's language.

British or American spelling is a house choice, not an error: the lexicon accepts both, and this
kind (off by default) reports words of the other variety, using breame's maintained British /
American spelling tables (``text/varieties.py``), without the pairs that are two words in the
variety ("draft"/"draught"). With ``oxford: true`` (the default) -ize forms count as British.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.kinds import Hit, Kind, Options
from brieflint.spelling.suggest import match_case
from brieflint.text import varieties


class SpellingVarietyOptions(Options):
    oxford: bool = Field(True, description="British English with -ize (Oxford spelling).")


def check(doc: Document, options: SpellingVarietyOptions, ctx: Context) -> Iterator[Hit]:
    lang = ctx.language.lower()
    if lang not in varieties.BRITISH and lang not in varieties.AMERICAN:
        return
    try:
        table = varieties.for_language(lang, ctx.lexicon, options.oxford)
    except ImportError:
        raise BrieflintError(
            "spelling.variety needs the breame package (pip install breame)", path=doc.path
        ) from None
    params = {"variety": "American" if lang in varieties.BRITISH else "British"}
    for word in doc.words:
        other = table.get(word.text.lower())
        if other is not None:
            suggestion = match_case(word.text, other)
            found = {**params, "word": word.text, "language": ctx.language}
            yield Hit(word.start, word.end, found, (suggestion,))


KIND = Kind(
    "spelling-variety",
    SpellingVarietyOptions,
    check,
    "Spellings of the other variety of English (British/American), off by default.",
)
