"""Resolve what runs on a file: shipped rules + style chain + config + per-glob overrides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from brieflint import data, kinds, rulespec, style, yamlpos
from brieflint.config import Config, LoadedConfig
from brieflint.context import Context
from brieflint.discover import matches_any
from brieflint.errors import ConfigError
from brieflint.findings import Severity
from brieflint.overrides import RuleOverride
from brieflint.sources import DEFAULT_MAX_DRAFT_MB
from brieflint.vocabulary import Vocabulary


@dataclass(frozen=True)
class BuildOptions:
    """What the command line decides over a configuration file (None or empty: as configured)."""

    style: str | None = None  # --style: a built-in style name or a folder
    select: tuple[str, ...] = ()  # --select: only these rules (id prefixes)
    ignore: tuple[str, ...] = ()  # --ignore: not these rules (id prefixes)
    language: str | None = None
    languagetool: str | None = None  # --languagetool: off | optional | required
    grammar: str | None = None  # --grammar: harper | languagetool | off
    use_cache: bool = True  # False: --no-cache
    max_draft_mb: float | None = None  # --max-draft-mb: refuse drafts larger than this


@dataclass(frozen=True)
class ActiveRule:
    spec: rulespec.RuleSpec
    kind: kinds.Kind[Any]
    options: kinds.Options
    severity: Severity

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass
class _State:
    """A rule's settings while layers are applied (base rule → styles → config)."""

    spec: rulespec.RuleSpec
    enabled: bool
    severity: str
    options: dict[str, Any]
    options_source: tuple[yamlpos.Located, tuple[str | int, ...]]
    spec_located: yamlpos.Located | None = None


@dataclass
class Setup:
    """Everything resolved for one configuration file; cheap to pickle to worker processes."""

    loaded: LoadedConfig
    layers: list[style.StyleLayer]
    catalogue: dict[str, rulespec.RuleSpec]
    base: dict[str, ActiveRule]
    disabled: dict[str, ActiveRule]
    context: Context
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    max_draft_mb: float = DEFAULT_MAX_DRAFT_MB  # drafts larger than this are refused unread
    _per_glob: dict[tuple[int, ...], list[ActiveRule]] = field(default_factory=dict, repr=False)

    @property
    def style_name(self) -> str:
        return self.layers[-1].name if self.layers else "none"

    def rules_for(self, path: str) -> list[ActiveRule]:
        """Active rules for ``path`` (config overrides and per-file ignores applied)."""
        rel = _relative(path, self.loaded.root)
        cfg = self.loaded.config
        matched = tuple(i for i, o in enumerate(cfg.overrides) if matches_any(rel, o.files))
        ignored = [
            prefix
            for glob, prefixes in cfg.per_file_ignores.items()
            if matches_any(rel, [glob])
            for prefix in prefixes
        ]
        if not matched and not ignored:
            return list(self.base.values())
        key = (*matched, -1, *sorted(hash(p) for p in ignored))
        if key not in self._per_glob:
            self._per_glob[key] = self._resolve_overrides(matched, ignored)
        return self._per_glob[key]

    def _resolve_overrides(
        self, matched: Sequence[int], ignored: Sequence[str]
    ) -> list[ActiveRule]:
        cfg = self.loaded.config
        located = self.loaded.located or yamlpos.Located(None, self.loaded.source)
        states = {rid: _state_of(r) for rid, r in {**self.base, **self.disabled}.items()}
        for rid in self.disabled:
            states[rid].enabled = False
        for index in matched:
            override = cfg.overrides[index]
            _apply(states, override.rules, located, ("overrides", index, "rules"))
            for prefix in override.ignore:
                for rid in _expand(prefix, states, located, ("overrides", index, "ignore")):
                    states[rid].enabled = False
        for prefix in ignored:
            for rid in _expand(prefix, states, located, ("per_file_ignores",)):
                states[rid].enabled = False
        return [_activate(s) for s in states.values() if s.enabled]


def _state_of(rule: ActiveRule) -> _State:
    spec = rule.spec
    empty = yamlpos.Located(None, spec.source)
    return _State(spec, True, rule.severity.label, rule.options.model_dump(), (empty, ()))


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return PurePosixPath(p.resolve().relative_to(root.resolve())).as_posix()
    except (ValueError, OSError):
        return PurePosixPath(p).as_posix()


def matches(rule_id: str, prefix: str) -> bool:
    """Rule selection is by id prefix, as in ruff: ``ocr`` and ``ocr.hyph`` both select
    ``ocr.hyphenation``."""
    return rule_id.startswith(prefix)


def _expand(
    prefix: str, states: dict[str, Any], located: yamlpos.Located, where: tuple[str | int, ...]
) -> list[str]:
    found = [rid for rid in states if matches(rid, prefix)]
    if not found:
        from brieflint import didyoumean

        cli = located.source == "command line"
        groups = {rid.split(".", 1)[0] for rid in states}
        near = didyoumean.hint(prefix, [*states, *groups])
        raise ConfigError(
            f"unknown rule {prefix!r}{near or ' (`brieflint rules` lists them)'}",
            path=None if cli else located.source,
            line=None if cli else located.line_of(where),
            key=yamlpos.format_path(where),
        )
    return found


def _apply(
    states: dict[str, _State],
    overrides: dict[str, RuleOverride],
    located: yamlpos.Located,
    where: tuple[str | int, ...],
) -> None:
    for key, override in overrides.items():
        for rid in _expand(key, states, located, (*where, key)):
            state = states[rid]
            if override.enabled is not None:
                state.enabled = override.enabled
            if override.severity is not None:
                state.severity = override.severity
            if override.options is not None:
                state.options = {**state.options, **override.options}
                state.options_source = (located, (*where, key, "options"))


def _activate(state: _State) -> ActiveRule:
    spec = state.spec
    kind = kinds.get(spec.kind)
    if kind is None:
        located = state.spec_located or yamlpos.Located(None, spec.source)
        raise ConfigError(
            f"unknown rule kind {spec.kind!r} (kinds: {', '.join(kinds.names())})",
            path=spec.source,
            line=located.line_of(("kind",)),
            key="kind",
        )
    try:
        options = kind.options.model_validate(state.options)
    except ValidationError as exc:
        located, prefix = state.options_source
        raise yamlpos.pydantic_error(exc, located, prefix=prefix, model=kind.options) from None
    return ActiveRule(spec, kind, options, Severity.parse(state.severity))


def build(loaded: LoadedConfig, options: BuildOptions | None = None) -> Setup:
    """Resolve the rule set for one configuration (the command line's ``options`` win over the
    config)."""
    chosen = options or BuildOptions()
    style_ref, select, ignore = chosen.style, chosen.select, chosen.ignore
    cfg = loaded.config
    try:
        layers = style.load_chain(style_ref or cfg.style, loaded.root)
    except ConfigError as exc:
        if exc.path is None:
            exc.path = loaded.source if style_ref is None else "--style"
            exc.line = loaded.line_of("style") if style_ref is None else None
        raise
    shipped = rulespec.load_rule_dir(data.rules_dir())
    located_rules = dict(shipped)
    for layer in layers:
        located_rules.update(layer.rules)
    states: dict[str, _State] = {}
    for rid, (spec, located) in located_rules.items():
        states[rid] = _State(
            spec, spec.enabled, spec.severity, dict(spec.options), (located, ("options",)), located
        )
    for layer in layers:
        _apply(states, layer.spec.rules, layer.located, ("rules",))
    cfg_located = loaded.located or yamlpos.Located(None, loaded.source)
    _apply(states, cfg.rules, cfg_located, ("rules",))
    chosen_select = tuple(select) or tuple(cfg.select)
    chosen_ignore = (*cfg.ignore, *ignore)
    cli = yamlpos.Located(None, "command line")
    if chosen_select:
        origin, where = (cli, ("--select",)) if select else (cfg_located, ("select",))
        # a prefix narrows what the style and config enable; a full rule id also turns it on
        keep = {rid for p in chosen_select for rid in _expand(p, states, origin, where)}
        named = set(chosen_select)
        for rid, state in states.items():
            state.enabled = rid in named or (rid in keep and state.enabled)
    for p in cfg.ignore:
        for rid in _expand(p, states, cfg_located, ("ignore",)):
            states[rid].enabled = False
    for p in ignore:
        for rid in _expand(p, states, cli, ("--ignore",)):
            states[rid].enabled = False
    base: dict[str, ActiveRule] = {}
    disabled: dict[str, ActiveRule] = {}
    for rid, state in sorted(states.items()):
        (base if state.enabled else disabled)[rid] = _activate(state)
    backends = _grammar_backend(cfg, chosen.grammar)
    grammar = backends.languagetool
    if chosen.languagetool is not None:
        grammar = grammar.model_copy(update={"mode": chosen.languagetool})
    context = Context(
        languagetool=grammar,
        harper=backends.harper,
        root=loaded.root,
        cache_dir=(loaded.root / cfg.cache_dir) if chosen.use_cache else None,
        language=chosen.language or cfg.language or _style_language(layers),
        vocabulary=_vocabulary(layers, loaded),
        variables=_variables(layers, loaded),
    )
    return Setup(
        loaded=loaded,
        layers=layers,
        catalogue={rid: s.spec for rid, s in states.items()},
        base=base,
        disabled=disabled,
        context=context,
        select=chosen_select,
        ignore=chosen_ignore,
        max_draft_mb=chosen.max_draft_mb or cfg.max_draft_mb,
    )


def _style_language(layers: list[style.StyleLayer]) -> str:
    for layer in reversed(layers):
        if layer.spec.language:
            return layer.spec.language
    return "en-GB"


def _vocabulary(layers: list[style.StyleLayer], loaded: LoadedConfig) -> Vocabulary:
    accept: set[str] = set()
    reject: set[str] = set()
    for layer in layers:
        accept.update(layer.accept)
        reject.update(layer.reject)
    for index, entry in enumerate(loaded.config.vocab):
        path = loaded.root / entry
        if not path.is_file():
            raise ConfigError(
                f"vocabulary file not found: {entry}",
                path=loaded.source,
                line=loaded.line_of("vocab", index),
                key=f"vocab[{index}]",
            )
        accept.update(style.read_word_list(path))
    return Vocabulary(frozenset(accept), frozenset(reject))


def _variables(layers: list[style.StyleLayer], loaded: LoadedConfig) -> dict[str, str]:
    merged: dict[str, str] = {}
    for layer in layers:
        merged.update(layer.spec.variables)
    merged.update(loaded.config.variables)
    return merged


def _grammar_backend(cfg: Config, grammar: str | None) -> Config:
    """``--grammar harper|languagetool|off``: that backend on (in its configured mode, or
    optional), the other off."""
    if grammar is None:
        return cfg
    lt_mode = cfg.languagetool.mode if grammar == "languagetool" else "off"
    harper_mode = cfg.harper.mode if grammar == "harper" else "off"
    if grammar == "languagetool" and lt_mode == "off":
        lt_mode = "optional"
    if grammar == "harper" and harper_mode == "off":
        harper_mode = "optional"
    return cfg.model_copy(
        update={
            "languagetool": cfg.languagetool.model_copy(update={"mode": lt_mode}),
            "harper": cfg.harper.model_copy(update={"mode": harper_mode}),
        }
    )
