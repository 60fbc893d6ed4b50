"""spelling-variety: a word spelt in the other variety of English than the style's language.

British or American spelling is a house choice, not an error: the lexicon accepts both, and this
kind (off by default) reports words of the other variety, using breame's maintained British /
American spelling tables. With ``oxford: true`` (the default) -ize forms count as British.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.kinds import Hit, Kind, Options
from brieflint.spelling.suggest import match_case


class SpellingVarietyOptions(Options):
    oxford: bool = Field(True, description="British English with -ize (Oxford spelling).")


def _is_oxford_pair(american: str, british: str) -> bool:
    """``organize``/``organise``: the two differ only in z for s."""
    return len(american) == len(british) and all(
        a == b or (a, b) == ("z", "s") for a, b in zip(american, british, strict=True)
    )


def check(doc: Document, options: SpellingVarietyOptions, ctx: Context) -> Iterator[Hit]:
    try:
        from breame.data.spelling_constants import (  # type: ignore[import-untyped]
            AMERICAN_ENGLISH_SPELLINGS,
            BRITISH_ENGLISH_SPELLINGS,
        )
    except ImportError:
        raise BrieflintError(
            "spelling.variety needs the breame package (pip install breame)", path=doc.path
        ) from None

    british = ctx.language.lower() in ("en-gb", "en-au", "en-nz", "en-ie", "en-za")
    if not british and ctx.language.lower() not in ("en-us", "en-ca"):
        return
    table = AMERICAN_ENGLISH_SPELLINGS if british else BRITISH_ENGLISH_SPELLINGS
    variety = "American" if british else "British"
    for word in doc.words:
        key = word.text.lower()
        other = table.get(key)
        if other is None:
            continue
        american, brit = (key, other) if british else (other, key)
        if british and options.oxford and _is_oxford_pair(american, brit):
            continue
        suggestion = match_case(word.text, other)
        params = {"word": word.text, "variety": variety, "language": ctx.language}
        yield Hit(word.start, word.end, params, (suggestion,))


KIND = Kind(
    "spelling-variety",
    SpellingVarietyOptions,
    check,
    "Spellings of the other variety of English (British/American), off by default.",
)
