"""LanguageTool backend against a real server: findings, offsets, cache, failures.

The server is the one ``BRIEFLINT_LANGUAGETOOL_URL`` names (CI starts it with
``brieflint languagetool fetch && brieflint languagetool serve --detach``); without it, the
session fetches LanguageTool from Maven Central and starts it when Java and Maven exist.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from brieflint import backends, engine, ruleset
from brieflint import config as config_mod
from brieflint.cli import main
from brieflint.document import Document
from brieflint.findings import Finding, Severity
from brieflint.kinds.languagetool import segment
from brieflint.languagetool import server
from brieflint.languagetool.client import ENV_URL, STATS

pytestmark = pytest.mark.languagetool


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def lt_url() -> Iterator[str]:
    url = os.environ.get(ENV_URL)
    if url:
        url = url.rstrip("/")
        if not server.answers(url, timeout=10):
            pytest.fail(f"{ENV_URL}={url} does not answer")
        yield url
        return
    if shutil.which("java") is None or shutil.which("mvn") is None:
        pytest.skip(f"LanguageTool tests need {ENV_URL}, or Java and Maven to start a server")
    server.fetch()
    port = _free_port()
    entry = server.start_detached(port)
    try:
        yield entry.url
    finally:
        server.stop(port)


def _project(tmp_path: Path, url: str, *, mode: str = "required", extra: str = "") -> Path:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text(
        f"languagetool:\n  mode: {mode}\n  url: {url}\n  timeout: 120\n{extra}", encoding="utf-8"
    )
    return cfg


def _lint(cfg: Path, text: str, path: str = "draft.md", use_cache: bool = True) -> list[Finding]:
    options = ruleset.BuildOptions(select=("grammar.languagetool",), use_cache=use_cache)
    setup = ruleset.build(config_mod.load(cfg), options)
    doc = Document.parse(str(cfg.parent / path), text)
    return engine.lint_document(doc, setup.rules_for(doc.path), setup)


def test_segment_maps_every_character_back() -> None:
    prose = "Line one\n  wrapped   here.\n"
    seg = segment(prose, 0, len(prose))
    assert seg.text == "Line one wrapped here."
    for i, ch in enumerate(seg.text):
        if ch != " ":
            assert prose[seg.offsets[i]] == ch
    start, end = seg.span(seg.text.index("wrapped"), len("wrapped"))
    assert prose[start:end] == "wrapped"


def test_off_by_default_sends_nothing_and_says_so(tmp_path: Path) -> None:
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("languagetool:\n  url: http://127.0.0.1:9/\n", encoding="utf-8")
    before = STATS.requests
    assert _lint(cfg, "They has a apples.\n") == []
    assert STATS.requests == before
    setup = ruleset.build(config_mod.load(cfg))
    assert backends.describe(setup)["grammar"] == "off"


def test_real_grammar_findings(lt_url: str, tmp_path: Path) -> None:
    cfg = _project(tmp_path, lt_url)
    text = (
        "The ceasefire has created a conditions for peace.\n\n"
        "The the talks continue in Baku.\n\n"
        "The minister said that he going to resign.\n"
    )
    found = {(f.rule, f.context) for f in _lint(cfg, text, "draft.txt", use_cache=False)}
    assert ("lt.A_NNS", "a conditions") in found  # "a" before a plural
    assert ("lt.PRP_VBG", "he going") in found  # a missing word ("he is going")
    # what a brieflint rule reports (prose.doubled-word) LanguageTool does not repeat
    assert not any(rule == "lt.ENGLISH_WORD_REPEAT_RULE" for rule, _ in found)


def test_correct_british_text_and_duplicates_give_nothing(lt_url: str, tmp_path: Path) -> None:
    cfg = _project(tmp_path, lt_url)
    text = (
        "We organise the realisation of the plan and analyse its colour.\n\n"
        "the talks went on. The рolicy holds , and the the report says so.\n"
    )
    found = {f.rule for f in _lint(cfg, text, "draft.txt", use_cache=False)}
    duplicates = {
        "lt.OXFORD_SPELLING_Z_NOT_S",  # en-GB allows -ise: spelling.variety's business
        "lt.UPPERCASE_SENTENCE_START",  # ocr.lowercase-sentence-start
        "lt.ENGLISH_WORD_REPEAT_RULE",  # prose.doubled-word
        "lt.NON_ENGLISH_CHARACTER_IN_A_WORD",  # ocr.homoglyph
        "lt.COMMA_PARENTHESIS_WHITESPACE",  # ocr.spacing
    }
    assert not found & duplicates


def test_offsets_on_multi_paragraph_markdown(lt_url: str, tmp_path: Path) -> None:
    # the word-repeat rule, a duplicate of prose.doubled-word turned off by default, back on
    extra = "rules:\n  grammar.languagetool:\n    options: {disabled_rules: [WHITESPACE_RULE]}\n"
    cfg = _project(tmp_path, lt_url, extra=extra)
    text = (
        "---\n"
        "title: A a brief\n"
        "---\n"
        "# Azerbaijan's foreign policy\n"
        "\n"
        "Run `make the the build` first, and see https://example.org/the-the for\n"
        "the **details**. The ceasefire has created a\n"
        "conditions for peace.\n"
        "\n"
        "```\n"
        "code code is not sent\n"
        "```\n"
        "\n"
        "After the war, *the the* talks began.\n"
    )
    findings = _lint(cfg, text, use_cache=False)
    by_rule = {(f.rule, f.context): f for f in findings}
    nns = by_rule[("lt.A_NNS", "a\nconditions")]
    assert nns.start == text.index("a\nconditions")
    assert (nns.line, nns.column, nns.end_line, nns.end_column) == (7, 44, 8, 11)
    repeat = by_rule[("lt.ENGLISH_WORD_REPEAT_RULE", "the the")]
    assert repeat.start == text.index("*the the*") + 1
    assert (repeat.line, repeat.column) == (14, 17)
    for f in findings:  # nothing from front matter, code or URLs
        assert f.line not in (2, 6) or f.column < 5, f
        assert f.line not in (10, 11, 12), f


def test_cached_rerun_sends_no_request_and_a_changed_paragraph_only_itself(
    lt_url: str, tmp_path: Path
) -> None:
    cfg = _project(tmp_path, lt_url)
    paragraphs = [
        "The ceasefire has created a conditions for peace.",
        "Talks between the two countries continue.",
        "The minister said that he going to resign.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    first_before = STATS.requests
    first = _lint(cfg, text)
    assert STATS.requests - first_before == 3
    assert (tmp_path / ".brieflint-cache" / "languagetool").is_dir()

    before, cached = STATS.requests, STATS.cached
    again = _lint(cfg, text)
    assert STATS.requests == before  # zero requests on a cached re-run
    assert STATS.cached - cached == 3
    assert [(f.rule, f.start, f.end) for f in again] == [(f.rule, f.start, f.end) for f in first]

    changed = text.replace("countries continue.", "countries create a conditions for it.")
    before = STATS.requests
    findings = _lint(cfg, changed)
    assert STATS.requests - before == 1  # only the changed paragraph
    assert sum(f.rule == "lt.A_NNS" for f in findings) == 2

    before = STATS.requests
    _lint(cfg, text, use_cache=False)  # --no-cache asks again
    assert STATS.requests - before == 3


def test_rule_examples_against_the_server(lt_url: str, tmp_path: Path) -> None:
    cfg = _project(tmp_path, lt_url)
    setup = ruleset.build(config_mod.load(cfg))
    specs = [s for s in setup.catalogue.values() if s.kind == "languagetool"]
    assert specs
    for spec in specs:
        bad = _lint(cfg, spec.examples.bad, "example.txt", use_cache=False)
        good = _lint(cfg, spec.examples.good, "example.txt", use_cache=False)
        assert any(f.rule.startswith("lt.") for f in bad), spec.id
        assert not [f for f in good if f.rule.startswith("lt.")], (spec.id, good)


def test_vocabulary_names_are_not_flagged_by_languagetool_spelling(
    lt_url: str, tmp_path: Path
) -> None:
    (tmp_path / "names.txt").write_text("Zhvaniashvili\n", encoding="utf-8")
    extra = "vocab: [names.txt]\nrules:\n  grammar.languagetool:\n    options: {spelling: true}\n"
    cfg = _project(tmp_path, lt_url, extra=extra)
    text = "Minister Zhvaniashvili met Minister Qrtvelishvili in Tbilisi. The wether was cold.\n"
    found = {f.context for f in _lint(cfg, text, "draft.txt", use_cache=False)}
    assert "Zhvaniashvili" not in found
    assert "wether" in found or "Qrtvelishvili" in found


def test_backend_is_described(lt_url: str, tmp_path: Path) -> None:
    cfg = _project(tmp_path, lt_url)
    setup = ruleset.build(config_mod.load(cfg))
    grammar = backends.describe(setup)["grammar"]
    assert grammar.startswith("LanguageTool ") and lt_url in grammar


def test_unreachable_server_exits_2_naming_the_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    cfg = _project(tmp_path, url)
    draft = tmp_path / "draft.txt"
    draft.write_text("The talks continue.\n", encoding="utf-8")
    code = main(["check", "--config", str(cfg), "--no-cache", str(draft)])
    err = capsys.readouterr().err
    assert code == 2
    assert url in err and "unreachable" in err
    assert err.rstrip().endswith("pass --languagetool optional to check without grammar")


def test_optional_mode_reports_one_warning_instead(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    cfg = _project(tmp_path, url, mode="optional")
    findings = _lint(cfg, "The talks continue.\n\nThey go on.\n", use_cache=False)
    assert len(findings) == 1
    (f,) = findings
    assert f.severity is Severity.WARNING
    assert f.message.startswith("grammar not checked: ") and url in f.message
    assert "brieflint languagetool serve --detach" in f.message
    assert "--languagetool optional" not in f.message  # it is optional already


def test_required_without_a_url_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(ENV_URL, raising=False)
    cfg = tmp_path / "brieflint.yaml"
    cfg.write_text("languagetool:\n  mode: required\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The talks continue.\n", encoding="utf-8")
    assert main(["check", "--config", str(cfg), str(draft)]) == 2
    assert "no LanguageTool server configured" in capsys.readouterr().err
