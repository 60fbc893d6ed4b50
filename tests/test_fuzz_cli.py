"""The command line against random input: bytes as drafts, hostile file names, random configs.

Every run must end within its bounds with findings or a one-line error: exit code 0, 1 or 2;
on 2 exactly one ``brieflint: error:`` line naming what went wrong; never a traceback or an
"internal error"; nothing on the terminal that could drive it (no ESC, BEL or other controls).
The runs are in-process (``cli.main``) for speed, with a bounded number of examples.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brieflint.cli import main

SECONDS = 20  # far above what one small draft takes; a run past it is a hang
FORMATS = ["text", "json", "sarif", "github", "junit", "codequality", "html"]

# bytes that are drafts, near-drafts and not drafts: text, broken UTF-8, NULs, BOMs, controls
DRAFT_PIECES = st.sampled_from(
    [
        b"The the minister said.\n",
        b"We recieve the report.\n",
        b"---\ntitle: x\n---\n",
        b"---\n",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff\x00a",
        b"\x00",
        b"\x1b[2J\x1b]0;t\x07",
        b"\xc3",
        b"\xe2\x80\xae",
        b"\r\n",
        b"\r",
        b"<!-- brieflint-disable -->",
        b"# Heading\n",
        "рolicy ﬁnal\u00ad \u200b".encode(),
        b"[" * 50,
    ]
)
DRAFTS = st.one_of(
    st.binary(max_size=300),
    st.lists(DRAFT_PIECES, max_size=12).map(b"".join),
)

# names: letters, spaces, controls, escape sequences, bytes that are not UTF-8, long names
NAME_PIECES = st.sampled_from(
    ["a", "Z", " ", "é", "\x1b[31m", "\x07", "\n", "\t", "\u202e", "\udcff", "\udcfe", "-", "."]
)
NAMES = st.tuples(
    st.lists(NAME_PIECES, max_size=12).map("".join),
    st.sampled_from([".md", ".txt", ".markdown", "", ".MD"]),
    st.integers(min_value=0, max_value=230),
).map(lambda t: "d" + t[0] + "x" * t[2] + t[1])

CONFIG_PIECES = st.sampled_from(
    [
        "style: brief\n",
        "style: nosuch\n",
        'style: "\\e[5m"\n',
        "max_draft_mb: 0.0001\n",
        "max_draft_mb: -1\n",
        "fail_on: warning\n",
        "rules: {prose.doubled-word: error}\n",
        "rules: {no.such: on}\n",
        "select: [ocr]\n",
        "ignore: 3\n",
        "a: &a [*a]\n",
        "x: !!python/object:os.system ls\n",
        "cache_dir: .c\n",
        "languagetool: {mode: off}\n",
        "[\n",
        "\t\x00\n",
        "{",
    ]
)
CONFIGS = st.one_of(
    st.none(),
    st.lists(CONFIG_PIECES, max_size=5).map("".join).map(str.encode),
    st.binary(max_size=80),
)


def _run(args: list[str], cwd: Path) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    started = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(before)
    return code, out.getvalue(), err.getvalue(), time.monotonic() - started


def _assert_bounded(
    code: int, out: str, err: str, seconds: float, fmt: str, diff: bool = False
) -> None:
    assert seconds < SECONDS, seconds
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    errors = [line for line in err.splitlines() if line.startswith("brieflint: error:")]
    if code == 2:
        assert len(errors) == 1, err
    else:
        assert errors == [], err
    shown = out if fmt == "text" else ""
    if diff:  # a diff shows the draft's own lines as they are (for patch); its names escaped
        shown = "".join(line for line in shown.splitlines(True) if line.startswith(("---", "+++")))
    terminal = err + shown
    for control in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
        assert control not in terminal, repr(terminal[:500])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    draft=DRAFTS,
    name=NAMES,
    config=CONFIGS,
    fmt=st.sampled_from(FORMATS),
    command=st.sampled_from(["check", "fix", "fix --diff"]),
)
def test_any_draft_name_and_config_end_in_findings_or_one_error(
    draft: bytes, name: str, config: bytes | None, fmt: str, command: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            (folder / name).write_bytes(draft)
        except OSError:  # the file system refuses the name (too long in bytes)
            return
        if config is not None:
            (folder / "brieflint.yaml").write_bytes(config)
        if command == "check":
            args = ["check", "--no-cache", "-j", "1", "-f", fmt, name]
        else:
            args = [*command.split(), name]
            fmt = "text"
        code, out, err, seconds = _run(args, folder)
        _assert_bounded(code, out, err, seconds, fmt, diff=command == "fix --diff")
        if command == "check" and code == 2 and config is None:
            # without a config, only the draft itself can be wrong: the error names it
            shown = err.splitlines()[-1]
            assert shown.startswith("brieflint: error: d"), shown


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(NAMES, min_size=1, max_size=4, unique=True), draft=DRAFTS)
def test_a_folder_of_hostile_names_is_walked_and_reported(names: list[str], draft: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            with contextlib.suppress(OSError):
                (folder / name).write_bytes(draft)
        for fmt in ("text", "json", "sarif"):
            code, out, err, seconds = _run(
                ["check", "--no-cache", "-j", "1", "-f", fmt, "."], folder
            )
            assert seconds < SECONDS
            assert code in (0, 1, 2), err
            assert "Traceback" not in err and "internal error" not in err, err
            for control in ("\x1b", "\x07", "\u202e"):
                assert control not in err + (out if fmt == "text" else "")
