"""A JSON document with one long list, written a list item at a time.

``json.dumps(..., indent=2)`` of a report builds every finding's objects and then the whole text
in small pieces (the indenting encoder is written in Python): for a long draft with ten thousand
findings, some forty times the size of the output it makes. ``chunks`` gives the same text,
byte for byte, as pieces of one list item each, the item's objects made only when it is encoded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

# stands in for the list in the document, to find where its items go (a string no JSON value
# brieflint writes holds: it starts with a NUL character, which JSON writes escaped)
_PLACE = "\x00brieflint: the list goes here\x00"
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


def placeholder() -> str:
    """The value to put in the document where the list goes."""
    return _PLACE


def chunks(document: Any, items: Iterable[Any]) -> Iterator[str]:
    """``json.dumps(document, ensure_ascii=False, indent=2) + "\\n"`` with ``placeholder()``
    (once, anywhere in ``document``) replaced by the list of ``items``, a piece at a time."""
    text = _ENCODER.encode(document) + "\n"
    place = _ENCODER.encode(_PLACE)
    at = text.index(place)
    line = text[text.rfind("\n", 0, at) + 1 : at]  # the list's key, after its indent
    indent = len(line) - len(line.lstrip(" "))
    inner = "\n" + " " * (indent + 2)
    head, tail = text[:at], text[at + len(place) :]
    opened = False
    for item in items:
        yield head + "[" + inner if not opened else "," + inner
        opened = True
        head = ""
        yield _ENCODER.encode(item).replace("\n", inner)
    if not opened:
        yield head + "[]" + tail
    else:
        yield "\n" + " " * indent + "]" + tail
