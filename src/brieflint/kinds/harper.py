"""harper: grammar from Harper (harper-py), offline, in process: no Java, no server.

Off unless ``harper.mode`` (or ``--grammar harper``) is ``optional`` or ``required``. harper-py is
an optional extra (``pip install harper-py``); when it is missing or fails, ``optional``
gives one warning per draft ("grammar not checked: …") and ``required`` a one-line error, and every
other rule's findings stay. Each paragraph of prose is linted on its own, as LanguageTool's are
(the same masked, white-space-folded text), and Harper's answers are cached on disk per paragraph,
keyed by the text, the dialect, harper-py's version and the rule settings.

Harper's rules are curated for policy prose: its spelling, capitalisation, repeated-word,
spacing and dash rules are off (brieflint has its own), and so are style preferences (the Oxford
comma, long sentences, filler words, hedging). Findings carry Harper's rule name
(``harper.MissingTo``) and a severity by Harper's category.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.errors import ConfigError
from brieflint.findings import Severity
from brieflint.kinds import Hit, Kind, Options
from brieflint.kinds.languagetool import Segment, segment

SeverityName = Literal["error", "warning", "info"]
CACHE_FORMAT = 1
INSTALL_HINT = "pip install harper-py"

# Harper's rules that brieflint replaces or that judge style rather than correctness.
DEFAULT_DISABLED = [
    "SpellCheck",
    "SplitWords",
    "MergeWords",
    "DisjointPrefixes",
    "SentenceCapitalization",
    "CapitalizePersonalPronouns",
    "OrthographicConsistency",
    "UseTitleCase",
    "RepeatedWords",
    "OxfordComma",
    "LongSentences",
    "Spaces",
    "NoFrenchSpaces",
    "Dashes",
    "NumericRangeEnDash",
    "UseEllipsisCharacter",
    "EllipsisLength",
    "UnclosedQuotes",
    "QuoteSpacing",
    "FillerWords",
    "DiscourseMarkers",
    "Hedging",
    "Regionalisms",
]
DEFAULT_DISABLED_CATEGORIES = [
    "Spelling",
    "Capitalization",
    "Formatting",
    "Readability",
    "Style",
    "Repetition",
    "Regionalism",
    "Enhancement",
]
DEFAULT_SEVERITIES: dict[str, SeverityName] = {
    "Grammar": "warning",
    "Agreement": "warning",
    "WordChoice": "warning",
    "Typo": "warning",
    "Usage": "warning",
    "Miscellaneous": "warning",
    "Punctuation": "info",
    "Redundancy": "info",
}
DIALECTS = {"US": "american", "GB": "british", "AU": "australian", "CA": "canadian", "IN": "indian"}


class HarperOptions(Options):
    disabled_rules: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DISABLED),
        description="Harper rule names to turn off (with the config's harper.disabled_rules).",
    )
    disabled_categories: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DISABLED_CATEGORIES),
        description="Harper lint kinds (categories) whose findings are dropped.",
    )
    severities: dict[str, SeverityName] = Field(
        default_factory=lambda: dict(DEFAULT_SEVERITIES),
        description="Severity by Harper category; others take the rule's severity.",
    )
    min_letters: int = Field(3, ge=0, description="Paragraphs with fewer letters are not linted.")


@dataclass(frozen=True, slots=True)
class Lint:
    """One of Harper's answers, as cached: offsets into the paragraph's text."""

    start: int
    end: int
    rule: str
    category: str
    message: str
    replacements: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "s": self.start,
            "e": self.end,
            "r": self.rule,
            "c": self.category,
            "m": self.message,
            "x": list(self.replacements),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Lint:
        return cls(
            int(raw["s"]),
            int(raw["e"]),
            str(raw["r"]),
            str(raw["c"]),
            str(raw["m"]),
            tuple(str(x) for x in raw["x"]),
        )


class Unavailable(Exception):
    """harper-py is not installed, or failed."""


class Backend:
    """One Harper linter for the run, built on the first paragraph not in the cache (building it
    loads Harper's dictionary: about a second)."""

    def __init__(self, dialect: str, disabled: tuple[str, ...], enabled: tuple[str, ...]) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            self.version = version("harper-py")
        except PackageNotFoundError as exc:
            raise Unavailable(f"harper-py is not installed ({INSTALL_HINT})") from exc
        self.dialect = dialect
        self._disabled, self._enabled = disabled, enabled
        self.settings = {"off": sorted(disabled), "on": sorted(enabled)}
        self._built: Any = None

    def _linter(self) -> Any:
        if self._built is not None:
            return self._built
        try:
            import harper
        except ImportError as exc:
            raise Unavailable(f"harper-py is not installed ({INSTALL_HINT})") from exc
        try:
            linter = harper.Linter(getattr(harper.Dialect, self.dialect.upper()))
            config: dict[str, bool | None] = dict(linter.get_lint_config())
            for name in self._disabled:
                if name in config:
                    config[name] = False
            for name in self._enabled:
                if name in config:
                    config[name] = True
            linter.set_lint_config(config)
        except Exception as exc:  # a binding's failure, whatever its type
            raise Unavailable(f"Harper failed to start: {exc}") from exc
        self._built = linter
        return linter

    def lint(self, text: str) -> list[Lint]:
        linter = self._linter()
        try:
            organised = linter.organized_lints(text, language="plaintext")
        except Exception as exc:
            raise Unavailable(f"Harper failed: {exc}") from exc
        found: list[Lint] = []
        for rule, lints in organised.items():
            for lint in lints:
                replacements = tuple(
                    _replacement(lint.problem_text, s.kind, s.replacement_text)
                    for s in lint.suggestions[:5]
                )
                found.append(
                    Lint(
                        lint.span.start,
                        lint.span.end,
                        rule,
                        lint.lint_kind,
                        lint.message,
                        replacements,
                    )
                )
        found.sort(key=lambda x: (x.start, x.end, x.rule))
        return found


def _replacement(problem: str, kind: int, text: str) -> str:
    if int(kind) == 1:  # REMOVE
        return ""
    if int(kind) == 2:  # INSERT_AFTER
        return problem + text
    return text


def dialect_for(settings_dialect: str | None, language: str) -> str:
    if settings_dialect:
        return settings_dialect
    region = language.split("-", 1)[1].upper() if "-" in language else "US"
    return DIALECTS.get(region, "british" if region in ("IE", "NZ", "ZA") else "american")


def check(doc: Document, options: HarperOptions, ctx: Context) -> Iterator[Hit]:
    settings = ctx.harper
    if settings.mode == "off":
        return
    dialect = dialect_for(settings.dialect, ctx.language)
    disabled = tuple(sorted({*options.disabled_rules, *settings.disabled_rules}))
    enabled = tuple(sorted(set(settings.enabled_rules)))
    backends: dict[tuple[object, ...], Backend | Unavailable] = ctx.service("harper.backends", dict)
    key = (dialect, disabled, enabled)
    if key not in backends:
        try:
            backends[key] = Backend(dialect, disabled, enabled)
        except Unavailable as exc:
            backends[key] = exc
    backend = backends[key]
    try:
        if isinstance(backend, Unavailable):
            raise backend
        segments = [
            segment(doc.prose, p.start, p.end)
            for p in doc.paragraphs
            if sum(ch.isalpha() for ch in p.text) >= options.min_letters
        ]
        answers = _answers(segments, backend, ctx.cache_dir)
    except Unavailable as exc:
        if settings.mode == "required":
            raise ConfigError(f"Harper: {exc}", key="harper.mode") from None
        yield Hit(0, 0, severity=Severity.WARNING, message=f"grammar not checked: {exc}")
        return
    dropped = set(options.disabled_categories)
    for seg, lints in zip(segments, answers, strict=True):
        for lint in lints:
            if lint.category in dropped:
                continue
            start, end = seg.span(lint.start, lint.end - lint.start)
            label = options.severities.get(lint.category)
            yield Hit(
                start,
                end,
                {"harper_rule": lint.rule, "category": lint.category},
                lint.replacements,
                rule=f"harper.{lint.rule}",
                severity=Severity.parse(label) if label else None,
                message=lint.message,
            )


def _answers(segments: list[Segment], backend: Backend, cache_dir: Path | None) -> list[list[Lint]]:
    folder = cache_dir / "harper" if cache_dir is not None else None
    answers: list[list[Lint]] = []
    for seg in segments:
        path = None
        if folder is not None:
            blob = json.dumps(
                {
                    "f": CACHE_FORMAT,
                    "t": seg.text,
                    "d": backend.dialect,
                    "v": backend.version,
                    "s": backend.settings,
                },
                sort_keys=True,
                ensure_ascii=False,
            )
            key = hashlib.sha256(blob.encode("utf-8")).hexdigest()
            path = folder / key[:2] / f"{key}.json"
            cached = _read(path)
            if cached is not None:
                answers.append(cached)
                continue
        lints = backend.lint(seg.text)
        if path is not None:
            from brieflint.atomic import write_text

            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)
                write_text(path, json.dumps([x.to_json() for x in lints], ensure_ascii=False))
        answers.append(lints)
    return answers


def _read(path: Path) -> list[Lint] | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Lint.from_json(x) for x in raw]
    except (OSError, ValueError, KeyError, TypeError):
        return None


KIND = Kind(
    "harper",
    HarperOptions,
    check,
    "Grammar matches from Harper, offline and in process (off unless configured).",
    backend="harper",
    cacheable=False,  # with Harper on, only its answers are cached, per paragraph
    relays="harper.",
)
