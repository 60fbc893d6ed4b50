"""A real LSP client (pygls's) driving ``brieflint lsp`` over stdio, as an editor does."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import default_converter

from brieflint.lsp.positions import Codec

TIMEOUT = 60.0  # the first lint loads the lexicon


@dataclass
class Editor:
    """What the editor side knows: the text it holds, and what the server sent it."""

    client: LanguageClient
    root: Path
    texts: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    published: list[types.PublishDiagnosticsParams] = field(default_factory=list)
    messages: list[types.ShowMessageParams] = field(default_factory=list)
    applied: list[types.WorkspaceEdit] = field(default_factory=list)
    registered: list[types.Registration] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    async def wait_for(
        self, check: Callable[[], Any], timeout: float = TIMEOUT
    ) -> Any:  # the first truthy value of ``check()``
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            found = check()
            if found:
                return found
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"timed out; published: {self.published[-3:]}")
            self.changed.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)

    def latest(self, uri: str, version: int | None = None) -> list[types.Diagnostic] | None:
        for params in reversed(self.published):
            if params.uri == uri:
                if version is not None and params.version != version:
                    return None
                return list(params.diagnostics)
        return None

    async def diagnostics(
        self,
        uri: str,
        version: int | None = None,
        where: Callable[[list[types.Diagnostic]], bool] | None = None,
    ) -> list[types.Diagnostic]:
        """The diagnostics last published for ``uri`` (of ``version``; once ``where`` holds)."""

        def ready() -> tuple[list[types.Diagnostic]] | None:
            found = self.latest(uri, version)
            if found is None or (where is not None and not where(found)):
                return None
            return (found,)

        found: tuple[list[types.Diagnostic]] = await self.wait_for(ready)
        return found[0]

    def open(self, name: str, text: str, language: str = "markdown") -> str:
        uri = self.uri(name)
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )
        return uri

    def edit(self, uri: str, edits: list[types.TextEdit]) -> int:
        """Apply ``edits`` here and send them to the server as incremental changes."""
        text = self.texts[uri]
        changes = []
        for e in sorted(
            edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
        ):
            text = apply(text, e)
            changes.append(types.TextDocumentContentChangePartial(range=e.range, text=e.new_text))
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=changes,
            )
        )
        return self.versions[uri]

    async def actions(
        self, uri: str, diagnostic: types.Diagnostic, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        found = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
            )
        )
        return [a for a in found or [] if isinstance(a, types.CodeAction)]


def apply(text: str, edit: types.TextEdit) -> str:
    """``text`` with one LSP text edit applied (UTF-16 positions)."""
    codec = Codec(text, "utf-16")
    start = codec.offset(edit.range.start.line, edit.range.start.character)
    end = codec.offset(edit.range.end.line, edit.range.end.character)
    return text[:start] + edit.new_text + text[end:]


def apply_workspace_edit(editor: Editor, edit: types.WorkspaceEdit) -> None:
    for uri, edits in (edit.changes or {}).items():
        editor.edit(uri, list(edits))


def _command_or_action(value: Any, _: object) -> types.Command | types.CodeAction:
    converter = default_converter()
    if isinstance(value.get("command"), str):
        return converter.structure(value, types.Command)
    return converter.structure(value, types.CodeAction)


@asynccontextmanager
async def editor(
    root: Path, env: dict[str, str] | None = None, init: dict[str, Any] | None = None
) -> AsyncIterator[Editor]:
    """A started, initialized client talking to ``brieflint lsp`` run in ``root``."""
    client = LanguageClient("brieflint-tests", "1")
    # lsprotocol reads any code action with a "command" key as a bare Command, even when that
    # key holds a Command object (a code action that runs a command): read it as editors do
    client.protocol._converter.register_structure_hook(
        types.Command | types.CodeAction,  # type: ignore[arg-type]
        _command_or_action,
    )
    ed = Editor(client, root)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        ed.published.append(params)
        ed.changed.set()

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def message(params: types.ShowMessageParams) -> None:
        ed.messages.append(params)
        ed.changed.set()

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        ed.applied.append(params.edit)
        apply_workspace_edit(ed, params.edit)
        ed.changed.set()
        return types.ApplyWorkspaceEditResult(applied=True)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        ed.registered.extend(params.registrations)
        ed.changed.set()

    environment = {**os.environ, **(env or {})}
    await client.start_io(sys.executable, "-m", "brieflint", "lsp", cwd=str(root), env=environment)
    await client.initialize_async(
        types.InitializeParams(
            process_id=os.getpid(),
            root_uri=root.as_uri(),
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf16]
                ),
                workspace=types.WorkspaceClientCapabilities(
                    apply_edit=True,
                    did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                        dynamic_registration=True
                    ),
                ),
            ),
            initialization_options=init or {"debounceMs": 20},
        )
    )
    client.initialized(types.InitializedParams())
    try:
        yield ed
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await asyncio.wait_for(client.stop(), 30)
