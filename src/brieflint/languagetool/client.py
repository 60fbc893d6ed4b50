"""A LanguageTool client (language-tool-python) that counts its requests and fails loudly.

``STATS`` counts the check requests this process sent and the paragraphs answered from the cache
(benchmarks and tests read it). With ``BRIEFLINT_LANGUAGETOOL_STATS=<folder>`` each process also
writes its counts to ``<folder>/<pid>.json`` after every request, for runs that fork workers.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from dataclasses import asdict, dataclass
from http.client import HTTPException
from pathlib import Path
from typing import Any

from brieflint.config import DEFAULT_MAX_ANSWER_MB, LanguageToolConfig
from brieflint.errors import BrieflintError, ConfigError
from brieflint.languagetool import bounded

ENV_URL = "BRIEFLINT_LANGUAGETOOL_URL"
ENV_STATS = "BRIEFLINT_LANGUAGETOOL_STATS"
LOCAL = "local"  # languagetool.url: local → language-tool-python's own download
log = logging.getLogger("brieflint.languagetool")


@dataclass
class Stats:
    requests: int = 0  # /v2/check requests sent
    cached: int = 0  # paragraphs answered from the cache
    seconds: float = 0.0  # time spent waiting for LanguageTool

    def reset(self) -> None:
        self.requests, self.cached, self.seconds = 0, 0, 0.0

    def save(self) -> None:
        folder = os.environ.get(ENV_STATS)
        if not folder:
            return
        from brieflint.atomic import write_text

        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        write_text(path / f"{os.getpid()}.json", json.dumps(asdict(self)))


STATS = Stats()


class Unreachable(BrieflintError):
    """The configured LanguageTool server did not answer.

    ``reason`` says what went wrong (and how to start a server, when none answered); the message
    adds how to lint without grammar, which is advice for ``required`` mode only."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason}; pass --languagetool optional to check without grammar")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match; offsets in code points of the text sent."""

    offset: int
    length: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["replacements"] = list(self.replacements)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LTMatch:
        return cls(
            offset=int(data["offset"]),
            length=int(data["length"]),
            rule_id=str(data["rule_id"]),
            category=str(data["category"]),
            issue_type=str(data["issue_type"]),
            message=str(data["message"]),
            replacements=tuple(str(r) for r in data["replacements"]),
        )


def server_url(config: LanguageToolConfig) -> str | None:
    """The server: ``languagetool.url`` in the config, else ``BRIEFLINT_LANGUAGETOOL_URL``."""
    url = config.url or os.environ.get(ENV_URL) or None
    return url.rstrip("/") if url and url != LOCAL else url


class Client:
    """Checks text against one LanguageTool server, in one language, with fixed settings."""

    def __init__(
        self,
        url: str,
        language: str,
        *,
        timeout: float = 30.0,
        max_answer_mb: float = DEFAULT_MAX_ANSWER_MB,
        disabled_rules: tuple[str, ...] = (),
        disabled_categories: tuple[str, ...] = (),
    ) -> None:
        self.url = url
        self.language = language
        self.timeout = timeout  # seconds for a whole request, not for each read
        self.max_answer_mb = max_answer_mb
        self.disabled_rules = disabled_rules
        self.disabled_categories = disabled_categories
        self._tool: Any = None
        self._failure: Unreachable | None = None
        self._version: str | None = None

    def describe(self) -> str:
        return "language-tool-python's local LanguageTool" if self.url == LOCAL else self.url

    def _unreachable(self, exc: BaseException, endpoint: str = "") -> Unreachable:
        """One line naming the server and what went wrong: no answer, an HTTP error status, or
        an answer that is not LanguageTool's JSON."""
        import requests

        causes: list[BaseException] = []
        cause: BaseException | None = exc
        while cause is not None and cause not in causes:
            causes.append(cause)
            cause = cause.__cause__ or cause.__context__
        first = causes[0]
        detail = str(first).strip().splitlines()[0] if str(first).strip() else type(first).__name__
        at = f" {endpoint}" if endpoint else ""
        hint = ""
        found = {type(c) for c in causes}

        def has(kind: type[BaseException]) -> bool:
            return any(issubclass(t, kind) for t in found)

        if has(bounded.DeadlineExceeded) or has(requests.Timeout) or has(TimeoutError):
            problem = f"did not answer{at} within {self.timeout:g} s"
        elif has(bounded.AnswerTooLarge):
            problem = f"answered{at} with more than {self.max_answer_mb:g} MB"
        elif has(bounded.HTTPStatusError):
            status_error = next(c for c in causes if isinstance(c, bounded.HTTPStatusError))
            problem = f"answered{at} with HTTP {status_error.status}"
        elif has(requests.HTTPError):
            http = next(c for c in causes if isinstance(c, requests.HTTPError))
            status = http.response.status_code if http.response is not None else "error"
            problem = f"answered{at} with HTTP {status}"
        elif has(json.JSONDecodeError):
            problem = f"answered{at} with something that is not JSON ({detail[:80]})"
        elif has(OSError) or has(HTTPException):
            errno = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(first))
            problem = f"is unreachable ({errno.group(1) if errno else detail[:200]})"
            hint = "; start one with `brieflint languagetool serve --detach`"
        else:
            problem = f"answered{at} with JSON that is not LanguageTool's ({detail[:80]})"
        return Unreachable(f"LanguageTool at {self.describe()} {problem}{hint}")

    def _get_tool(self) -> Any:
        if self._failure is not None:
            raise self._failure
        if self._tool is not None:
            return self._tool
        import language_tool_python

        client = self

        def query(
            tool: object,
            url: str,
            params: dict[str, str] | None = None,
            num_tries: int = 2,
            method: str = "get",
        ) -> Any:
            # language-tool-python's own requests bound each read only; it asks for /languages
            return client._json("GET" if method == "get" else "POST", url, params)

        # language-tool-python fixes its request timeout on the class
        tool_class = type(
            "Tool",
            (language_tool_python.LanguageTool,),
            {"_TIMEOUT": self.timeout, "_query_server": query},
        )
        try:
            if self.url == LOCAL:
                tool = tool_class(self.language)
            else:
                tool = tool_class(self.language, remote_server=self.url)
        except ValueError as exc:
            if not isinstance(exc, json.JSONDecodeError):  # a language the server lacks
                raise ConfigError(f"LanguageTool: {exc}", key="languagetool") from None
            self._failure = self._unreachable(exc, "/v2/languages")
            raise self._failure from None
        except Exception as exc:  # requests, language-tool-python and OS errors alike
            self._failure = self._unreachable(exc)
            raise self._failure from None
        tool.disabled_rules = set(self.disabled_rules)
        tool.disabled_categories = set(self.disabled_categories)
        self._tool = tool
        return tool

    def _json(self, method: str, url: str, fields: dict[str, str] | None = None) -> Any:
        """One request (``fields`` in the query of a GET, the form of a POST), its JSON answer."""
        body = bounded.request(
            method,
            url,
            timeout=self.timeout,
            max_bytes=int(self.max_answer_mb * 1_000_000),
            params=fields if method == "GET" else None,
            data=fields if method == "POST" else None,
        )
        return json.loads(body)

    def version(self) -> str:
        """The server's LanguageTool version (one /v2/info request, remembered)."""
        if self._version is None:
            tool = self._get_tool()
            base = str(tool._url).rstrip("/")  # ".../v2"
            try:
                self._version = str(self._json("GET", f"{base}/info")["software"]["version"])
            except Exception as exc:
                self._failure = self._unreachable(exc, "/v2/info")
                raise self._failure from None
        return self._version

    def check(self, text: str) -> list[LTMatch]:
        """LanguageTool's matches for ``text`` (one /v2/check request).

        The request is sent here rather than by ``LanguageTool.check``, which takes any JSON
        answer for a result, even one sent with an HTTP error status.
        """
        from language_tool_python import Match

        tool = self._get_tool()
        started = time.perf_counter()
        try:
            url = f"{str(tool._url).rstrip('/')}/check"
            raw = self._json("POST", url, tool._create_params(text))["matches"]
            if not isinstance(raw, list):
                raise TypeError(f"'matches' is {type(raw).__name__}, not a list")
            matches = [Match(dict(m), text) for m in raw]
            return [
                LTMatch(
                    offset=int(m.offset),
                    length=int(m.error_length),
                    rule_id=str(m.rule_id),
                    category=str(m.category),
                    issue_type=str(m.rule_issue_type),
                    message=str(m.message),
                    replacements=tuple(str(r) for r in m.replacements),
                )
                for m in matches
            ]
        except Exception as exc:
            self._failure = self._unreachable(exc, "/v2/check")
            raise self._failure from None
        finally:
            STATS.requests += 1
            STATS.seconds += time.perf_counter() - started
            log.debug("languagetool request %d: %d characters", STATS.requests, len(text))
            STATS.save()


def client_for(
    clients: dict[tuple[object, ...], Client],
    url: str,
    language: str,
    timeout: float,
    disabled_rules: tuple[str, ...],
    disabled_categories: tuple[str, ...],
    max_answer_mb: float = DEFAULT_MAX_ANSWER_MB,
) -> Client:
    """One client per server and settings in ``clients`` (the run's): a failure is remembered
    for the rest of the run, not retried for every paragraph, and forgotten by the next run."""
    key = (url, language, timeout, disabled_rules, disabled_categories, max_answer_mb)
    client = clients.get(key)
    if client is None:
        client = Client(
            url,
            language,
            timeout=timeout,
            max_answer_mb=max_answer_mb,
            disabled_rules=disabled_rules,
            disabled_categories=disabled_categories,
        )
        clients[key] = client
    return client
