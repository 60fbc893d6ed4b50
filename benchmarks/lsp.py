"""Time from one keystroke to diagnostics in brieflint's language server, on a 20 KB brief.

    python benchmarks/lsp.py                 # in-process and over stdio, 30 keystrokes each
    python benchmarks/lsp.py --keystrokes 100 --kb 40

The brief is the policy brief in ``tests/data/briefs`` as Markdown (front matter, headings),
its paragraphs repeated with numbered headings up to ``--kb`` kilobytes. Each keystroke types one
letter into a paragraph at a place spread over the draft.

- ``in-process``: the server's own lint of the edited draft (``lint_offline``: paragraph-local
  rules on the touched blocks, whole-document rules on the whole draft, then the passes over
  all findings), against ``engine.lint_document`` over the whole draft (what a server without the
  incremental re-lint would do).
- ``stdio``: ``brieflint lsp`` started as an editor starts it, driven by pygls's client: the
  time from sending ``didChange`` to receiving that version's ``publishDiagnostics``, with
  the debounce at 0 ms and at the default 20 ms.

The goal (issue #22) is 100 ms from keystroke to diagnostics. Prints a Markdown table of the
median and the 90th percentile in milliseconds of wall-clock time, and the CPU time per
keystroke (in-process: the median of the thread's; over stdio: the server process's, from
``/proc``, averaged over the keystrokes), which a machine shared with other work does not
inflate; the load average before and after is printed with it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from brieflint import config, engine, ruleset, session
from brieflint.document import Document
from brieflint.lsp.linting import Draft, lint_offline
from brieflint.lsp.positions import Codec

REPO = Path(__file__).resolve().parent.parent
BRIEF = REPO / "tests" / "data" / "briefs" / "ports-and-corridors.txt"


def brief(kb: int) -> str:
    paragraphs = [p.strip() for p in BRIEF.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts = ["---\ntitle: Ports and corridors\nauthors: [Lena Marković, Tomas Berg]\n---\n"]
    section = 0
    while sum(len(p) for p in parts) < kb * 1000:
        section += 1
        parts.append(f"## Section {section}")
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def places(text: str, count: int) -> list[int]:
    """Offsets just after a letter in a prose paragraph, spread over the draft."""
    found = []
    step = len(text) // (count + 1)
    for i in range(1, count + 1):
        at = text.find(" ", i * step)
        while not text[at - 1].isalpha():
            at = text.find(" ", at + 1)
        found.append(at)
    return found


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.9 * (len(ordered) - 1))] * 1000


Samples = tuple[list[float], list[float]]  # wall-clock seconds, CPU seconds


def in_process(text: str, keystrokes: int) -> dict[str, Samples]:
    folder = Path(tempfile.mkdtemp())
    path = str(folder / "brief.md")
    sess = session.Session(session.options(config=None, jobs=1))
    draft = Draft("file://" + path, path, text, 1, True)
    lint_offline(draft, sess, text)  # the open: every block
    setup = ruleset.build(config.default())
    engine.lint_document(Document.parse(path, text), setup.rules_for(path), setup)
    times: dict[str, Samples] = {
        "in-process, incremental": ([], []),
        "in-process, whole draft": ([], []),
    }
    for at in places(text, keystrokes):
        text = text[:at] + "s" + text[at:]
        started, cpu = time.perf_counter(), time.thread_time()
        result = lint_offline(draft, sess, text)
        times["in-process, incremental"][0].append(time.perf_counter() - started)
        times["in-process, incremental"][1].append(time.thread_time() - cpu)
        assert result.problem is None
        started, cpu = time.perf_counter(), time.thread_time()
        engine.lint_document(Document.parse(path, text), setup.rules_for(path), setup)
        times["in-process, whole draft"][0].append(time.perf_counter() - started)
        times["in-process, whole draft"][1].append(time.thread_time() - cpu)
    return times


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def over_stdio(text: str, keystrokes: int, debounce_ms: int) -> Samples:
    folder = Path(tempfile.mkdtemp())
    uri = (folder / "brief.md").as_uri()
    client = LanguageClient("benchmark", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived.setdefault(params.version, time.perf_counter())
        event.set()

    await client.start_io(sys.executable, "-m", "brieflint", "lsp", cwd=str(folder))
    await client.initialize_async(
        types.InitializeParams(
            process_id=os.getpid(),
            root_uri=folder.as_uri(),
            capabilities=types.ClientCapabilities(),
            initialization_options={"debounceMs": debounce_ms},
        )
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    await _until(lambda: 1 in arrived, event)
    pid = client._server.pid if client._server is not None else 0
    cpu_before = _cpu_seconds(pid)
    samples = []
    for version, at in enumerate(places(text, keystrokes), start=2):
        line, character = Codec(text).position(at)
        text = text[:at] + "s" + text[at:]
        position = types.Position(line, character)
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangePartial(types.Range(position, position), "s")],
            )
        )
        await _until(lambda v=version: v in arrived, event)  # type: ignore[misc]
        samples.append(arrived[version] - sent)
    cpu = (_cpu_seconds(pid) - cpu_before) / keystrokes
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return samples, [cpu]


async def _until(done: Callable[[], bool], event: asyncio.Event) -> None:
    while not done():
        event.clear()
        await asyncio.wait_for(event.wait(), 120)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=int, default=20, help="size of the brief in kilobytes")
    parser.add_argument("--keystrokes", type=int, default=30, help="keystrokes per measurement")
    args = parser.parse_args(argv)
    text = brief(args.kb)
    load = os.getloadavg()[0]
    rows = in_process(text, args.keystrokes)
    for debounce in (0, 20):
        rows[f"stdio, debounce {debounce} ms"] = asyncio.run(
            over_stdio(text, args.keystrokes, debounce)
        )
    size = len(text.encode("utf-8"))
    print(f"One keystroke in a {size / 1000:.1f} KB brief, {args.keystrokes} keystrokes each")
    print(f"(load average before: {load:.1f}, after: {os.getloadavg()[0]:.1f}):\n")
    print("| measurement | median ms | 90th percentile ms | CPU ms per keystroke |")
    print("|---|---|---|---|")
    for name, (wall, cpu) in rows.items():
        median, p90 = _stats(wall)
        print(f"| {name} | {median:.1f} | {p90:.1f} | {statistics.median(cpu) * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
