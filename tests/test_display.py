"""File names that are not UTF-8 in every report format, and strings from outside made safe for a
terminal (file names, LanguageTool messages, config values echoed in errors)."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from brieflint import display, reporters
from tests.conftest import run_cli
from tests.test_faults import GOOD_MATCH, FakeLanguageTool, _json

BAD_NAME = b"bad\xff\xfe.md"
SHOWN = "bad\\xff\\xfe.md"  # each undecodable byte as \xNN


@pytest.fixture
def bad_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    try:
        with open(os.path.join(os.fsencode(tmp_path), BAD_NAME), "w", encoding="utf-8") as handle:
            handle.write("The the minister said.\n")
    except OSError as exc:  # a file system that insists on UTF-8 names
        pytest.skip(f"cannot create a non-UTF-8 file name here: {exc}")
    return tmp_path


# every format that renders a report (docx and pdf write copies of drafts of their own type)
@pytest.mark.parametrize(
    "fmt", sorted(n for n, info in reporters.REPORTERS.items() if info.copies is None)
)
def test_a_name_that_is_not_utf8_is_shown_escaped_in_every_format(
    fmt: str, bad_name: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["check", "--no-cache", "-f", fmt, "-o", "report", "."], capsys)
    assert code == 0, err  # a warning only
    assert err == ""
    raw = (bad_name / "report").read_bytes()
    text = raw.decode("utf-8")  # strict: the report is valid UTF-8
    if fmt in ("json", "codequality"):
        data = json.loads(text)
        paths = (
            [f["path"] for f in data["findings"]]
            if fmt == "json"
            else [f["location"]["path"] for f in data]
        )
        assert paths == [SHOWN]
    elif fmt == "sarif":
        data = json.loads(text)
        uri = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert uri["artifactLocation"]["uri"] == "bad%5Cxff%5Cxfe.md"  # SHOWN, as a URI
    elif fmt == "junit":
        root = ET.fromstring(raw)
        assert [s.get("name") for s in root.iter("testsuite")] == [SHOWN]
    else:
        assert SHOWN in text
    assert "\\udc" not in text and "\\xdc" not in text


def test_standard_output_gets_the_escaped_name_too(
    bad_name: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(["check", "--no-cache", "-f", "json", "."], capsys)
    assert code == 0
    assert json.loads(out)["findings"][0]["path"] == SHOWN
    code, out, _ = run_cli(["check", "--no-cache", "."], capsys)
    assert code == 0
    assert f"  {SHOWN}:1:1  warning  prose.doubled-word" in out


def test_an_error_about_such_a_file_names_it_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = b"bin\xff.md"
    try:
        Path(os.fsdecode(name)).write_bytes(b"\x00\x01binary")
    except OSError as exc:
        pytest.skip(f"cannot create a non-UTF-8 file name here: {exc}")
    code, _, err = run_cli(["check", "--no-cache", os.fsdecode(name)], capsys)
    assert code == 2
    assert (
        err.splitlines()[-1]
        == "brieflint: error: bin\\xff.md: binary file (NUL bytes), not a draft"
    )


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        ("tab\tstays", "tab\tstays"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("title\x1b]0;owned\x07", "title\\x1b]0;owned\\x07"),
        ("csi\x9b2J", "csi\\x9b2J"),  # the one-character C1 form
        ("line\nbreak\rreturn", "line\\x0abreak\\x0dreturn"),
        ("del\x7f", "del\\x7f"),
        ("rtl\u202eexe.md", "rtl\\u202eexe.md"),
        ("byte\udcff", "byte\\xff"),
        ("lone\ud800", "lone\\ud800"),
        ("Ünïcödé — “quotes”", "Ünïcödé — “quotes”"),
    ],
)
def test_for_terminal(raw: str, shown: str) -> None:
    assert display.for_terminal(raw) == shown
    assert display.for_terminal(shown) == shown  # escaping twice changes nothing more


def test_a_file_name_with_escape_sequences_reaches_the_terminal_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "evil\x1b[2J\x1b]0;title\x07.md"
    Path(name).write_text("The the minister said.\n", "utf-8")
    code, out, err = run_cli(["check", "--no-cache", name], capsys)
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "evil\\x1b[2J\\x1b]0;title\\x07.md:1:1  warning" in out
    Path("missing\x1b[31m.md").symlink_to("nowhere")
    code, out, err = run_cli(["check", "--no-cache", "missing\x1b[31m.md"], capsys)
    assert code == 2
    assert err == "brieflint: error: missing\\x1b[31m.md: broken symbolic link\n"


def test_a_config_value_echoed_in_an_error_is_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("brieflint.yaml").write_text('style: "no\\e[5msuch"\n', "utf-8")
    Path("a.md").write_text("Fine.\n", "utf-8")
    code, _, err = run_cli(["check", "a.md"], capsys)
    assert code == 2
    assert "\x1b" not in err
    assert "no\\x1b[5msuch" in err
    assert len(err.splitlines()) == 1


def test_languagetool_messages_reach_the_terminal_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = {
        **GOOD_MATCH,
        "message": "Agreement\x1b[2J\x1b]0;owned\x07 \u202eevil",
        "replacements": [{"value": "conditions\x1b[8m"}],
    }
    answer = {"check": _json({"language": {"code": "en-GB"}, "matches": [hostile]})}
    with FakeLanguageTool(answer) as fake:
        monkeypatch.chdir(tmp_path)
        Path("brieflint.yaml").write_text(
            f"languagetool:\n  mode: required\n  url: {fake.url}\n", "utf-8"
        )
        Path("draft.txt").write_text("The ceasefire has created a conditions for peace.\n")
        code, out, err = run_cli(
            ["check", "--no-cache", "--select", "grammar", "draft.txt"], capsys
        )
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Agreement\\x1b[2J\\x1b]0;owned\\x07 \\u202eevil" in out
    assert "(→ conditions\\x1b[8m)" in out
