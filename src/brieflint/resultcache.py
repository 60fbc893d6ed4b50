"""Findings kept on disk, so that an unchanged draft is not linted again.

The cache works like ruff's: a draft's findings are stored under a key made of its text, the name
it is reported under, and a fingerprint of everything else a finding can depend on:

- the rules that run on it (id, severity, rule file contents, validated options);
- the house vocabulary, style variables and language;
- the code: brieflint's version, the size and time of each of its files, and the time of the
  folder where its libraries are installed (an install or upgrade of any library, the word list's
  wordfreq among them, changes it).

Rules read nothing but the document and the resolved setup, so the same key always means the same
findings. A kind whose findings depend on more than that declares itself not ``cacheable``
(``brieflint.kinds.Kind``): runs in which it works are not stored here. LanguageTool's kind is
one: grammar depends on a server (which may be down in ``optional`` mode) and has its own
per-paragraph cache.

The cache lives in ``<cache_dir>/results/`` (``.brieflint-cache`` beside the config, or the
folder checked), holds one small JSON file per draft version, is written without fsync (a torn
file just reads as a miss) and is safe to delete at any time. ``--no-cache`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sysconfig
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brieflint import cachefile
from brieflint.atomic import write_bytes
from brieflint.backends import in_use
from brieflint.findings import Applicability, Edit, Finding, Fix, Severity
from brieflint.location import Location

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.ruleset import ActiveRule

FORMAT = 2  # 2: entries sealed to their key (cachefile)
_IGNORE_ME = "# written by brieflint: a cache, safe to delete\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by brieflint.\n"
)


@cache
def code_stamp() -> str:
    """What identifies the code in use: changes whenever brieflint or a library changes."""
    import brieflint

    package = Path(brieflint.__file__).parent
    parts: list[str] = [brieflint.__version__, str(FORMAT)]
    for folder, _dirs, files in sorted(os.walk(package)):
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".txt")):
                with contextlib.suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}")
    for where in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        with contextlib.suppress(OSError):
            parts.append(f"{where}:{os.stat(where).st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def rules_fingerprint(rules: Sequence[ActiveRule], context: Context) -> str | None:
    """The fingerprint of ``rules`` run with ``context``; None when the results must not be
    stored: a kind declared not cacheable runs with its backend in use (LanguageTool on)."""
    if any(not rule.kind.cacheable and in_use(rule.kind.backend, context) for rule in rules):
        return None
    described: dict[str, Any] = {
        "code": code_stamp(),
        "rules": [
            [
                rule.id,
                rule.severity.label,
                rule.spec.model_dump(mode="json"),
                rule.options.model_dump(mode="json"),
            ]
            for rule in rules
        ],
        "language": context.language,
        "accept": sorted(context.vocabulary.accept),
        "reject": sorted(context.vocabulary.reject),
        "variables": context.variables,
    }
    blob = json.dumps(described, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResultCache:
    """Findings per (fingerprint, name, text) under ``<cache_dir>/results``."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.root = cache_dir / "results"
        self._prepared = False

    @staticmethod
    def key(fingerprint: str, display: str, text: str) -> str:
        digest = hashlib.sha256()
        for part in (fingerprint, display, text):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> list[Finding] | None:
        """The stored findings, or None (not stored, unreadable, damaged or sealed to another
        key: lint again, and the entry is written anew)."""
        raw = cachefile.read(self._path(key), key)
        try:
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                return None
            return [_finding(item) for item in raw["findings"]]
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return None

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        """Store ``findings``; a cache that cannot be written is no cache, never an error."""
        with contextlib.suppress(OSError):
            self._prepare()
        value = {"format": FORMAT, "findings": [_to_json(f) for f in findings]}
        cachefile.write(self._path(key), key, value)

    def _prepare(self) -> None:
        """Create the cache folder, marked so that git and backup tools leave it alone (checked
        once per run)."""
        if self._prepared or (self.cache_dir / ".gitignore").exists():
            self._prepared = True
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        write_bytes(self.cache_dir / "CACHEDIR.TAG", _CACHEDIR_TAG.encode(), durable=False)
        write_bytes(self.cache_dir / ".gitignore", _IGNORE_ME.encode(), durable=False)
        self._prepared = True


def _to_json(f: Finding) -> dict[str, Any]:
    fix = None
    if f.fix is not None:
        edits = [[e.start, e.end, e.replacement] for e in f.fix.edits]
        fix = {
            "description": f.fix.description,
            "applicability": f.fix.applicability.value,
            "edits": edits,
        }
    return {**f.as_json(), "fix": fix, "start": f.start, "end": f.end, "context": f.context}


# what the entries spell severities and fix tiers as: a dictionary look-up, since a warm re-run
# reads back every finding of the archive
_SEVERITIES = {s.label: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def _finding(item: dict[str, Any]) -> Finding:
    fix = item["fix"]
    suggestions = item["suggestions"]
    location = item.get("location")
    return Finding(
        path=str(item["path"]),
        line=int(item["line"]),
        column=int(item["column"]),
        end_line=int(item["end_line"]),
        end_column=int(item["end_column"]),
        rule=str(item["rule"]),
        severity=_SEVERITIES[item["severity"]],
        message=str(item["message"]),
        suggestions=tuple(map(str, suggestions)) if suggestions else (),
        fix=None if fix is None else _fix(fix),
        start=int(item["start"]),
        end=int(item["end"]),
        context=str(item["context"]),
        location=Location.from_json(location) if location else None,
    )


def _fix(item: dict[str, Any]) -> Fix:
    return Fix(
        edits=tuple(Edit(int(a), int(b), str(c)) for a, b, c in item["edits"]),
        description=str(item["description"]),
        applicability=_APPLICABILITIES[item.get("applicability", "unsafe")],
    )
