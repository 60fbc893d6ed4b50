"""Words in the configured variety of English: a suggestion follows the style's language.

The lexicon holds British and American spellings alike, so a correction found for 'neighbrs'
may be 'neighbors'; under en-GB it is offered as 'neighbours'. The pairs come from breame (the
same tables spelling.variety reads). Oxford pairs (organize/organise) are left as found: both are
British usage.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from brieflint.spelling.suggest import match_case

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon

BRITISH = ("en-gb", "en-au", "en-nz", "en-ie", "en-za")
AMERICAN = ("en-us", "en-ca")


def is_oxford_pair(american: str, british: str) -> bool:
    """``organize``/``organise``: the two differ only in z for s."""
    return len(american) == len(british) and all(
        a == b or (a, b) == ("z", "s") for a, b in zip(american, british, strict=True)
    )


def _table(language: str) -> Mapping[str, str]:
    """The other variety's word → this variety's word (empty when breame is missing)."""
    try:
        from breame.data.spelling_constants import (  # type: ignore[import-untyped]
            AMERICAN_ENGLISH_SPELLINGS,
            BRITISH_ENGLISH_SPELLINGS,
        )
    except ImportError:
        return {}
    if language.lower() in BRITISH:
        table: Mapping[str, str] = AMERICAN_ENGLISH_SPELLINGS
        return {a: b for a, b in table.items() if not is_oxford_pair(a, b)}
    if language.lower() in AMERICAN:
        return dict(BRITISH_ENGLISH_SPELLINGS)
    return {}


def in_variety(word: str, lexicon: Lexicon) -> str:
    """``word`` spelt in the lexicon's variety of English ('favoring' → 'favouring' in en-GB)."""
    table = lexicon.derived("variety.table", lambda: _table(lexicon.language))
    other = table.get(word.lower())
    return word if other is None else match_case(word, other)
