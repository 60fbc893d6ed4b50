"""ocr-compat-form: ligatures (ﬁ, ﬂ), full-width letters and mojibake ("TÃ¼rkiye")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex
from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, safe, unsafe

LIGATURE = safe(
    "expand a ligature",
    'A typographic ligature ("ﬁ") is the same letters as its expansion ("fi"), whatever the '
    "context.",
)
FULL_WIDTH = safe(
    "replace a full-width form",
    "Outside Chinese, Japanese and Korean text (left alone) a full-width letter or digit is the "
    "same character as its ordinary form.",
)
MOJIBAKE = unsafe(
    "undo mojibake",
    "ftfy's reading of a run of odd characters as text decoded with the wrong encoding is "
    "usually right, but the characters can be meant: a person decides.",
)

_LIGATURE = regex.compile(r"[\ufb00-\ufb06]+")
_FULL_WIDTH = regex.compile(r"[\uff01-\uff5e]+")
_EAST_ASIAN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f]")
_TOKEN = regex.compile(r"\S+")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


_NON_ASCII_PAIR = regex.compile(r"[^\x00-\x7f]{2}")


class CompatFormOptions(Options):
    mojibake: bool = Field(
        True, description='Also report mojibake (UTF-8 read as Latin-1, "TÃ¼rkiye").'
    )


def check(doc: Document, options: CompatFormOptions, ctx: Context) -> Iterator[Hit]:
    prose = doc.prose
    for m in _LIGATURE.finditer(prose):
        plain = unicodedata.normalize("NFKC", m.group())
        fix = (Edit(*m.span(), plain),)
        yield Hit(*m.span(), {"what": "ligature"}, (plain,), fix, fix_as=LIGATURE.name)
    if _FULL_WIDTH.search(prose):
        for para in doc.paragraphs:
            if _EAST_ASIAN.search(para.text):
                continue  # full-width forms belong in Chinese, Japanese and Korean text
            for m in _FULL_WIDTH.finditer(prose, para.start, para.end):
                plain = unicodedata.normalize("NFKC", m.group())
                fix = (Edit(*m.span(), plain),)
                what = {"what": "full-width form"}
                yield Hit(*m.span(), what, (plain,), fix, fix_as=FULL_WIDTH.name)
    # Mojibake is a multi-byte character read one byte at a time: it always leaves two non-ASCII
    # characters side by side. Without such a pair there is nothing for ftfy to undo, and its
    # import (about 0.1 s) is saved on every run of an ordinary draft.
    if options.mojibake and _NON_ASCII_PAIR.search(prose):
        yield from _mojibake(prose)


def _mojibake(prose: str) -> Iterator[Hit]:
    import ftfy
    from ftfy.badness import BADNESS_RE

    done = -1
    # mojibake always holds non-ASCII characters: look only at the tokens around them
    for m in _NON_ASCII.finditer(prose):
        if m.start() < done:
            continue
        token = _TOKEN.search(prose, _token_start(prose, m.start()))
        if token is None:
            continue
        done = token.end()
        if token.end() - token.start() > 200 or not BADNESS_RE.search(token.group()):
            continue
        fixed, steps = ftfy.fix_encoding_and_explain(token.group())
        if fixed == token.group() or not any(step[0] == "decode" for step in steps or []):
            continue
        yield Hit(
            *token.span(),
            {"what": "mojibake (text decoded with the wrong encoding)"},
            (fixed,),
            (Edit(*token.span(), fixed),),
            fix_as=MOJIBAKE.name,
        )


def _token_start(text: str, pos: int) -> int:
    limit = max(0, pos - 200)
    while pos > limit and not text[pos - 1].isspace():
        pos -= 1
    return pos


KIND = Kind(
    "ocr-compat-form",
    CompatFormOptions,
    check,
    "Ligatures, full-width letters and mojibake left by PDF or encoding conversion.",
    fixes=(LIGATURE, FULL_WIDTH, MOJIBAKE),
)
