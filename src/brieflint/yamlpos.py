"""Safe YAML loading that remembers where every key and value came from.

PyYAML composes a node graph that carries line marks; we construct plain Python values from it
ourselves (safe tags only), reject duplicate keys, and keep a map from key path to line so that
configuration errors can name ``file:line`` and the key without searching text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from brieflint.errors import ConfigError

KeyPath = tuple[str | int, ...]

try:  # the C composer is several times faster; fall back to pure Python
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass
class Located:
    """A YAML document's value with a key-path → (line, column) map (1-based)."""

    value: Any
    source: str
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0

    def line_of(self, path: KeyPath) -> int | None:
        """Line of the deepest known prefix of ``path`` (what the user wrote nearest the error)."""
        for cut in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:cut]))
            if mark is not None:
                return mark[0] + self.line_offset
        return None


def format_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def load(text: str, source: str, *, line_offset: int = 0) -> Located:
    """Parse ``text`` as one YAML document. Raises ConfigError naming ``source:line``."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"invalid YAML: {problem}", path=source, line=line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", path=source) from None
    located = Located(value=None, source=source, line_offset=line_offset)
    if node is None:
        return located
    located.value = _build(node, (), located, _Budget())
    return located


# Aliases make a small text expand to a huge value ("billion laughs") or refer to themselves;
# nesting deeper than Python's stack would crash the builder. No configuration or front matter
# comes near these limits.
MAX_NODES = 100_000
MAX_DEPTH = 64


class _Budget:
    """What building one document may still spend, and the collections being built."""

    def __init__(self) -> None:
        self.nodes = 0
        self.open: set[int] = set()  # ids of the mappings and sequences on the current path


_scalar_constructor = yaml.SafeLoader("")
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_STR = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, path: KeyPath, located: Located, budget: _Budget) -> Any:
    budget.nodes += 1
    if budget.nodes > MAX_NODES:
        raise _error(
            located, node, f"YAML too large (over {MAX_NODES:,} values once aliases expand)"
        )
    if len(path) > MAX_DEPTH:
        raise _error(located, node, f"YAML nested more than {MAX_DEPTH} levels deep")
    located.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        return _build_scalar(node, located)
    if node.tag not in _PLAIN_TAGS:
        raise _error(located, node, f"unsupported YAML tag {node.tag!r}")
    if id(node) in budget.open:
        raise _error(located, node, "YAML alias refers to a value that contains it")
    budget.open.add(id(node))
    try:
        return _build_collection(node, path, located, budget)
    finally:
        budget.open.discard(id(node))


def _build_collection(
    node: yaml.MappingNode | yaml.SequenceNode, path: KeyPath, located: Located, budget: _Budget
) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _error(located, key_node, "YAML merge keys (<<) are not supported")
            key = _build_scalar(key_node, located)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise _error(located, key_node, "mapping keys must be scalars")
            if key in result:
                raise _error(located, key_node, f"duplicate key {key!r}")
            sub = (*path, key if isinstance(key, int) else str(key))
            located.marks[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, sub, located, budget)
        return result
    return [_build(item, (*path, i), located, budget) for i, item in enumerate(node.value)]


def _build_scalar(node: yaml.Node, located: Located) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _error(located, node, "expected a scalar")
    if node.tag == _STR:
        return node.value  # what the constructor returns for text, without its dispatch
    if node.tag == "tag:yaml.org,2002:timestamp":
        # dates stay text: the schema that reads them validates (and reports) them itself
        return node.value
    try:
        return _scalar_constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise _error(located, node, f"unsupported YAML tag {node.tag!r} ({exc.problem})") from None
    except ValueError as exc:
        raise _error(located, node, f"invalid value {node.value!r}: {exc}") from None


def _error(located: Located, node: yaml.Node, message: str) -> ConfigError:
    return ConfigError(
        message, path=located.source, line=node.start_mark.line + 1 + located.line_offset
    )


def pydantic_error(
    exc: Any, located: Located, *, prefix: KeyPath = (), model: Any = None
) -> ConfigError:
    """Turn the first error of a pydantic ValidationError into a ConfigError with file:line.

    With the ``model`` validated, an unknown key names the nearest known one.
    """
    err = exc.errors()[0]
    loc: KeyPath = tuple(p for p in err.get("loc", ()) if isinstance(p, str | int))
    full = (*prefix, *loc)
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if err.get("type") == "extra_forbidden":
        msg = "unknown key"
        if model is not None and loc and isinstance(loc[-1], str):
            from brieflint import didyoumean

            msg += didyoumean.hint(loc[-1], didyoumean.model_keys(model, loc))
    return ConfigError(
        msg, path=located.source, line=located.line_of(full), key=format_path(full) or None
    )
