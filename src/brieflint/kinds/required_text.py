"""required-text: a passage that must appear word for word (disclaimer, attribution, funding).

The template's ``{placeholders}`` are filled from the style's variables, then from the draft's
front matter. A near-miss is found by fuzzy alignment and reported at the differing words, with the
required words as suggestion and fix; white space, line breaks and quote style do not count.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Edit
from brieflint.kinds import Hit, Kind, Options, unsafe
from brieflint.text import align

Where = Literal["anywhere", "first-page", "last-page"]


WORDING = unsafe(
    "restore the required wording",
    "The passage is found by similarity: where the draft's wording strays far, the place found "
    "can take in the author's own words next to it, which the fix would overwrite. A person "
    "checks.",
)


class RequiredTextOptions(Options):
    text: str = Field(description="The required wording; {name} is a variable or metadata field.")
    where: Where = Field(
        "anywhere",
        description='Where the passage must stand: "anywhere", "first-page" or "last-page".',
    )
    page_lines: int = Field(60, ge=1, description="Lines of a page when there are no form feeds.")
    min_similarity: float = Field(
        60,
        ge=30,
        le=100,
        description="Share (0-100) of the required words found in order, below which the "
        "passage counts as absent.",
    )

    @field_validator("text")
    @classmethod
    def _template(cls, value: str) -> str:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
        except ValueError as exc:
            raise ValueError(f"invalid template: {exc}") from None
        if not value.strip():
            raise ValueError("the required text is empty")
        for name in names:
            if not name.isidentifier():
                raise ValueError(f"placeholder {{{name}}} is not a plain name")
        return value


def fill(template: str, doc: Document, ctx: Context) -> tuple[str, list[str]]:
    """The template with its placeholders filled, and the names that had no value."""
    values: dict[str, str] = {str(k): str(v) for k, v in doc.metadata.items()}
    values.update(ctx.variables)
    out: list[str] = []
    unknown: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        if name in values:
            out.append(values[name])
        else:
            unknown.append(name)
            out.append("{" + name + "}")
    return "".join(out), unknown


def region(doc: Document, where: Where, page_lines: int) -> tuple[int, int]:
    """Offsets of the first or last page (form feeds, else ``page_lines`` lines)."""
    text = doc.text
    if where == "anywhere":
        return 0, len(text)
    if "\f" in text:
        if where == "first-page":
            return 0, text.index("\f")
        return text.rindex("\f") + 1, len(text)
    count = doc.lines.line_count
    if where == "first-page":
        return 0, doc.lines.line_span(min(page_lines, count))[1]
    return doc.lines.starts[max(0, count - page_lines)], len(text)


def check(doc: Document, options: RequiredTextOptions, ctx: Context) -> Iterator[Hit]:
    expected, unknown = fill(options.text, doc, ctx)
    if unknown:
        names = ", ".join("{" + n + "}" for n in unknown)
        problem = f"cannot be checked: {names} is neither a style variable nor a metadata field"
        yield Hit(0, 0, {"problem": problem})
        return
    expected = " ".join(expected.split())
    lo, hi = region(doc, options.where, options.page_lines)
    found = align.align(expected, doc.prose, min_score=options.min_similarity, within=(lo, hi))
    page = options.where.replace("-", " ")
    if found is None and options.where != "anywhere":
        elsewhere = align.align(expected, doc.prose, min_score=options.min_similarity)
        if elsewhere is not None:
            line = doc.position(elsewhere.start)[0]
            problem = f"on line {line}, but it must stand on the {page}"
            yield Hit(elsewhere.start, elsewhere.start, {"problem": problem})
            return
    if found is None:
        where = "" if options.where == "anywhere" else f" from the {page}"
        yield Hit(lo, lo, {"problem": f"missing{where}; it must read: '{expected}'"})
        return
    for dev in found.deviations:
        s, e, replacement = dev.edit
        fix = (Edit(s, e, replacement),)
        yield Hit(dev.start, dev.end, {"problem": _problem(dev)}, (dev.expected,), fix)


def _problem(dev: align.Deviation) -> str:
    if not dev.expected:
        return f"'{dev.found}' is not in the required wording"
    if dev.missing:
        return f"'{dev.missing}' is missing next to '{dev.found}'"
    return f"'{dev.found}' should read '{dev.expected}'"


KIND = Kind(
    "required-text",
    RequiredTextOptions,
    check,
    "A passage that must appear word for word, found even when slightly changed.",
    fixes=(WORDING,),
    whole_document=True,
)
