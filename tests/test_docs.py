"""Generated documentation stays in step with the rule files."""

from __future__ import annotations

from brieflint import docs


def test_rule_reference_is_up_to_date() -> None:
    stale = [str(p) for p, text in docs.targets().items() if p.read_text("utf-8") != text]
    assert not stale, f"run `python -m brieflint.docs` to regenerate {stale}"


def test_every_rule_is_in_the_reference() -> None:
    text = docs.render()
    for _, spec in docs.collect():
        assert f"## {spec.id}\n" in text or f"## {spec.id} (style " in text
        assert spec.description in text
        assert spec.examples.bad.strip().splitlines()[0] in text


def test_a_rule_a_style_redefines_has_a_section_per_version() -> None:
    text = docs.render()
    assert "## house.metadata (style brief)\n" in text
    assert "## house.metadata (style secureblacksea)\n" in text
    assert "](#housemetadata-style-secureblacksea)" in docs.render_table()
    # the SecureBlackSea version's own options are documented with it
    section = text.split("## house.metadata (style secureblacksea)\n")[1].split("\n## ")[0]
    assert "| `biographies` | Biographies or null |" in section
    assert "| `within_last` | number > 0, ≤ 1 | 0.5 |" in section
