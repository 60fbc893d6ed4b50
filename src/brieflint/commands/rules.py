"""``brieflint rules``: list the rules and show one rule's documentation."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from brieflint import ruleset, session
from brieflint.errors import BrieflintError
from brieflint.ruledoc import fix_tiers, render_doc

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
    """List rules: id, kind, severity, on or off in the active style and config, description.

    grammar.languagetool is on only when LanguageTool is (languagetool.mode optional|required).

    Example:  brieflint rules --style secureblacksea
    """
    if ctx.invoked_subcommand is not None:
        return
    setup = _setup(style, config)
    # the LanguageTool rule runs only when the config (or --languagetool) turns grammar on
    grammar_on = setup.context.languagetool.mode != "off"
    rows = []
    for rid, spec in sorted(setup.catalogue.items()):
        active = setup.base.get(rid) or setup.disabled[rid]
        rows.append(
            {
                "id": rid,
                "kind": spec.kind,
                "severity": active.severity.label,
                "enabled": rid in setup.base and (grammar_on or spec.kind != "languagetool"),
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
        from brieflint import didyoumean

        close = [r for r in setup.catalogue if rule_id in r] or didyoumean.nearest(
            rule_id, setup.catalogue, n=3
        )
        hint = f" (did you mean {', '.join(map(repr, close[:3]))}?)" if close else ""
        raise BrieflintError(f"unknown rule {rule_id!r}{hint or ' (`brieflint rules` lists them)'}")
    typer.echo(render_doc(spec, setup))
