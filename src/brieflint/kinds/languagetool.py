"""languagetool: grammar (and optionally spelling) from a LanguageTool server.

Off unless ``languagetool.mode`` (or ``--languagetool``) is ``optional`` or ``required``. Each
paragraph of prose is sent on its own (Markdown code, front matter and URLs are blanked in
``doc.prose`` and left out; runs of white space become one space) and LanguageTool's offsets are
mapped back to file positions. Answers are cached on disk per paragraph, so an unchanged draft
sends no request and a changed paragraph sends only itself. Matches become findings
``lt.<LanguageTool rule id>`` with a severity chosen by LanguageTool category.

LanguageTool's spelling matches are left out by default: spelling.unknown-word knows the house
vocabulary and the document's own names. With ``spelling: true`` they are kept, except for words
the house vocabulary accepts or the document uses as names (the HTTP API takes no word list, so
this filter runs here).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.errors import ConfigError
from brieflint.findings import Severity
from brieflint.kinds import Hit, Kind, Options

if TYPE_CHECKING:  # the client is imported only when grammar is on (most runs have it off)
    from brieflint.languagetool import client as lt
    from brieflint.languagetool.client import LTMatch

SeverityName = Literal["error", "warning", "info"]

DEFAULT_SEVERITIES: dict[str, SeverityName] = {
    "GRAMMAR": "warning",
    "CONFUSED_WORDS": "warning",
    "TYPOS": "warning",
    "CASING": "warning",
    "MISC": "warning",
    "COMPOUNDING": "info",
    "PUNCTUATION": "info",
    "TYPOGRAPHY": "info",
    "STYLE": "info",
    "REDUNDANCY": "info",
    "COLLOCATIONS": "info",
    "NONSTANDARD_PHRASES": "info",
    "SEMANTICS": "info",
    "PLAIN_ENGLISH": "info",
}


class LanguageToolOptions(Options):
    disabled_rules: list[str] = Field(
        default_factory=list, description="LanguageTool rule ids to turn off (with the config's)."
    )
    disabled_categories: list[str] = Field(
        default_factory=list, description="LanguageTool categories to turn off."
    )
    severities: dict[str, SeverityName] = Field(
        default_factory=lambda: dict(DEFAULT_SEVERITIES),
        description="Severity by LanguageTool category; others take the rule's severity.",
    )
    spelling: bool = Field(False, description="Keep LanguageTool's spelling matches.")
    min_letters: int = Field(3, ge=0, description="Paragraphs with fewer letters are not sent.")


@dataclass(frozen=True, slots=True)
class Segment:
    """The text sent for one paragraph, and the file offset of each of its characters."""

    text: str
    offsets: list[int]

    def span(self, offset: int, length: int) -> tuple[int, int]:
        if not self.offsets:
            return 0, 0
        first = self.offsets[min(max(offset, 0), len(self.offsets) - 1)]
        last = self.offsets[min(max(offset + max(length, 1) - 1, 0), len(self.offsets) - 1)]
        return first, last + 1


def segment(prose: str, start: int, end: int) -> Segment:
    """``prose[start:end]`` with every run of white space (blanked markup too) as one space."""
    chars: list[str] = []
    offsets: list[int] = []
    for i in range(start, end):
        ch = prose[i]
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        chars.append(ch)
        offsets.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Segment("".join(chars), offsets)


def check(doc: Document, options: LanguageToolOptions, ctx: Context) -> Iterator[Hit]:
    settings = ctx.languagetool
    if settings.mode == "off":
        return
    from brieflint.languagetool import client as lt

    url = lt.server_url(settings)
    if url is None:
        message = (
            "no LanguageTool server configured (set languagetool.url in the config or "
            f"{lt.ENV_URL}, or languagetool.url: local)"
        )
        if settings.mode == "required":
            raise ConfigError(message, key="languagetool.url")
        yield _not_checked(message)
        return
    disabled_rules = tuple(sorted({*settings.disabled_rules, *options.disabled_rules}))
    disabled_categories = tuple(
        sorted({*settings.disabled_categories, *options.disabled_categories})
    )
    clients: dict[tuple[object, ...], lt.Client] = ctx.service("languagetool.clients", dict)
    client = lt.client_for(
        clients,
        url,
        ctx.language,
        settings.timeout,
        disabled_rules,
        disabled_categories,
        max_answer_mb=settings.max_answer_mb,
    )
    segments = [
        segment(doc.prose, p.start, p.end)
        for p in doc.paragraphs
        if sum(ch.isalpha() for ch in p.text) >= options.min_letters
    ]
    try:
        answers = _answers(segments, client, ctx)
    except lt.Unreachable as exc:
        if settings.mode == "required":
            raise
        yield _not_checked(exc.reason)
        return
    yield from _hits(doc, segments, answers, options, ctx)


def _not_checked(reason: str) -> Hit:
    return Hit(0, 0, severity=Severity.WARNING, message=f"grammar not checked: {reason}")


def _answers(segments: list[Segment], client: lt.Client, ctx: Context) -> list[list[LTMatch]]:
    from brieflint.languagetool import client as lt
    from brieflint.languagetool.cache import ResultCache

    settings: dict[str, object] = {
        "rules": list(client.disabled_rules),
        "cats": list(client.disabled_categories),
    }
    cache = ResultCache(ctx.cache_dir) if ctx.cache_dir is not None else None
    version = cache.known_version(client.url) if cache else None
    answers: list[list[LTMatch]] = []
    for seg in segments:
        key = None
        if cache is not None and version is not None:
            key = cache.key(seg.text, client.language, version, settings)
            cached = cache.get(key)
            if cached is not None:
                lt.STATS.cached += 1
                answers.append(list(cached))
                continue
        if cache is not None:
            actual = client.version()
            if actual != version:
                version = actual
                cache.remember_version(client.url, actual)
            key = cache.key(seg.text, client.language, version, settings)
        matches = client.check(seg.text)
        if cache is not None and key is not None:
            cache.put(key, matches)
        answers.append(list(matches))
    return answers


def _hits(
    doc: Document,
    segments: list[Segment],
    answers: list[list[LTMatch]],
    options: LanguageToolOptions,
    ctx: Context,
) -> Iterator[Hit]:
    names: set[str] | None = None
    for seg, matches in zip(segments, answers, strict=True):
        for m in matches:
            start, end = seg.span(m.offset, m.length)
            if m.issue_type == "misspelling" or m.category == "TYPOS":
                if not options.spelling:
                    continue
                word = doc.text[start:end]
                if names is None:
                    from brieflint.spelling import analysis

                    counts = analysis.words_of(doc).folded
                    names = {w for w, n in counts.items() if n >= 2}
                if ctx.vocabulary.accepts(word) or word.casefold() in names:
                    continue
            label = options.severities.get(m.category)
            yield Hit(
                start,
                end,
                {"lt_rule": m.rule_id, "category": m.category},
                m.replacements[:5],
                rule=f"lt.{m.rule_id}",
                severity=Severity.parse(label) if label else None,
                message=m.message,
            )


KIND = Kind(
    "languagetool",
    LanguageToolOptions,
    check,
    "Grammar and style matches from a LanguageTool server (off unless configured).",
    backend="grammar",
    cacheable=False,
    relays="lt.",
)
