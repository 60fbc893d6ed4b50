"""The language server: pygls wiring of the lint, the diagnostics and the code actions.

Linting runs on one worker thread, so the connection never waits for it and runs never overlap;
rules that wait for a service (LanguageTool, Harper) run on another, after the other rules'
findings are published, and their findings are added when they arrive. Edits are linted
``debounce`` seconds after the last one (one run for a burst of keystrokes).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from brieflint import __version__, runner, session
from brieflint.config import CONFIG_NAMES
from brieflint.errors import BrieflintError
from brieflint.findings import Finding
from brieflint.lsp import actions, diagnostics, hover, linting, vocabulary
from brieflint.lsp.linting import Draft, Result
from brieflint.lsp.positions import Codec, apply_change

DEBOUNCE_SECONDS = 0.02  # joins the changes of one paste or multi-cursor edit
log = logging.getLogger(__name__)


def path_of(uri: str, root: Path) -> str:
    """The file a ``file:`` URI names; for another scheme (an unsaved draft), a made-up name
    in the workspace, so that the workspace's configuration applies."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    name = Path(unquote(parsed.path)).name or "untitled"
    return str(root / name)


class Server(LanguageServer):
    """brieflint's language server (one per editor connection)."""

    def __init__(self, options: runner.Options) -> None:
        super().__init__("brieflint", __version__)
        self.options = options
        self.session = session.Session(options)
        self.drafts: dict[str, Draft] = {}
        self.debounce = DEBOUNCE_SECONDS
        self.root = Path.cwd()
        self.reported: set[str] = set()  # rules whose crash was reported
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._background_busy: set[str] = set()
        self._tasks: set[asyncio.Future[None]] = set()  # background runs under way
        self._background_again: set[str] = set()
        self._lint = ThreadPoolExecutor(1, thread_name_prefix="brieflint-lint")
        self._background = ThreadPoolExecutor(1, thread_name_prefix="brieflint-grammar")

    @property
    def encoding(self) -> str:
        try:
            chosen = self.workspace.position_encoding
        except RuntimeError:
            return "utf-16"
        return str(chosen.value if isinstance(chosen, types.PositionEncodingKind) else chosen)

    def codec(self, text: str) -> Codec:
        return Codec(text, self.encoding)

    # -- linting -----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, instead of any run still waiting."""
        waiting = self._pending.pop(uri, None)
        if waiting is not None and not waiting.done():
            waiting.cancel()
        self._pending[uri] = asyncio.ensure_future(self._lint_after(uri, delay))

    async def _lint_after(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        draft = self.drafts.get(uri)
        if draft is None:
            return
        text, version = draft.text, draft.version
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(
                self._lint, linting.lint_offline, draft, self.session, text
            )
        except Exception as exc:  # a bug: say so once, keep serving
            log.exception("linting %s failed", draft.path)
            if "" not in self.reported:
                self.reported.add("")
                self.show(types.MessageType.Error, f"brieflint: internal error: {exc!r}")
            return
        if self.drafts.get(uri) is not draft or draft.version != version:
            return  # a newer edit is on its way
        self.publish(draft, text, result)
        if result.problem is None and draft.doc is not None:
            self._start_background(draft)

    def _start_background(self, draft: Draft) -> None:
        if draft.uri in self._background_busy:
            self._background_again.add(draft.uri)
            return
        self._background_busy.add(draft.uri)
        self._tasks.add(asyncio.ensure_future(self._run_background(draft)))

    async def _run_background(self, draft: Draft) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                self._background_again.discard(draft.uri)
                doc, text, version = draft.doc, draft.text, draft.version
                if doc is None or doc.text != text:
                    break
                found = await loop.run_in_executor(
                    self._background, linting.lint_background, draft, self.session, doc
                )
                if found is None:
                    break
                findings, crashes = found
                if draft.doc is doc and draft.version == version:
                    result = await loop.run_in_executor(
                        self._lint, linting.with_background, draft, self.session, doc, findings
                    )
                    if result is not None and draft.doc is doc and draft.version == version:
                        result.crashes = crashes
                        self.publish(draft, text, result)
                if draft.uri not in self._background_again:
                    break
        except BrieflintError as exc:
            self.show(types.MessageType.Warning, str(exc))
        finally:
            self._background_busy.discard(draft.uri)
            self._tasks = {t for t in self._tasks if not t.done()}

    def publish(self, draft: Draft, text: str, result: Result) -> None:
        codec = self.codec(text)
        draft.result = result
        if result.problem is not None:
            found = [diagnostics.problem(result.problem, codec)]
        else:
            setup = self.session.setup_for(draft.path)
            found = []
            described: dict[str, tuple[str | None, str | None]] = {}  # rule → href, backend
            for finding in result.findings:
                if finding.rule not in described:
                    spec = linting.spec_of(setup, finding.rule)
                    href = diagnostics.href_of(spec.source) if spec is not None else None
                    described[finding.rule] = (href, linting.kind_backend(setup, finding.rule))
                href, backend = described[finding.rule]
                found.append(diagnostics.diagnostic(finding, codec, href, backend))
        for crash in result.crashes:
            if crash.rule not in self.reported:
                self.reported.add(crash.rule)
                self.show(
                    types.MessageType.Error,
                    f"brieflint: rule {crash.rule} failed on {draft.path}: {crash.error} "
                    "(its findings are left out; the other rules' findings are shown)",
                )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=draft.uri, diagnostics=found, version=draft.version)
        )

    def show(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def reload(self) -> None:
        """Read configurations, styles and vocabularies again, and lint every open draft."""
        self.session = session.Session(self.options)
        for uri in list(self.drafts):
            self.schedule(uri, 0)

    def watched(self) -> set[Path]:
        """The files whose change means reloading: the configurations, vocabularies and style
        files of the setups in use."""
        found: set[Path] = set()
        for setup in self.session.setups._by_config.values():
            loaded = setup.loaded
            if loaded.path is not None:
                found.add(loaded.path.resolve())
                found.update((loaded.root / entry).resolve() for entry in loaded.config.vocab)
        return found

    def findings_at(self, draft: Draft, position: types.Position) -> list[Finding]:
        codec = self.codec(draft.doc.text if draft.doc is not None else draft.text)
        offset = codec.offset(position.line, position.character)
        found = []
        for finding in draft.result.findings:
            start, end = diagnostics.span(finding, codec.lines)
            if start <= offset <= max(end, start + 1):
                found.append(finding)
        return found


def create(options: runner.Options) -> Server:
    """The server with every feature registered."""
    server = Server(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: Server, params: types.InitializeParams) -> None:
        if params.root_uri:
            ls.root = Path(path_of(params.root_uri, Path.cwd()))
        given = params.initialization_options
        if isinstance(given, dict) and isinstance(given.get("debounceMs"), int | float):
            ls.debounce = max(0.0, float(given["debounceMs"]) / 1000)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: Server, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        changes = watch.did_change_watched_files if watch is not None else None
        if changes is None or not changes.dynamic_registration:
            return
        globs = [f"**/{name}" for name in CONFIG_NAMES] + ["**/*.txt", "**/*.yaml"]
        registration = types.Registration(
            id="brieflint-watch",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in globs]
            ),
        )
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as exc:  # the client refused: changes are read on restart
            log.warning("file watching not registered: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = path_of(item.uri, ls.root)
        ls.drafts[item.uri] = Draft(
            item.uri, path, item.text, item.version, linting.is_markdown(path, item.language_id)
        )
        ls.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
        draft = ls.drafts.get(params.text_document.uri)
        if draft is None:
            return
        text = draft.text
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                start, end = change.range.start, change.range.end
                text = apply_change(
                    text,
                    (start.line, start.character),
                    (end.line, end.character),
                    change.text,
                    ls.encoding,
                )
            else:
                text = change.text
        draft.text, draft.version = text, params.text_document.version
        ls.schedule(draft.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=True))
    def did_save(ls: Server, params: types.DidSaveTextDocumentParams) -> None:
        draft = ls.drafts.get(params.text_document.uri)
        if draft is None:
            return
        if params.text is not None:
            draft.text = params.text
        ls.schedule(draft.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.drafts.pop(uri, None)
        waiting = ls._pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
        ),
    )
    def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        draft = ls.drafts.get(uri)
        if draft is None or draft.doc is None:
            return []
        only = [
            str(k.value if isinstance(k, types.CodeActionKind) else k)
            for k in params.context.only or []
        ]
        codec = ls.codec(draft.doc.text)
        found: list[types.CodeAction] = []
        given = params.context.diagnostics
        if actions.wanted(types.CodeActionKind.QuickFix.value, only):
            found += actions.quick_fixes(uri, given)
            try:
                setup = ls.session.setup_for(draft.path)
                target = vocabulary.target(setup)
            except BrieflintError:
                target = None
            shown = _shown(target, ls.root) if target is not None else None
            found += actions.add_words(uri, given, shown)
            found += actions.suppressions(uri, given, draft.doc, codec)
        if actions.wanted(actions.FIX_ALL, only):
            every = actions.fix_all(uri, draft.result.findings, codec)
            if every is not None:
                found.append(every)
        return found

    @server.command(actions.ADD_WORD)
    def add_word(ls: Server, *args: Any) -> bool:
        if len(args) != 2 or not all(isinstance(a, str) for a in args):
            ls.show(types.MessageType.Error, f"{actions.ADD_WORD} takes a document URI and a word")
            return False
        uri, word = args
        draft = ls.drafts.get(uri)
        path = draft.path if draft is not None else path_of(uri, ls.root)
        try:
            target = vocabulary.target(ls.session.setup_for(path))
            if target is None:
                raise BrieflintError(
                    "the configuration names no vocabulary file (add `vocab: [FILE]`)", path=path
                )
            added = vocabulary.add(target, word)
        except BrieflintError as exc:
            ls.show(types.MessageType.Error, f"brieflint: {exc}")
            return False
        if added:
            ls.show(types.MessageType.Info, f"brieflint: added {word!r} to {target}")
        ls.reload()
        return added

    @server.command(actions.FIX_ALL_COMMAND)
    async def fix_all(ls: Server, *args: Any) -> bool:
        draft = ls.drafts.get(args[0]) if len(args) == 1 and isinstance(args[0], str) else None
        if draft is None or draft.doc is None:
            return False
        action = actions.fix_all(draft.uri, draft.result.findings, ls.codec(draft.doc.text))
        if action is None or action.edit is None:
            return False
        answer = await ls.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=action.edit, label=action.title)
        )
        return answer.applied

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
        draft = ls.drafts.get(params.text_document.uri)
        if draft is None:
            return None
        found = ls.findings_at(draft, params.position)
        if not found:
            return None
        try:
            setup = ls.session.setup_for(draft.path)
        except BrieflintError:
            return None
        shown = hover.text(found, setup)
        if shown is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=shown)
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: Server, params: types.DidChangeWatchedFilesParams) -> None:
        known = ls.watched()
        for change in params.changes:
            path = Path(path_of(change.uri, ls.root))
            if path.name in CONFIG_NAMES or path.resolve() in known:
                ls.reload()
                return

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: Server, params: None) -> None:
        for task in ls._pending.values():
            task.cancel()
        ls._lint.shutdown(wait=False, cancel_futures=True)
        ls._background.shutdown(wait=False, cancel_futures=True)

    return server


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
