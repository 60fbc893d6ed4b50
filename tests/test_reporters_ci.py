"""CI formats (junit, codequality), several --format/--output in one run, and the progress bar."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from brieflint import reporters
from brieflint.findings import Finding, Severity
from brieflint.report import Report
from tests.briefs import SARIF_SCHEMA
from tests.conftest import run_cli as run

# What GitLab reads from a Code Quality report (docs.gitlab.com, "Code Quality report format"):
# an array of issues with these fields; severity one of GitLab's five.
CODEQUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

BAD = "# Brief\n\nTrade grew by TK per cent.\n\nSee TODO and TK.\n"
OTHER = "Costs rose by XXX.\n"
CLEAN = "Trade grew by 12 per cent.\n"


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "briefs" / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "briefs" / "clean.md").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def json_findings(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, object]]:
    code, out, _ = run(["check", *paths, "-f", "json", "--select", "prose.placeholder"], capsys)
    assert code == 1
    findings: list[dict[str, object]] = json.loads(out)["findings"]
    return findings


def test_registry_has_the_ci_and_editor_formats() -> None:
    assert {"junit", "codequality", "html"} <= set(reporters.REPORTERS)
    assert reporters.REPORTERS["junit"].machine and reporters.REPORTERS["codequality"].machine


def test_junit_counts_one_failure_per_finding(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = json_findings(capsys, "briefs")
    assert len(expected) == 4  # TK, TODO, TK in bad.md; XXX in other.txt
    code, out, _ = run(["check", "briefs", "-f", "junit", "--select", "prose.placeholder"], capsys)
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert root.get("tests") == "4" and root.get("failures") == "4"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"briefs/bad.md", "briefs/other.txt"}
    assert suites["briefs/bad.md"].get("failures") == "3"
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 4
    failures = [c.find("failure") for c in cases]
    assert all(f is not None and f.get("type") == "error" for f in failures)
    first = cases[0]
    assert first.get("file") == "briefs/bad.md" and first.get("line") == "3"
    assert first.get("classname") == "prose.placeholder"
    assert "TK" in (first.find("failure").get("message") or "")  # type: ignore[union-attr]


def test_junit_clean_run_is_one_passing_test(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", "briefs/clean.md", "-f", "junit"], capsys)
    assert code == 0
    root = ET.fromstring(out)
    assert root.get("failures") == "0" and root.get("tests") == "1"
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None


def test_junit_stays_valid_xml_with_control_characters() -> None:
    finding = Finding(
        path="a\x0cb.txt",
        line=1,
        column=1,
        end_line=1,
        end_column=3,
        rule="prose.placeholder",
        severity=Severity.WARNING,
        message="odd \x0c\x01 characters <&> from a PDF",
        suggestions=("x\x0b",),
    )
    out = reporters.render("junit", Report(findings=[finding], files=1, fail_on="warning"))
    root = ET.fromstring(out)
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "warning"
    assert failure.get("message") == "odd \\x0c\\x01 characters <&> from a PDF (→ x\\x0b)"


def test_codequality_matches_gitlab_fields(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["check", "briefs", "-f", "codequality", "--select", "prose.placeholder"], capsys
    )
    assert code == 1
    issues = json.loads(out)
    jsonschema.validate(issues, CODEQUALITY_SCHEMA)
    assert len(issues) == 4
    assert len({i["fingerprint"] for i in issues}) == 4  # GitLab needs them unique
    first = issues[0]
    assert first["check_name"] == "prose.placeholder"
    assert first["severity"] == "major"  # an error
    assert first["location"] == {"path": "briefs/bad.md", "lines": {"begin": 3, "end": 3}}
    assert "TK" in first["description"]


def test_codequality_fingerprints_survive_a_line_shift(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "briefs/bad.md", "-f", "codequality", "--select", "prose.placeholder"]
    before = json.loads(run(args, capsys)[1])
    (drafts / "briefs" / "bad.md").write_text("New opening.\n\n" + BAD, encoding="utf-8")
    after = json.loads(run(args, capsys)[1])
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 2 for i in before
    ]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_codequality_paths_are_relative_to_the_working_directory(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absolute = str(drafts / "briefs" / "other.txt")
    code, out, _ = run(["check", absolute, "-f", "codequality"], capsys)
    assert code == 1
    assert json.loads(out)[0]["location"]["path"] == "briefs/other.txt"


def test_several_formats_in_one_run(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        [
            "check",
            "briefs",
            "--select",
            "prose.placeholder",
            "-f",
            "junit",
            "-o",
            "out/junit.xml",
            "-f",
            "text",
            "-o",
            "-",
            "--format",
            "codequality",
            "--output",
            "out/gl-code-quality.json",
            "-f",
            "sarif",
            "-o",
            "out/lint.sarif",
            "-f",
            "html",
            "-o",
            "out/report.html",
        ],
        capsys,
    )
    assert code == 1, err
    # text went to standard output ("-"), the others to their files
    assert "briefs/bad.md:3:15" in out and "4 error(s)" in out
    junit = ET.parse(drafts / "out" / "junit.xml").getroot()
    assert junit.get("failures") == "4"
    issues = json.loads((drafts / "out" / "gl-code-quality.json").read_text(encoding="utf-8"))
    jsonschema.validate(issues, CODEQUALITY_SCHEMA)
    assert len(issues) == 4
    sarif = json.loads((drafts / "out" / "lint.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert len(sarif["runs"][0]["results"]) == 4
    page = (drafts / "out" / "report.html").read_text(encoding="utf-8")
    assert page.count('class="finding"') == 4
    assert "Trade grew by" in page  # the text is in the report: the runner kept it


def test_format_and_output_counts_must_match(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "briefs", "-f", "json", "-f", "junit", "-o", "a.json"], capsys)
    assert code == 2
    assert err.strip() == "brieflint: error: --output: give one --output per --format"
    assert not (drafts / "a.json").exists()


# --- progress bar: real terminals (a pseudo-terminal), never elsewhere -----------------------


def _many_drafts(folder: Path, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"d{i:02}.md").write_text(f"Draft {i} says TK.\n", encoding="utf-8")


def _cli(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "brieflint", *args]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "FORCE_", "NO_COLOR"))}
    env.update(TERM="xterm-256color", COLUMNS="100")
    return env


def run_on_terminal(args: list[str], cwd: Path) -> str:
    """Run the CLI with stdin, stdout and stderr on a pseudo-terminal; all it wrote."""
    import pty

    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        _cli(args), cwd=cwd, stdin=secondary, stdout=secondary, stderr=secondary, env=_env()
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


BAR = "checking drafts"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_bar_on_a_terminal_for_many_files(tmp_path: Path) -> None:
    _many_drafts(tmp_path / "many", 25)
    shown = run_on_terminal(["check", "many", "-j", "1"], tmp_path)
    assert BAR in shown
    assert "25 error(s)" in shown  # the report still follows


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_progress_bar_for_a_short_run_machine_format_or_quiet(tmp_path: Path) -> None:
    _many_drafts(tmp_path / "few", 3)
    _many_drafts(tmp_path / "many", 25)
    assert BAR not in run_on_terminal(["check", "few"], tmp_path)
    for machine in ("json", "sarif", "github", "junit", "codequality"):
        shown = run_on_terminal(["check", "many", "-f", machine], tmp_path)
        assert BAR not in shown, machine
    assert BAR not in run_on_terminal(["check", "many", "--quiet"], tmp_path)
    # the text format, but with a machine format beside it
    out = run_on_terminal(
        ["check", "many", "-f", "text", "-f", "json", "-o", "-", "-o", "x"], tmp_path
    )
    assert BAR not in out and "25 error(s)" in out


def test_no_progress_bar_off_a_terminal(tmp_path: Path) -> None:
    _many_drafts(tmp_path / "many", 25)
    proc = subprocess.run(
        _cli(["check", "many"]), cwd=tmp_path, capture_output=True, text=True, env=_env()
    )
    assert proc.returncode == 1
    assert BAR not in proc.stderr and BAR not in proc.stdout
    assert proc.stderr == ""


# --- the CI examples run as written ----------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run_script(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = _env()
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "drafts", tmp_path / "briefs")
    (tmp_path / "briefs" / "placeholder.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_github_example_lint_step(project: Path) -> None:
    import yaml

    workflow = yaml.safe_load((EXAMPLES / "github-lint.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lint"]["steps"]
    lint = next(s for s in steps if s.get("name") == "Lint the briefs")
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "brieflint.sarif"
    assert "always()" in upload["if"]
    assert workflow["jobs"]["lint"]["permissions"]["security-events"] == "write"
    proc = _run_script(lint["run"], project)
    assert proc.returncode == 1, proc.stderr
    assert "::error file=briefs/placeholder.md,line=3," in proc.stdout
    sarif = json.loads((project / "brieflint.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert "briefs/placeholder.md" in (project / "brieflint-report.html").read_text("utf-8")


def test_gitlab_example_job(project: Path) -> None:
    import yaml

    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))["brieflint"]
    assert job["artifacts"]["when"] == "always"
    reports = job["artifacts"]["reports"]
    proc = _run_script("\n".join(job["script"]), project)
    assert proc.returncode == 1, proc.stderr
    assert "briefs/placeholder.md:3:15" in proc.stdout
    junit = ET.parse(project / reports["junit"]).getroot()
    assert int(junit.get("failures") or 0) >= 3
    issues = json.loads((project / reports["codequality"]).read_text(encoding="utf-8"))
    jsonschema.validate(issues, CODEQUALITY_SCHEMA)
    assert any(i["location"]["path"] == "briefs/placeholder.md" for i in issues)
    assert (project / job["artifacts"]["paths"][0]).is_file()


@pytest.mark.parametrize(("fail_on", "code", "failing"), [("error", 1, 4), ("never", 0, 0)])
def test_junit_follows_fail_on(
    drafts: Path, capsys: pytest.CaptureFixture[str], fail_on: str, code: int, failing: int
) -> None:
    """Findings below --fail-on are skipped test cases (the finding in system-out)."""
    (drafts / "briefs" / "warn.md").write_text("# A brief\n\nThe the talks go on.\n", "utf-8")
    args = ["check", "briefs", "-f", "junit", "--fail-on", fail_on]
    got, out, _ = run([*args, "--select", "prose.placeholder,prose.doubled-word"], capsys)
    assert got == code
    root = ET.fromstring(out)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 5  # four placeholders (errors), one doubled word (a warning)
    failed = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert len(failed) == failing and len(skipped) == 5 - failing
    assert root.get("failures") == str(failing) and root.get("skipped") == str(5 - failing)
    (doubled,) = [c for c in cases if c.get("classname") == "prose.doubled-word"]
    mark = doubled.find("skipped")
    assert mark is not None and f"below --fail-on {fail_on}" in (mark.get("message") or "")
    assert "prose.doubled-word" in (doubled.findtext("system-out") or "")
    # a warning fails the run at --fail-on warning, and then it is a failing test case
    got, out, _ = run(
        ["check", "briefs/warn.md", "-f", "junit", "--fail-on", "warning", "--select", "prose"],
        capsys,
    )
    assert got == 1
    assert ET.fromstring(out).find("testsuite/testcase/failure") is not None
