"""``brieflint rules``: list the rules and show one rule's documentation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from brieflint import kinds, ruleset, session
from brieflint.errors import BrieflintError
from brieflint.rulespec import RuleSpec

app = typer.Typer(
    help=(
        "List rules (id, kind, severity, on/off in the style, fix tier, description), or show one "
        "rule's documentation.\n\nExample:  brieflint rules --style secureblacksea; "
        "brieflint rules show ocr.homoglyph"
    ),
    no_args_is_help=False,
)


def _setup(style: str | None, config: Path | None) -> ruleset.Setup:
    """The setup of the config given, or else of the one found from the current folder."""
    return session.Session(session.options(config=config, style=style)).setup_for(".")


@app.callback(invoke_without_command=True)
def list_rules(
    ctx: typer.Context,
    style: str = typer.Option(None, "--style", help="Show enablement in this house style."),
    config: Path = typer.Option(None, "--config", help="Config file to read."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable list."),
) -> None:
    """List rules: id, kind, severity, enabled in the active style, description.

    Example:  brieflint rules --style secureblacksea
    """
    if ctx.invoked_subcommand is not None:
        return
    setup = _setup(style, config)
    rows = []
    for rid, spec in sorted(setup.catalogue.items()):
        active = setup.base.get(rid) or setup.disabled[rid]
        rows.append(
            {
                "id": rid,
                "kind": spec.kind,
                "severity": active.severity.label,
                "enabled": rid in setup.base,
                "fixable": active.kind.fixable,
                "fix": fix_tiers(active.kind),
                "description": spec.description,
            }
        )
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    width = max((len(str(r["id"])) for r in rows), default=10)
    kw = max((len(str(r["kind"])) for r in rows), default=4)
    typer.echo(f"style: {setup.style_name}")
    typer.echo("fix: safe = applied by `brieflint fix`; unsafe = only with --unsafe-fixes")
    for r in rows:
        on = "on " if r["enabled"] else "off"
        fix = "/".join(str(t) for t in r["fix"]) if r["fix"] else "-"  # type: ignore[attr-defined]
        head = f"{r['id']!s:<{width}}  {r['kind']!s:<{kw}}  {r['severity']!s:<7}"
        typer.echo(f"{head}  {on}  {fix:<11}  {r['description']}")


@app.command("show")
def show(
    rule_id: str = typer.Argument(..., help="A rule id, e.g. ocr.homoglyph."),
    style: str = typer.Option(None, "--style", help="House style that defines the rule."),
    config: Path = typer.Option(None, "--config", help="Config file to read."),
) -> None:
    """Print a rule's documentation with a bad and a good example.

    Example:  brieflint rules show ocr.homoglyph
    """
    setup = _setup(style, config)
    spec = setup.catalogue.get(rule_id)
    if spec is None:
        close = [r for r in setup.catalogue if rule_id in r]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        raise BrieflintError(f"unknown rule {rule_id!r}{hint}")
    typer.echo(render_doc(spec, setup))


def fix_tiers(kind: kinds.Kind[Any] | None) -> list[str]:
    """The tiers of a kind's fixes ("safe", "unsafe"), from its declaration."""
    return [a.value for a in kind.applicabilities] if kind is not None else []


def fix_summary(kind: kinds.Kind[Any] | None) -> str:
    """One line on what ``brieflint fix`` does with a kind's findings."""
    tiers = fix_tiers(kind)
    if not tiers:
        return "no automatic fix"
    if tiers == ["safe"]:
        return "safe fix: applied by `brieflint fix`"
    if tiers == ["unsafe"]:
        return "unsafe fix: applied only by `brieflint fix --unsafe-fixes`"
    return "safe and unsafe fixes: `brieflint fix` applies the safe ones, --unsafe-fixes the rest"


def render_fixes(kind: kinds.Kind[Any] | None) -> list[str]:
    """The **Fix** section of a rule's documentation: each declared fix, its tier and why."""
    if kind is None or not kind.fixes:
        return []
    lines = ["", "**Fix**", ""]
    for declared in kind.fixes:
        tier = declared.applicability.value
        lines.append(f"- {tier}: {declared.name}. {declared.why}")
    return lines


def render_doc(spec: RuleSpec, setup: ruleset.Setup | None = None) -> str:
    """Markdown documentation of one rule (used by ``rules show`` and docs/rules.md)."""
    kind = kinds.get(spec.kind)
    lines = [
        f"## {spec.id}",
        "",
        f"{spec.description}",
        "",
        f"- kind: `{spec.kind}`",
        f"- fix: {fix_summary(kind)}",
        f"- default severity: {spec.severity}",
        f"- enabled by default: {'yes' if spec.enabled else 'no'}",
        "",
        "**Why**",
        "",
        spec.why.strip(),
        "",
        "**Bad**",
        "",
        "```",
        spec.examples.bad.rstrip("\n"),
        "```",
        "",
        "**Good**",
        "",
        "```",
        spec.examples.good.rstrip("\n"),
        "```",
        *render_fixes(kind),
    ]
    if spec.options:
        lines += ["", "**Options** (defaults)", "", "```yaml"]
        for key, value in spec.options.items():
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("```")
    return "\n".join(lines) + "\n"
