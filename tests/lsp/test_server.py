"""``brieflint lsp`` driven over stdio by pygls's real LSP client, as an editor drives it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.client import Editor, apply, apply_workspace_edit, editor

# 🚢 is outside the Basic Multilingual Plane: one code point, two UTF-16 code units
DRAFT = (
    "# Port report\n"
    "\n"
    "Ships 🚢🚢 reached Pоti and the quarantime terminal this year.\n"
    "\n"
    "The second paragraph is correct.\n"
)
HOMOGLYPH_AT = DRAFT.splitlines()[2].index("Pоti")  # code points into line 2


def by_rule(found: list[types.Diagnostic], rule: str) -> list[types.Diagnostic]:
    return [d for d in found if d.code == rule]


def has(rule: str) -> Callable[[list[types.Diagnostic]], bool]:
    return lambda found: bool(by_rule(found, rule))


def lacks(rule: str) -> Callable[[list[types.Diagnostic]], bool]:
    return lambda found: not by_rule(found, rule)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "brieflint.yaml").write_text("vocab: [words.txt]\n", encoding="utf-8")
    (tmp_path / "words.txt").write_text("# house words\n", encoding="utf-8")
    return tmp_path


def run(coroutine: object) -> None:
    asyncio.run(coroutine)  # type: ignore[arg-type]


def test_open_change_fix_and_shutdown(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            (glyph,) = by_rule(found, "ocr.homoglyph")
            # two astral characters before it: two UTF-16 units more than code points
            assert glyph.range.start == types.Position(2, HOMOGLYPH_AT + 2)
            assert glyph.range.end == types.Position(2, HOMOGLYPH_AT + 2 + 4)
            assert glyph.severity == types.DiagnosticSeverity.Error
            assert glyph.source == "brieflint"
            href = glyph.code_description.href if glyph.code_description else ""
            assert href.startswith("file://") and href.endswith("/ocr.homoglyph.yaml")
            assert Path(href.removeprefix("file://")).is_file()
            assert glyph.data["fix"]["safe"] is True
            assert glyph.data["fix"]["edits"][0]["newText"] == "Poti"

            # one keystroke before the finding, on its line: an astral character more
            v2 = ed.edit(
                uri, [types.TextEdit(types.Range(types.Position(2, 0), types.Position(2, 0)), "🛳")]
            )
            found = await ed.diagnostics(uri, v2, has("ocr.homoglyph"))
            (glyph,) = by_rule(found, "ocr.homoglyph")
            assert glyph.range.start == types.Position(2, HOMOGLYPH_AT + 4)

            # the preferred quick fix is the safe one, and its edit mends the word
            actions = await ed.actions(uri, glyph)
            preferred = [a for a in actions if a.is_preferred]
            assert len(preferred) == 1 and preferred[0].kind == types.CodeActionKind.QuickFix
            assert preferred[0].edit is not None
            (edit,) = preferred[0].edit.changes[uri]  # type: ignore[index]
            assert apply(ed.texts[uri], edit).splitlines()[2] == (
                "🛳Ships 🚢🚢 reached Poti and the quarantime terminal this year."
            )
            apply_workspace_edit(ed, preferred[0].edit)
            found = await ed.diagnostics(uri, ed.versions[uri])
            assert by_rule(found, "ocr.homoglyph") == []
            assert "Poti" in ed.texts[uri]

    run(session())


def test_fix_all_through_workspace_apply_edit(workspace: Path) -> None:
    text = "The goverment will recieve the plan.\n\nPоti is a port.\n"

    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", text)
            found = await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            assert len(by_rule(found, "prose.common-typo")) == 2
            actions = await ed.actions(uri, found[0], only=[types.CodeActionKind.SourceFixAll])
            (every,) = actions
            assert every.kind == "source.fixAll.brieflint" and every.edit is not None
            # the same edit, sent by the server as workspace/applyEdit when asked by command
            await ed.client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="brieflint.fixAll", arguments=[uri])
            )
            await ed.wait_for(lambda: ed.applied)
            assert ed.texts[uri] == "The government will receive the plan.\n\nPoti is a port.\n"
            found = await ed.diagnostics(uri, ed.versions[uri])
            assert [d for d in found if d.data and d.data.get("fix", {}).get("safe")] == []

    run(session())


def test_add_word_to_the_house_vocabulary(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, has("spelling.unknown-word"))
            (unknown,) = by_rule(found, "spelling.unknown-word")
            assert unknown.data["word"] == "quarantime"
            actions = await ed.actions(uri, unknown)
            (add,) = [a for a in actions if a.command is not None]
            assert add.title == "Add 'quarantime' to the house vocabulary (words.txt)"
            assert add.command is not None
            await ed.client.workspace_execute_command_async(
                types.ExecuteCommandParams(
                    command=add.command.command, arguments=add.command.arguments
                )
            )
            assert (workspace / "words.txt").read_text(
                encoding="utf-8"
            ) == "# house words\nquarantime\n"
            # the server reads the vocabulary again and lints the draft again
            await ed.diagnostics(uri, 1, lacks("spelling.unknown-word"))
            assert not list(workspace.glob(".words.txt.*"))  # no temporary file left

    run(session())


def test_suppress_on_the_next_line(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            (glyph,) = by_rule(found, "ocr.homoglyph")
            actions = await ed.actions(uri, glyph)
            (suppress,) = [a for a in actions if a.title.startswith("Suppress")]
            assert suppress.edit is not None
            apply_workspace_edit(ed, suppress.edit)
            assert (
                ed.texts[uri].splitlines()[2]
                == "<!-- brieflint-disable-next-line ocr.homoglyph -->"
            )
            found = await ed.diagnostics(uri, ed.versions[uri])
            assert by_rule(found, "ocr.homoglyph") == []
            assert by_rule(found, "meta.unused-suppression") == []
            assert by_rule(found, "spelling.unknown-word")  # other rules still report

    run(session())


def test_hover_gives_the_rules_description_and_why(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            (glyph,) = by_rule(found, "ocr.homoglyph")
            shown = await ed.client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), glyph.range.start)
            )
            assert shown is not None and isinstance(shown.contents, types.MarkupContent)
            from brieflint import data, rulespec

            spec, _ = rulespec.load_rule_file(data.rules_dir() / "ocr.homoglyph.yaml")
            assert spec.description in shown.contents.value
            assert spec.why.strip().splitlines()[0] in shown.contents.value
            nothing = await ed.client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 2))
            )
            assert nothing is None

    run(session())


def test_config_change_on_disk_is_picked_up(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", DRAFT)
            await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            # the server asked the editor to watch configurations and word lists
            (watch,) = await ed.wait_for(lambda: ed.registered)
            assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            globs = {w["globPattern"] for w in watch.register_options["watchers"]}
            assert {"**/brieflint.yaml", "**/*.txt"} <= globs
            config = workspace / "brieflint.yaml"
            config.write_text("vocab: [words.txt]\nignore: [ocr.homoglyph]\n", encoding="utf-8")
            ed.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
                )
            )
            found = await ed.diagnostics(uri, 1, lacks("ocr.homoglyph"))
            assert by_rule(found, "spelling.unknown-word")
            (workspace / "words.txt").write_text("quarantime\n", encoding="utf-8")
            ed.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    [
                        types.FileEvent(
                            (workspace / "words.txt").as_uri(), types.FileChangeType.Changed
                        )
                    ]
                )
            )
            await ed.diagnostics(uri, 1, lacks("spelling.unknown-word"))

    run(session())


async def _one_problem(ed: Editor, uri: str, code: str) -> types.Diagnostic:
    found = await ed.diagnostics(uri, 1)
    assert [d.code for d in found] == [code]
    return found[0]


def test_bad_input_is_one_diagnostic_and_the_server_carries_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "brieflint.yaml").write_text("rules:\n  ocr.homoglyph: loud\n", encoding="utf-8")
    small = tmp_path / "small"
    small.mkdir()
    (small / "brieflint.yaml").write_text("max_draft_mb: 0.001\n", encoding="utf-8")

    async def session() -> None:
        async with editor(tmp_path) as ed:
            config = await _one_problem(ed, ed.open("bad/draft.md", DRAFT), "config-error")
            assert "brieflint.yaml:2" in config.message and "ocr.homoglyph" in config.message
            binary = await _one_problem(
                ed, ed.open("draft.txt", "abc\x00def", "plaintext"), "input-error"
            )
            assert "binary file" in binary.message
            huge = await _one_problem(ed, ed.open("small/draft.md", "word " * 400), "input-error")
            assert "larger than 0.001 MB" in huge.message
            fm = await _one_problem(ed, ed.open("fm.md", "---\ntitle: x\n\nText.\n"), "input-error")
            assert "front matter" in fm.message
            # still serving: a good draft gets its findings
            uri = ed.open("good.md", DRAFT)
            await ed.diagnostics(uri, 1, has("ocr.homoglyph"))

    run(session())


CRASHING_KIND = """
from brieflint.kinds import Kind, Options


class CrashOptions(Options):
    pass


def check(doc, options, ctx):
    raise RuntimeError("kaboom")
    yield


KIND = Kind("test-crash", CrashOptions, check, "Always fails (a test of crash reporting).")
"""
CRASHING_RULE = """id: test.crash
kind: test-crash
severity: warning
message: never
description: Always fails.
why: To test that a failing rule is reported once.
examples: {bad: x, good: y}
"""


def test_a_crashed_rule_is_reported_once_and_the_rest_still_arrive(workspace: Path) -> None:
    # a kind module of the tests' own, found through the kinds package's search path
    plugins = workspace / "plugins"
    (plugins / "kinds").mkdir(parents=True)
    (plugins / "kinds" / "test_crash.py").write_text(CRASHING_KIND, encoding="utf-8")
    (plugins / "sitecustomize.py").write_text(
        "import brieflint.kinds\nbrieflint.kinds.__path__.append({!r})\n".format(
            str(plugins / "kinds")
        ),
        encoding="utf-8",
    )
    style = workspace / "house"
    (style / "rules").mkdir(parents=True)
    (style / "style.yaml").write_text("name: house\nextends: brief\n", encoding="utf-8")
    (style / "rules" / "test.crash.yaml").write_text(CRASHING_RULE, encoding="utf-8")
    (workspace / "brieflint.yaml").write_text("style: house\n", encoding="utf-8")

    async def session() -> None:
        async with editor(workspace, env={"PYTHONPATH": str(plugins)}) as ed:
            uri = ed.open("draft.md", DRAFT)
            found = await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            assert by_rule(found, "spelling.unknown-word")
            v2 = ed.edit(
                uri, [types.TextEdit(types.Range(types.Position(4, 0), types.Position(4, 0)), "X")]
            )
            await ed.diagnostics(uri, v2, has("ocr.homoglyph"))
            crashes = [m for m in ed.messages if "test.crash" in m.message]
            assert len(crashes) == 1
            assert crashes[0].type == types.MessageType.Error and "kaboom" in crashes[0].message

    run(session())


def test_save_lints_the_saved_text(workspace: Path) -> None:
    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", "Clean text here.\n")
            assert await ed.diagnostics(uri, 1) == []
            count = len(ed.published)
            ed.client.text_document_did_save(
                types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri), DRAFT)
            )
            await ed.wait_for(lambda: len(ed.published) > count)
            assert by_rule(list(ed.published[-1].diagnostics), "ocr.homoglyph")

    run(session())


def test_tcp_on_loopback(workspace: Path) -> None:
    import socket
    import subprocess
    import sys

    from pygls.lsp.client import LanguageClient

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "brieflint", "lsp", "--tcp", str(port)],
        cwd=workspace,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    async def session() -> None:
        client = LanguageClient("tcp-test", "1")
        published: list[types.PublishDiagnosticsParams] = []
        arrived = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams) -> None:
            published.append(params)
            arrived.set()

        for _ in range(200):  # until the server listens
            try:
                await client.start_tcp("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)
        else:
            raise AssertionError("brieflint lsp --tcp never listened")
        await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None)
        )
        client.initialized(types.InitializedParams())
        uri = (workspace / "draft.md").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, DRAFT))
        )
        await asyncio.wait_for(arrived.wait(), 60)
        assert by_rule(list(published[0].diagnostics), "ocr.homoglyph")
        await client.shutdown_async(None)
        client.exit(None)
        await asyncio.wait_for(client.stop(), 30)

    try:
        run(session())
        assert server.wait(30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_a_bad_port_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run_cli

    code, _, err = run_cli(["lsp", "--tcp", "70000"], capsys)
    assert code == 2
    assert err.strip() == "brieflint: error: --tcp: must be a port number from 1 to 65535"


def test_findings_placed_by_line_and_column_keep_their_place(workspace: Path) -> None:
    # meta.unused-suppression runs after the others and places its findings by line and column
    text = (
        "# Title\n\nClean text 🚢 here. <!-- brieflint-disable-next-line ocr.homoglyph -->\nMore.\n"
    )

    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("draft.md", text)
            found = await ed.diagnostics(uri, 1, has("meta.unused-suppression"))
            (unused,) = by_rule(found, "meta.unused-suppression")
            column = text.splitlines()[2].index("<!--") + 1  # one more UTF-16 unit: 🚢
            assert unused.range.start == types.Position(2, column)
            shown = await ed.client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), unused.range.start)
            )
            assert shown is not None and "meta.unused-suppression" in str(shown.contents)

    run(session())


def test_form_feeds_and_unsaved_drafts(workspace: Path) -> None:
    # text from a PDF keeps its form feeds; to LSP (and brieflint) they are not line breaks
    text = "Page one.\x0cPage two\u2028still line 0.\n\nShips reached Pоti.\n"

    async def session() -> None:
        async with editor(workspace) as ed:
            uri = ed.open("extracted.txt", text, "plaintext")
            await ed.diagnostics(uri, 1, has("ocr.homoglyph"))
            at = types.Position(0, 0)
            v2 = ed.edit(uri, [types.TextEdit(types.Range(at, at), "🛳 ")])
            found = await ed.diagnostics(uri, v2, has("ocr.homoglyph"))
            (glyph,) = by_rule(found, "ocr.homoglyph")
            assert glyph.range.start == types.Position(2, len("Ships reached "))
            # a draft never saved: the workspace's configuration applies
            ed.client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    types.TextDocumentItem("untitled:Untitled-1", "markdown", 1, DRAFT)
                )
            )
            found = await ed.diagnostics("untitled:Untitled-1", 1, has("ocr.homoglyph"))
            (unknown,) = by_rule(found, "spelling.unknown-word")
            actions = await ed.actions("untitled:Untitled-1", unknown)
            assert any("words.txt" in a.title for a in actions)  # the workspace's vocabulary

    run(session())
