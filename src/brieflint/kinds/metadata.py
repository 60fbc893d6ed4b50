"""metadata: the draft's metadata against the style's schema, and cross-checks with the text.

Markdown drafts are read from their front matter; plain text (and Markdown without front matter)
from the cover, with the patterns the style declares for each field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, Literal

import regex
from pydantic import Field as PField
from pydantic import model_validator

from brieflint import patterns
from brieflint.context import Context
from brieflint.document import Document
from brieflint.kinds import Hit, Kind, Options
from brieflint.patterns import Pattern
from brieflint.text import cover


class CoverPattern(Options):
    pattern: Pattern = PField(description="Tried on each cover line; group 'value' is the value.")
    after: str | None = PField(None, description="Search only after this field's line.")


class FieldSpec(Options):
    type: Literal["str", "int", "date", "list"] = PField(
        "str",
        description='How the value is read: "str", "int", "date" or "list" (items split by '
        "separator).",
    )
    required: bool = PField(True, description="A missing field is reported.")
    description: str = PField("", description="How the value is written, for messages.")
    pattern: Pattern | None = PField(None, description="str/list items must match it in full.")
    choices: list[str] = PField(default_factory=list, description="Allowed values (empty: any).")
    minimum: int | None = PField(None, description='Smallest allowed number ("int" fields).')
    maximum: int | None = PField(None, description='Largest allowed number ("int" fields).')
    formats: list[str] = PField(
        default_factory=lambda: ["%d.%m.%Y", "%Y-%m-%d"],
        description='Date formats tried in turn (strftime codes), for "date" fields.',
    )
    separator: Pattern = PField(r"\s*(?:&|,|;|\band\b)\s*", description="Splits a list line.")
    cover: CoverPattern | None = PField(
        None, description="How to find the field on a plain-text cover."
    )


class DateAfter(Options):
    pattern: Pattern = PField(description="Group 'date' is a date that must not be later.")
    label: str = PField(description="What the date is, e.g. 'the end of the field research'.")
    formats: list[str] = PField(
        default_factory=lambda: ["%d %B %Y", "%B %d %Y", "%B %d, %Y", "%d.%m.%Y", "%Y-%m-%d"],
        description="Date formats tried in turn (strftime codes).",
    )


class Biographies(Options):
    field: str = PField("authors", description="The field whose names need biographies.")
    pattern: Pattern = PField(description="Matches a paragraph's start; group 'name' is a name.")
    within_last: float = PField(
        0.5, gt=0, le=1, description="Look for biographies in this last part of the text."
    )


class MetadataOptions(Options):
    fields: dict[str, FieldSpec] = PField(
        description="The metadata fields by name, each with its type and checks."
    )
    cover_lines: int = PField(30, ge=1, description="How many first lines make the cover.")
    missing: Literal["always", "if-any"] = PField(
        "always", description="'if-any': report missing fields only when some field is present."
    )
    title_field: str | None = PField(None, description="Field whose value is repeated inside.")
    date_field: str = PField("date", description="The field holding the brief's own date.")
    dates_not_after: list[DateAfter] = PField(
        default_factory=list,
        description="Dates in the text that must not be later than the brief's date.",
    )
    biographies: Biographies | None = PField(
        None, description="Check that each author in a field has a biography near the end."
    )

    @model_validator(mode="after")
    def _known_fields(self) -> MetadataOptions:
        named = [self.title_field, *(f.cover.after for f in self.fields.values() if f.cover)]
        if self.biographies is not None:
            named.append(self.biographies.field)
        for name in named:
            if name is not None and name not in self.fields:
                raise ValueError(f"{name!r} is not one of the fields")
        return self


def check(doc: Document, options: MetadataOptions, ctx: Context) -> Iterator[Hit]:
    found = cover.front_matter(doc)
    if doc.front_matter is None:
        rules = [
            cover.CoverRule(name, spec.cover.pattern, spec.cover.after)
            for name, spec in options.fields.items()
            if spec.cover is not None
        ]
        found = cover.cover(doc, rules, options.cover_lines)
    if options.missing == "if-any" and not any(k in options.fields for k in found):
        return
    properties = _properties(doc, options) if doc.front_matter is None else {}
    values: dict[str, Any] = {}
    for name, spec in options.fields.items():
        if doc.front_matter is None and spec.cover is None and name not in properties:
            continue  # this field can only be given in front matter (or a file's properties)
        entry = found.get(name)
        if (entry is None or entry.value in (None, "", [])) and name in properties:
            entry = properties[name]
        if entry is None or entry.value in (None, "", []):
            if spec.required:
                yield _missing(doc, name, spec, entry)
            continue
        value, problems = _validate(doc, name, spec, entry)
        if entry is properties.get(name):
            problems = [_in_properties(h, name) for h in problems]
        yield from problems
        if value is not None:
            values[name] = (value, entry)
    yield from _title_repeated(doc, options, values)
    yield from _dates_not_after(doc, options, values)
    yield from _biographies(doc, options, values)


def _properties(doc: Document, options: MetadataOptions) -> dict[str, cover.Value]:
    """The fields a file records outside its text (a .docx's custom properties named like the
    field, or its core title), as values at the start of the text."""
    return {
        name: cover.Value(doc.file_metadata[name], 0, 0, 1)
        for name in options.fields
        if doc.file_metadata.get(name) not in (None, "", [])
    }


def _in_properties(hit: Hit, name: str) -> Hit:
    problem = f"{hit.params.get('problem', '')} (in the document properties)"
    return replace(hit, start=0, end=0, params={**hit.params, "problem": problem})


def _hit(start: int, end: int, problem: str, suggestion: str | None = None) -> Hit:
    return Hit(start, end, {"problem": problem}, (suggestion,) if suggestion else ())


def _missing(doc: Document, name: str, spec: FieldSpec, entry: cover.Value | None) -> Hit:
    how = f" ({spec.description})" if spec.description else ""
    if entry is not None:
        return _hit(entry.start, entry.end, f"'{name}' is empty{how}")
    where = "front matter" if doc.front_matter is not None else "cover"
    if doc.front_matter is None and doc.source_map is not None:
        where = "cover and the document properties"
    return _hit(0, 0, f"'{name}' is missing from the {where}{how}")


def _validate(
    doc: Document, name: str, spec: FieldSpec, entry: cover.Value
) -> tuple[Any, list[Hit]]:
    raw = entry.value
    shown = raw if not isinstance(raw, str) else " ".join(raw.split())
    at = (entry.start, entry.end)
    if spec.type == "int":
        try:
            number = int(str(raw).strip()) if not isinstance(raw, bool) else None
        except ValueError:
            number = None
        if number is None:
            return None, [_hit(*at, f"'{name}' must be a whole number, not '{shown}'")]
        if spec.minimum is not None and number < spec.minimum:
            return None, [_hit(*at, f"'{name}' must be at least {spec.minimum}, not {number}")]
        if spec.maximum is not None and number > spec.maximum:
            return None, [_hit(*at, f"'{name}' must be at most {spec.maximum}, not {number}")]
        return number, []
    if spec.type == "date":
        date = cover.parse_date(raw, spec.formats)
        if date is None:
            forms = " or ".join(cover.describe_format(f) for f in spec.formats)
            return None, [_hit(*at, f"'{name}' is not a valid date: '{shown}' (write {forms})")]
        return date, []
    if spec.type == "list":
        return _validate_list(doc, name, spec, entry)
    text = str(shown)
    problem = _text_problem(spec, text)
    return (None, [_hit(*at, f"'{name}' {problem}")]) if problem else (text, [])


def _text_problem(spec: FieldSpec, text: str) -> str | None:
    if spec.choices and text not in spec.choices:
        return f"must be one of {', '.join(spec.choices)}, not '{text}'"
    if spec.pattern is not None and not cover.match(spec.pattern, text, "fullmatch"):
        how = spec.description or f"matching {spec.pattern}"
        return f"'{text}' is not written as {how}"
    return None


def _validate_list(
    doc: Document, name: str, spec: FieldSpec, entry: cover.Value
) -> tuple[Any, list[Hit]]:
    raw = entry.value
    items: list[tuple[str, int, int]] = []
    if isinstance(raw, list):
        for i, item in enumerate(raw):
            line = cover.item_line(doc, name, i) or entry.line
            items.append((" ".join(str(item).split()), *doc.lines.line_span(line)))
    else:
        text = str(raw)
        pos = 0
        for m in [*patterns.finditer(spec.separator, text), None]:
            end = m.start() if m is not None else len(text)
            if text[pos:end].strip():
                lead = len(text[pos:end]) - len(text[pos:end].lstrip())
                piece = text[pos:end].strip()
                s = entry.start + pos + lead
                items.append((" ".join(piece.split()), s, s + len(piece)))
            pos = m.end() if m is not None else pos
    hits = [
        _hit(s, e, f"'{name}': {problem}")
        for item, s, e in items
        if (problem := _text_problem(spec, item)) is not None
    ]
    return [(item, s, e) for item, s, e in items], hits


def _title_repeated(
    doc: Document, options: MetadataOptions, values: dict[str, Any]
) -> Iterator[Hit]:
    if options.title_field is None or options.title_field not in values:
        return
    from rapidfuzz import fuzz

    title, entry = values[options.title_field]
    want = " ".join(str(title).split()).casefold()
    best: tuple[float, int, int, str] | None = None
    for p in doc.paragraphs:
        if p.start <= entry.start < p.end or p.end <= entry.start or len(p.text) > 3 * len(want):
            continue
        text = " ".join(p.text.split())
        score = fuzz.ratio(want, text.casefold())
        if best is None or score > best[0]:
            best = (score, p.start, p.end, text)
    if best is None or best[0] < 75:
        yield _hit(entry.start, entry.end, "the title is not repeated above the text")
        return
    score, start, end, text = best
    if text.casefold() != want:
        right = str(title).upper() if text.isupper() else " ".join(str(title).split())
        problem = f"the title inside ('{text}') differs from the title on the cover ('{title}')"
        yield _hit(start, end, problem, right)


def _dates_not_after(
    doc: Document, options: MetadataOptions, values: dict[str, Any]
) -> Iterator[Hit]:
    if options.date_field not in values or not options.dates_not_after:
        return
    brief_date: dt.date = values[options.date_field][0]
    for rule in options.dates_not_after:
        for m in patterns.finditer(rule.pattern, doc.prose):
            if "date" not in m.groupdict() or m.group("date") is None:
                continue
            date = cover.parse_date(m.group("date"), rule.formats)
            if date is not None and date > brief_date:
                problem = (
                    f"{rule.label} ({m.group('date')}) is after the date of the brief "
                    f"({brief_date:%d.%m.%Y})"
                )
                yield _hit(m.start("date"), m.end("date"), problem)


def _biographies(doc: Document, options: MetadataOptions, values: dict[str, Any]) -> Iterator[Hit]:
    bios = options.biographies
    if bios is None or bios.field not in values:
        return
    authors: list[tuple[str, int, int]] = values[bios.field][0]
    if not isinstance(authors, list):
        return
    pattern = regex.compile(bios.pattern)
    found: dict[str, tuple[int, int, str]] = {}
    begin = len(doc.text) * (1 - bios.within_last)
    for p in doc.paragraphs:
        if p.start < begin:
            continue
        m = cover.match(pattern, p.text)
        if m is not None and "name" in pattern.groupindex and m.group("name"):
            name = " ".join(m.group("name").split())
            found.setdefault(
                name.casefold(), (p.start + m.start("name"), p.start + m.end("name"), name)
            )
    byline = {name.casefold() for name, _, _ in authors}
    for name, start, end in authors:
        if name.casefold() not in found:
            yield _hit(start, end, f"author '{name}' has no biography")
    for key, (start, end, name) in found.items():
        if key not in byline:
            yield _hit(start, end, f"'{name}' has a biography but is not in the byline")


KIND = Kind(
    "metadata",
    MetadataOptions,
    check,
    "Cover or front-matter fields against the style's schema.",
    whole_document=True,
)
