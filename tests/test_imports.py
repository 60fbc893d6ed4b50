"""The import structure: no circles, commands never import each other, layers import downwards.

Imports are read with ``ast`` from the source (at module level and inside functions alike; only
imports under ``if TYPE_CHECKING:`` are left out, since they never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

import brieflint

SRC = Path(brieflint.__file__).parent.parent
# Layers, highest first: a module may import its own layer and the ones below it (within a layer,
# the circle test keeps the order). A new top-level module is given its layer here.
LAYERS: list[tuple[str, ...]] = [
    ("brieflint.app", "brieflint.cli", "brieflint.__main__", "brieflint.commands"),
    ("brieflint.docs",),
    ("brieflint.review",),
    ("brieflint.lsp",),  # the language server, over the session like a command
    ("brieflint.session",),
    (
        "brieflint.reporters",
        "brieflint.baseline",
        "brieflint.changed",
        "brieflint.fixdiff",
        "brieflint.merging",
    ),
    (
        "brieflint.runner",
        "brieflint.resultcache",
        "brieflint.engine",
        "brieflint.ruleset",
        "brieflint.ruledoc",
        "brieflint.schema",
        "brieflint.backends",
        "brieflint.fixer",
        "brieflint.postpass",
        "brieflint.orphans",
        "brieflint.docxfix",
        "brieflint.shard",
    ),
    ("brieflint.kinds", "brieflint.readers"),
    (
        "brieflint.context",
        "brieflint.suppress",
        "brieflint.spelling",
        "brieflint.languagetool",
        "brieflint.text",
        "brieflint.patterns",
        "brieflint.document",
        "brieflint.masking",
        "brieflint.positions",
        "brieflint.word",
        "brieflint.readers",
    ),
    (
        "brieflint",  # the package itself: its version
        "brieflint.findings",
        "brieflint.location",
        "brieflint.config",
        "brieflint.errors",
        "brieflint.vocabulary",
        "brieflint.yamlpos",
        "brieflint.atomic",
        "brieflint.data",
        "brieflint.decode",
        "brieflint.discover",
        "brieflint.rulespec",
        "brieflint.overrides",
        "brieflint.style",
        "brieflint.report",
        "brieflint.display",  # terminal-safe strings, over the report model
        "brieflint.gitrepo",
        "brieflint.sources",
        "brieflint.didyoumean",
        "brieflint.cachefile",
    ),
]


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted((SRC / "brieflint").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The module ``name`` is, or is defined in (``brieflint.kinds.Hit`` → ``brieflint.kinds``)."""
    while name not in MODULES:
        if "." not in name:
            return None
        name = name.rsplit(".", 1)[0]
    return name


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    return skipped


def imports_of(name: str) -> set[str]:
    """The brieflint modules that module ``name`` imports when it runs."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str | None] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(_owner(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                found.add(_owner(f"{module}.{alias.name}"))
    found.discard(None)
    found.discard(name)
    return {m for m in found if m is not None and m.split(".")[0] == "brieflint"}


GRAPH = {name: imports_of(name) for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


def test_no_command_imports_another_command() -> None:
    commands = {m for m in MODULES if m.startswith("brieflint.commands.")}
    assert commands, "the commands package is where it should be"
    for name, imported in GRAPH.items():
        used = imported & commands
        if name in commands:
            assert not used, f"{name} imports {sorted(used)}"
        elif name not in ("brieflint.app", "brieflint.cli"):
            assert not used, f"{name} imports a command module: {sorted(used)}"


def _layer(name: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer) of the longest prefix
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            nested = prefix != "brieflint" and name.startswith(prefix + ".")
            if (name == prefix or nested) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), rank)
    return None if best is None else best[1]


def test_layers_import_downwards_only() -> None:
    upward = []
    for name, imported in sorted(GRAPH.items()):
        mine = _layer(name)
        for other in sorted(imported):
            theirs = _layer(other)
            if mine is not None and theirs is not None and theirs < mine:
                upward.append(f"{name} → {other}")
    assert upward == []


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if _layer(m) is None] == []
