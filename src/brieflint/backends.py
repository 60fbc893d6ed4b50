"""Which language backends a run uses, as the reports say it (text summary, JSON/SARIF ``tool``)."""

from __future__ import annotations

from brieflint.ruleset import Setup


def describe(setup: Setup) -> dict[str, str]:
    """A name → description map, e.g. ``{"spelling": "offline (wordfreq en)"}``."""
    lang = setup.context.language
    return {"spelling": f"offline (wordfreq, {lang})", "grammar": "off"}
