"""Letters of other scripts that look like Latin ones (UTS #39 confusables).

The confusable pairs come from the Unicode consortium's ``confusables.txt`` through the
confusable-homoglyphs library; scripts come from ``regex``'s Unicode properties. This module only
picks, for one character, the Latin letter of the same case that it imitates.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
from functools import lru_cache
from pathlib import Path

import regex

LATIN = regex.compile(r"\p{Script=Latin}")
LOOKALIKE_SCRIPT = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)
def latin_letter(char: str) -> str | None:
    """The ASCII Latin letter that ``char`` imitates, keeping its case; None when there is none."""
    if _LATIN_LETTER.fullmatch(char):
        return char
    table = _lookalike_table()
    if char in table:
        return table[char] or None
    return _library_latin_letter(char)


@lru_cache(maxsize=1)
def _lookalike_table() -> dict[str, str]:
    """``_library_latin_letter`` of every letter of the lookalike scripts ("" for none), from the
    user cache when it holds the table of the installed library's data.

    The library reads its whole data (some 1 MB of JSON) on import, which took longer than
    linting a brief: one draft with a lookalike letter in a fresh process paid it. The table of
    the few hundred letters the rules ask about is built once per machine and library version,
    and read back in well under a millisecond."""
    cached = _table_file()
    if cached is not None:
        with contextlib.suppress(OSError, ValueError):
            found = json.loads(cached.read_text("utf-8"))
            if isinstance(found, dict):
                return {str(k): str(v) for k, v in found.items()}
    every = "".join(map(chr, itertools.chain(range(0xD800), range(0xE000, 0x110000))))
    table = {ch: _library_latin_letter(ch) or "" for ch in LOOKALIKE_SCRIPT.findall(every)}
    if cached is not None:
        from brieflint.atomic import write_bytes

        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cached, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    return table


def _table_file() -> Path | None:
    """Where the lookalike table of the installed library's data is kept (None: no library)."""
    import importlib.util

    from brieflint.text.lexicon import cache_home

    spec = importlib.util.find_spec("confusable_homoglyphs")  # found without importing it
    if spec is None or spec.origin is None:
        return None
    data = Path(spec.origin).parent / "confusables.json"
    try:
        st = data.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{data}|{st.st_size}|{st.st_mtime_ns}|1".encode()).hexdigest()[:16]
    return cache_home() / "confusables" / f"latin-{key}.json"


def _library_latin_letter(char: str) -> str | None:
    from confusable_homoglyphs import confusables  # imported only when the table lacks a letter

    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
    upper = char.isupper()
    for entry in found:
        for glyph in entry.get("homoglyphs", []):
            c = glyph.get("c", "")
            if len(c) == 1 and _LATIN_LETTER.fullmatch(c) and c.isupper() == upper:
                return str(c)
    return None


def latin_form(token: str) -> str | None:
    """``token`` with every lookalike letter replaced by its Latin twin; None if one has none."""
    out = []
    for ch in token:
        if LOOKALIKE_SCRIPT.match(ch):
            latin = latin_letter(ch)
            if latin is None:
                return None
            out.append(latin)
        else:
            out.append(ch)
    return "".join(out)


def has_latin(token: str) -> bool:
    return LATIN.search(token) is not None


def has_lookalike_script(token: str) -> bool:
    return LOOKALIKE_SCRIPT.search(token) is not None
