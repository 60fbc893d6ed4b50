"""Words in the configured variety of English: a suggestion follows the style's language.

The lexicon holds British and American spellings alike, so a correction found for 'neighbrs'
may be 'neighbors'; under en-GB it is offered as 'neighbours'. The pairs come from breame (the
same tables spelling.variety reads, through ``text.varieties``). Oxford pairs (organize/organise)
are left as found: both are British usage; so are pairs that are two words there
("draft"/"draught").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brieflint.spelling.suggest import match_case
from brieflint.text import varieties

if TYPE_CHECKING:
    from brieflint.text.lexicon import Lexicon


def in_variety(word: str, lexicon: Lexicon) -> str:
    """``word`` spelt in the lexicon's variety of English ('favoring' → 'favouring' in en-GB);
    a word that is another word there ('draft', not 'draught') stays as it is."""
    other = varieties.for_language(lexicon.language, lexicon).get(word.lower())
    return word if other is None else match_case(word, other)
