"""“Did you mean …?”: the nearest known name to a mistyped rule id, config key or word."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel


def nearest(word: str, choices: Iterable[str], n: int = 1) -> list[str]:
    """Up to ``n`` of ``choices`` closest to ``word`` (similar enough to be a slip), best first."""
    return difflib.get_close_matches(word, sorted(set(choices)), n=n, cutoff=0.6)


def hint(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, or '' when none is near."""
    close = nearest(word, choices)
    return f" (did you mean {close[0]!r}?)" if close else ""


def model_keys(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The keys a model allows at ``path`` (the mapping holding its last element)."""
    current: Any = model
    for part in path[:-1]:
        current = _inner(current, part)
        if current is None:
            return []
    for tp in _options(current):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            fields = tp.model_fields
            return [f.alias or name for name, f in fields.items()]
    return []


def _options(tp: Any) -> list[Any]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return [tp]


def _inner(tp: Any, part: str | int) -> Any:
    for option in _options(tp):
        if isinstance(option, type) and issubclass(option, BaseModel):
            fields = {f.alias or name: f for name, f in option.model_fields.items()}
            if isinstance(part, str) and part in fields:
                return fields[part].annotation
        origin = typing.get_origin(option)
        args = typing.get_args(option)
        if origin is dict and len(args) == 2 and isinstance(part, str):
            return args[1]
        if origin in (list, tuple) and args and isinstance(part, int):
            return args[0]
    return None
