"""Lint many files: read, parse, resolve config per file, run rules, in parallel when asked."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brieflint import config as config_mod
from brieflint import engine, orphans, readers, ruleset, sources
from brieflint.decode import BinaryFileError, decode
from brieflint.document import Document
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.resultcache import ResultCache, rules_fingerprint


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    text: str | None = None


@dataclass
class Options:
    """How to run: which config, what the command line decides over it, and how to work."""

    config_path: Path | None = None  # --config (None: discovered per file)
    build: ruleset.BuildOptions = field(default_factory=ruleset.BuildOptions)
    jobs: int = 1
    stdin_filename: str | None = None
    keep_text: bool = False  # keep each draft's text on its result (reporters that show it)


@dataclass
class Job:
    """A file to lint: what to call it, where to read it, and whether the user named it."""

    display: str
    source: str  # a filesystem path, or "-" for standard input
    explicit: bool


class SetupCache:
    """Configs and rule sets resolved once per configuration file."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._by_config: dict[Path | None, ruleset.Setup] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def config_path_for(self, path: str) -> Path | None:
        if self.options.config_path is not None:
            return self.options.config_path
        resolved = Path(path).resolve() if path != "-" else Path.cwd()
        folder = resolved if resolved.is_dir() else resolved.parent
        if folder not in self._by_dir:
            self._by_dir[folder] = config_mod.discover(folder)
        return self._by_dir[folder]

    def setup_for(self, path: str) -> ruleset.Setup:
        return self.setup_of(self.config_path_for(path))

    def setup_of(self, cfg_path: Path | None) -> ruleset.Setup:
        """The setup of the configuration file ``cfg_path`` (None: the built-in defaults)."""
        if cfg_path not in self._by_config:
            loaded = config_mod.load(cfg_path) if cfg_path else config_mod.default()
            self._by_config[cfg_path] = ruleset.build(loaded, self.options.build)
        return self._by_config[cfg_path]


def read_bytes(job: Job, max_draft_mb: float = sources.DEFAULT_MAX_DRAFT_MB) -> bytes:
    """The bytes of ``job``: a regular file or standard input, at most ``max_draft_mb``."""
    limit = sources.limit_bytes(max_draft_mb)
    if job.source == "-":
        return sources.read_bounded(sys.stdin.buffer, job.display, limit)
    return sources.read_file(job.source, job.display, limit)


def reader_of(job: Job) -> readers.ReaderInfo:
    """The reader of ``job``'s file type (standard input: by ``--stdin-filename``)."""
    return readers.for_path(job.display if job.source == "-" else job.source)


def read_source(job: Job, max_draft_mb: float = sources.DEFAULT_MAX_DRAFT_MB) -> str:
    """The text of ``job``: a regular file or standard input, at most ``max_draft_mb``."""
    return decode(read_bytes(job, max_draft_mb), job.display)


def lint_job(
    job: Job,
    setup: ruleset.Setup,
    text: str | None = None,
    keep_text: bool = False,
    data: bytes | None = None,
) -> FileResult:
    """Lint ``job``: its file (or standard input), or ``text``, or the file's bytes ``data``
    (a git blob, say) in place of reading it."""
    result = FileResult(job.display)
    try:
        info = reader_of(job)
        if text is None:
            if data is None:
                data = read_bytes(job, setup.max_draft_mb)
            if not info.textual:
                _lint_file(result, job, setup, info, data, keep_text)
                return result
            text = decode(data, job.display)
            data = None  # the bytes are not needed beside their text: a draft's size less to hold
        rules = setup.rules_for(job.source)
        store, key, stored = _stored(setup, rules, job, text)
        if stored is not None:
            result.findings = stored
        else:
            doc = Document.parse(job.display, text, markdown=info.name == "markdown")
            result.findings = engine.lint_document(doc, rules, setup)
            if store is not None:
                store.put(key, result.findings)
        if keep_text:
            result.text = text
    except BinaryFileError as exc:
        if job.explicit:
            result.error = str(exc)
        else:
            result.skipped = str(exc)
    except BrieflintError as exc:
        result.error = str(exc)
    return result


def cached(job: Job, setup: ruleset.Setup, keep_text: bool = False) -> FileResult | None:
    """``job``'s result as the result cache holds it, without linting; None when it is not
    there (or caching is off, or the file cannot be read: linting it reports why)."""
    cache_dir = setup.context.cache_dir
    if cache_dir is None or job.source == "-" or not (cache_dir / "results").is_dir():
        return None
    try:
        info = reader_of(job)
        if keep_text and not info.textual:
            return None
        data = read_bytes(job, setup.max_draft_mb)
        text = decode(data, job.display) if info.textual else None
    except BrieflintError:
        return None
    content = text if text is not None else _bytes_key(info, data)
    found = _stored(setup, setup.rules_for(job.source), job, content)[2]
    if found is None:
        return None
    return FileResult(job.display, findings=found, text=text if keep_text else None)


def _bytes_key(info: readers.ReaderInfo, data: bytes) -> str:
    """What the result cache keys a file that is not text on: its type and its bytes."""
    return f"{info.name}:{hashlib.sha256(data).hexdigest()}"


def _lint_file(
    result: FileResult,
    job: Job,
    setup: ruleset.Setup,
    info: readers.ReaderInfo,
    data: bytes,
    keep_text: bool,
) -> None:
    """Lint a file that is not text (.docx, PDF): its reader makes the document, and the result
    cache keys on the file's bytes, which hold its metadata as well as its text."""
    rules = setup.rules_for(job.source)
    store, key, stored = _stored(setup, rules, job, _bytes_key(info, data))
    doc = None
    if stored is not None:
        result.findings = stored
    else:
        doc = readers.read(job.display, data, info)
        result.findings = engine.lint_document(doc, rules, setup)
        if store is not None:
            store.put(key, result.findings)
    if keep_text:
        result.text = (doc or readers.read(job.display, data, info)).text


# In a worker process only: the setups it inherited from the parent when it was forked, by id.
# Handing them over at fork time rather than with every chunk spares pickling the rule set (and
# reloading the lexicon and losing its lookups) once per chunk.
_INHERITED: dict[int, ruleset.Setup] = {}


def _inherit(setups: dict[int, ruleset.Setup], parent: int) -> None:
    orphans.die_with_parent(parent)
    _INHERITED.clear()
    _INHERITED.update(setups)


def _result_cache(
    setup: ruleset.Setup, rules: list[ruleset.ActiveRule], job: Job, text: str
) -> tuple[ResultCache | None, str]:
    """The result cache and the key of ``job``'s text (None when caching is off)."""
    cache_dir = setup.context.cache_dir
    if cache_dir is None:
        return None, ""
    fingerprint = _fingerprint(setup, rules)
    if fingerprint is None:
        return None, ""
    store = setup.context.service("result-cache", lambda: ResultCache(cache_dir))
    return store, ResultCache.key(fingerprint, job.display, text)


def _stored(
    setup: ruleset.Setup, rules: list[ruleset.ActiveRule], job: Job, content: str
) -> tuple[ResultCache | None, str, list[Finding] | None]:
    """The result cache, the key of ``content`` and the findings stored under it (None: not
    stored, or caching is off)."""
    store, key = _result_cache(setup, rules, job, content)
    return store, key, store.get(key) if store is not None else None


def _fingerprint(setup: ruleset.Setup, rules: Sequence[ruleset.ActiveRule]) -> str | None:
    """What the findings of ``rules`` depend on besides the text (None: not cacheable), worked
    out once per rule set and process."""
    memo: dict[tuple[int, ...], str | None] = setup.context.service("rule-fingerprints", dict)
    key = tuple(id(rule) for rule in rules)
    if key not in memo:
        memo[key] = rules_fingerprint(rules, setup.context)
    return memo[key]


def _lint_chunk(setup_id: int, jobs: list[Job], keep_text: bool) -> list[FileResult]:
    setup = _INHERITED[setup_id]
    return [lint_job(job, setup, keep_text=keep_text) for job in jobs]


def _serially(
    groups: dict[int, tuple[ruleset.Setup, list[tuple[int, Job]]]],
    results: list[FileResult | None],
    options: Options,
    progress: Callable[[int], None] | None,
) -> list[FileResult]:
    """Lint the jobs of ``groups`` in this process into ``results``; every result, in order."""
    for setup, items in groups.values():
        for index, job in items:
            results[index] = lint_job(job, setup, keep_text=options.keep_text)
            if progress:
                progress(1)
    return [r for r in results if r is not None]


def run(
    jobs: Sequence[Job],
    options: Options,
    progress: Callable[[int], None] | None = None,
    cache: SetupCache | None = None,
) -> list[FileResult]:
    """Lint ``jobs``; results come back in the order of ``jobs``. ``cache``: setups already
    resolved for ``options`` (collecting the jobs resolves them too)."""
    if cache is None or cache.options is not options:
        cache = SetupCache(options)
    groups: dict[int, tuple[ruleset.Setup, list[tuple[int, Job]]]] = {}
    for index, job in enumerate(jobs):
        setup = cache.setup_for(job.source)
        groups.setdefault(id(setup), (setup, []))[1].append((index, job))
    results: list[FileResult | None] = [None] * len(jobs)
    workers = min(options.jobs, os.cpu_count() or 1, len(jobs))
    stdin_jobs = any(j.source == "-" for j in jobs)
    if workers <= 1 or len(jobs) < 4 or stdin_jobs:
        return _serially(groups, results, options, progress)
    # what the result cache already holds is answered here: a warm re-run starts no worker,
    # and loads no lexicon
    for key, (setup, items) in list(groups.items()):
        pending = []
        for index, job in items:
            hit = cached(job, setup, options.keep_text)
            if hit is None:
                pending.append((index, job))
                continue
            results[index] = hit
            if progress:
                progress(1)
        if pending:
            groups[key] = (setup, pending)
        else:
            del groups[key]
    left = sum(len(items) for _, items in groups.values())
    if left < 4:
        return _serially(groups, results, options, progress)
    workers = min(workers, left)
    from concurrent.futures import ProcessPoolExecutor  # 30 ms: only for parallel runs
    from multiprocessing import get_context

    setups = {key: setup for key, (setup, _) in groups.items()}
    for setup in setups.values():
        _ = setup.context.lexicon  # loaded once here, shared with the workers by fork
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork"),
        initializer=_inherit,
        # not pickled: a forked worker starts with the parent's memory
        initargs=(setups, os.getpid()),
    ) as pool:
        futures = []
        for key, (_, items) in groups.items():
            size = max(1, len(items) // (workers * 4))
            for i in range(0, len(items), size):
                chunk = items[i : i + size]
                fut = pool.submit(_lint_chunk, key, [j for _, j in chunk], options.keep_text)
                futures.append((fut, [idx for idx, _ in chunk]))
        for fut, indexes in futures:
            for idx, res in zip(indexes, fut.result(), strict=True):
                results[idx] = res
            if progress:
                progress(len(indexes))
    return [r for r in results if r is not None]
