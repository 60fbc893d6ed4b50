"""Which language backends a run uses, as the reports say it (text summary, JSON/SARIF ``tool``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brieflint.context import Context
    from brieflint.kinds import Backend
    from brieflint.ruleset import Setup


def in_use(backend: Backend | None, context: Context) -> bool:
    """Whether a run with ``context`` uses ``backend`` (None: a kind's own code, always):
    grammar only when LanguageTool is on, Harper only when it is."""
    if backend == "grammar":
        return context.languagetool.mode != "off"
    if backend == "harper":
        return context.harper.mode != "off"
    return True


def describe(setup: Setup) -> dict[str, str]:
    """A name → description map, e.g. ``{"spelling": "offline (wordfreq en)", "grammar": ...}``.

    Grammar reads "off", "LanguageTool 6.7 at http://127.0.0.1:8081 (required)", or says why it
    cannot run. The server is asked for its version only when the run cached one
    (``languagetool/server-*.json``) is missing, so describing costs no request on a cached run.
    """
    ctx = setup.context
    lang = ctx.language
    spelling_on = any(rule.kind.backend == "spelling" for rule in setup.base.values())
    spelling = f"offline (wordfreq, {lang})" if spelling_on else "off"
    described = {"spelling": spelling, "grammar": _grammar(setup)}
    if any(rule.kind.backend == "word-pairs" for rule in setup.base.values()):
        from brieflint.text.ngrams import data_folder

        found = data_folder() is not None
        described["word-pairs"] = "offline (symspellpy)" if found else "not installed (symspellpy)"
    return described


def _grammar(setup: Setup) -> str:
    lt = _languagetool(setup)
    harper = _harper(setup)
    if harper is None:
        return lt
    return harper if lt == "off" else f"{harper}; {lt}"


def _harper(setup: Setup) -> str | None:
    """Harper's description, or None when it is off."""
    settings = setup.context.harper
    if settings.mode == "off":
        return None
    if not any(rule.kind.backend == "harper" for rule in setup.base.values()):
        return "Harper off (rule disabled)"
    from importlib.metadata import PackageNotFoundError, version

    from brieflint.kinds.harper import dialect_for

    try:
        found = version("harper-py")
    except PackageNotFoundError:
        return f"Harper not installed ({settings.mode})"
    dialect = dialect_for(settings.dialect, setup.context.language)
    return f"Harper (harper-py {found}, {dialect}, offline) ({settings.mode})"


def _languagetool(setup: Setup) -> str:
    ctx = setup.context
    settings = ctx.languagetool
    if not in_use("grammar", ctx):
        return "off"
    from brieflint.languagetool import client as lt  # only when grammar is on

    if not any(rule.kind.backend == "grammar" for rule in setup.base.values()):
        return "off (rule disabled)"
    url = lt.server_url(settings)
    if url is None:
        return f"not configured ({settings.mode}: set languagetool.url or {lt.ENV_URL})"
    version: str | None = None
    if ctx.cache_dir is not None:
        from brieflint.languagetool.cache import ResultCache

        version = ResultCache(ctx.cache_dir).known_version(url)
    if version is None and url != lt.LOCAL:
        from brieflint.languagetool.server import server_version

        version = server_version(url, timeout=min(settings.timeout, 5.0))
        if version is None:
            return f"LanguageTool at {url} unreachable ({settings.mode})"
    where = "language-tool-python's local download" if url == lt.LOCAL else url
    name = f"LanguageTool {version}" if version else "LanguageTool"
    return f"{name} at {where} ({settings.mode})"
