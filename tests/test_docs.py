"""Generated documentation stays in step with the rule files."""

from __future__ import annotations

from brieflint import docs


def test_rule_reference_is_up_to_date() -> None:
    stale = [str(p) for p, text in docs.targets().items() if p.read_text("utf-8") != text]
    assert not stale, f"run `python -m brieflint.docs` to regenerate {stale}"


def test_every_rule_is_in_the_reference() -> None:
    text = docs.render()
    for _, spec in docs.collect():
        assert f"## {spec.id}\n" in text
        assert spec.examples.bad.strip().splitlines()[0] in text
