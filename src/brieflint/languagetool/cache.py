"""LanguageTool answers on disk: one JSON file per (paragraph, language, version, settings).

Safe under concurrent runs: every file is written atomically (temporary file + rename), a
reader sees a whole answer or none, and two runs writing the same key write the same content.
Failed requests are never stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from brieflint import cachefile, sources
from brieflint.atomic import write_text
from brieflint.errors import BrieflintError
from brieflint.languagetool.client import LTMatch

FORMAT = 1


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root / "languagetool"

    @staticmethod
    def key(text: str, language: str, version: str, settings: dict[str, object]) -> str:
        blob = json.dumps(
            {"f": FORMAT, "t": text, "l": language, "v": version, "s": settings},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[LTMatch] | None:
        """The stored answer, or None (not stored, damaged or sealed to another key)."""
        raw = cachefile.read(self._path(key), key)
        try:
            return [LTMatch.from_json(m) for m in raw["matches"]]
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return None

    def put(self, key: str, matches: list[LTMatch]) -> None:
        cachefile.write(self._path(key), key, {"matches": [m.to_json() for m in matches]})

    def _server_file(self, url: str) -> Path:
        return self.root / f"server-{hashlib.sha256(url.encode()).hexdigest()[:16]}.json"

    def known_version(self, url: str) -> str | None:
        """The LanguageTool version last seen at ``url`` (no request needed on a cached run)."""
        path = self._server_file(url)
        try:
            data = sources.read_file(str(path), str(path), 100_000)
            return str(json.loads(data)["version"])
        except (BrieflintError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def remember_version(self, url: str, version: str) -> None:
        with contextlib.suppress(OSError):
            self.root.mkdir(parents=True, exist_ok=True)
            write_text(self._server_file(url), json.dumps({"url": url, "version": version}))
