"""The HTML report: structure (always) and rendering in a real headless Chromium (when present)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from brieflint import reporters
from brieflint.cli import main
from brieflint.findings import Finding, Severity
from brieflint.report import Report

CHROMIUM = Path("/usr/bin/chromium")

TEXT = 'Intro <b>bold</b> & "quoted" text.\n\nalpha beta gamma delta\nEnd TK, café ☕ done.\n'


def _finding(
    text: str, start: int, end: int, rule: str, severity: Severity, path: str = "brief.md"
) -> Finding:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule,
        severity=severity,
        message=f"{rule} says <{text[start:end]}> is odd",
        suggestions=("a & b",),
        start=start,
        end=end,
        context=text[start:end],
    )


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def overlapping_report() -> Report:
    """Findings that cross, nest, coincide, touch, have no width and span a line break."""
    t = TEXT
    spans = [
        (_span(t, "alpha beta"), "test.alpha-beta", Severity.ERROR),
        (_span(t, "beta gamma"), "test.beta-gamma", Severity.WARNING),
        (_span(t, "beta"), "test.beta", Severity.INFO),
        (_span(t, "alpha beta"), "test.same-span", Severity.INFO),
        ((t.index("delta"), t.index("delta")), "test.insertion", Severity.INFO),
        (_span(t, "<b>bold</b>"), "test.markup", Severity.WARNING),
        (_span(t, 'bold</b> & "quoted"'), "test.crossing-markup", Severity.INFO),
        (_span(t, "delta\nEnd"), "test.line-break", Severity.ERROR),
        (_span(t, "café ☕"), "test.unicode", Severity.WARNING),
        (_span(t, " done"), "test.touching", Severity.INFO),
    ]
    findings = [_finding(t, s, e, rule, sev) for (s, e), rule, sev in spans]
    findings.sort(key=lambda f: (f.path, f.start, f.rule))
    missing = _finding("Elsewhere TK.\n", 10, 12, "test.no-text", Severity.ERROR, "gone.md")
    return Report(
        findings=[*findings, missing],
        files=3,
        texts={"brief.md": TEXT, "clean.md": "Nothing to see.\n"},
        backends={"spelling": "offline"},
    )


@dataclass
class Mark:
    id: str
    classes: set[str]
    ids: list[int]
    text: str = ""


@dataclass
class Dom:
    marks: list[Mark] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    items: dict[int, dict[str, str | None]] = field(default_factory=dict)
    html_attrs: dict[str, str | None] = field(default_factory=dict)
    tip_hidden: bool = True
    tip_text: str = ""
    shown: str = ""
    max_mark_depth: int = 0
    rule_rows: list[list[str]] = field(default_factory=list)
    file_rows: list[list[str]] = field(default_factory=list)


class DomReader(HTMLParser):
    """Marks (with their text), drafts' text, finding items, tooltip, tables: as parsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dom = Dom()
        self._stack: list[str] = []
        self._mark_depth = 0
        self._mark: Mark | None = None
        self._in_pre = False
        self._in_tip = False
        self._in_shown = False
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "html":
            self.dom.html_attrs = a
        if tag == "mark":
            self._mark_depth += 1
            self.dom.max_mark_depth = max(self.dom.max_mark_depth, self._mark_depth)
            ids = [int(n) for n in (a.get("data-ids") or "").split()]
            self._mark = Mark(a.get("id") or "", classes, ids)
            self.dom.marks.append(self._mark)
        if tag == "pre" and "draft" in classes:
            self._in_pre = True
            self.dom.drafts.append("")
        if tag == "li" and "finding" in classes:
            self.dom.items[int(a["data-n"] or -1)] = {**a, "text": ""}
        if a.get("id") == "tip":
            self._in_tip = True
            self.dom.tip_hidden = "hidden" in a
        if a.get("id") == "shown":
            self._in_shown = True
        if tag == "table":
            self._table = a.get("id")
        if tag == "tr":
            self._row = []
        if tag in ("td", "th"):
            self._cell = []
        if tag not in ("meta", "input", "br"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark_depth -= 1
            self._mark = None
        if tag == "pre":
            self._in_pre = False
        if tag == "div" and self._in_tip and self._stack.count("div") <= 1:
            self._in_tip = False
        if tag == "p":
            self._in_shown = False
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            if self._table == "rules-table" and self._row and self._row[0] != "rule":
                self.dom.rule_rows.append(self._row)
            if self._table == "files-table" and self._row and self._row[0] != "file":
                self.dom.file_rows.append(self._row)
            self._row = None
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark.text += data
        if self._in_pre:
            self.dom.drafts[-1] += data
        if self._in_tip:
            self.dom.tip_text += data
        if self._in_shown:
            self.dom.shown += data
        if self._cell is not None:
            self._cell.append(data)


def read_dom(page: str) -> Dom:
    reader = DomReader()
    reader.feed(page)
    reader.close()
    return reader.dom


def assert_marks_sit_on_their_text(dom: Dom, report: Report) -> None:
    text = report.texts["brief.md"]
    assert dom.max_mark_depth == 1  # flat: overlapping findings never nest or cross tags
    assert dom.drafts[0] == text  # nothing lost, nothing doubled
    for n, f in enumerate(report.findings):
        if f.path != "brief.md":
            assert not any(n in m.ids for m in dom.marks)
            continue
        covering = [m for m in dom.marks if n in m.ids]
        assert covering, f.rule
        assert "".join(m.text for m in covering) == text[f.start : f.end], f.rule
        if f.start == f.end:
            assert len(covering) == 1 and "zero" in covering[0].classes
    for m in dom.marks:
        worst = max(report.findings[n].severity for n in m.ids)
        assert f"sev-{worst.label}" in m.classes
        assert ("multi" in m.classes) == (len(m.ids) > 1)


# --- structure -----------------------------------------------------------------------------


def test_report_is_self_contained() -> None:
    page = reporters.render("html", overlapping_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page  # the browser may load nothing
    for external in ("src=", "<link", "url(", "@import", "http://", "https://", "//cdn"):
        assert external not in page, external


def test_overlapping_findings_are_flat_marks_on_the_right_text() -> None:
    report = overlapping_report()
    dom = read_dom(reporters.render("html", report))
    assert_marks_sit_on_their_text(dom, report)
    assert len(dom.drafts) == 2  # brief.md and the clean draft; gone.md has no text
    assert dom.drafts[1] == "Nothing to see.\n"


def test_every_finding_is_listed_with_a_link_to_its_mark() -> None:
    report = overlapping_report()
    page = reporters.render("html", report)
    dom = read_dom(page)
    assert sorted(dom.items) == list(range(len(report.findings)))
    marks = {m.id: m for m in dom.marks}
    for n, f in enumerate(report.findings):
        item = dom.items[n]
        assert item["data-sev"] == f.severity.label and item["data-rule"] == f.rule
        link = re.search(rf'id="item-{n}"[^>]*><a class="loc" href="#([^"]+)"', page)
        if f.path == "gone.md":
            assert link is None
            continue
        assert link is not None and n in marks[link.group(1)].ids
    # messages and suggestions are escaped, not markup
    assert "test.markup says &lt;&lt;b&gt;bold&lt;/b&gt;&gt; is odd" in page
    assert "→ a &amp; b" in page
    assert "<b>bold</b>" not in page


def test_summary_tables_by_rule_and_file() -> None:
    report = overlapping_report()
    dom = read_dom(reporters.render("html", report))
    rules = {row[0]: row for row in dom.rule_rows}
    assert set(rules) == {f.rule for f in report.findings}
    assert rules["test.alpha-beta"][1:4] == ["error", "1", "1"]
    files = {row[0]: row[1:] for row in dom.file_rows}
    # error, warning, info, total
    assert files == {
        "brief.md": ["2", "3", "5", "10"],
        "clean.md": ["0", "0", "0", "0"],
        "gone.md": ["1", "0", "0", "1"],
    }


def test_filters_list_each_severity_and_rule() -> None:
    report = overlapping_report()
    page = reporters.render("html", report)
    sev = re.findall(r'name="sev" value="([a-z]+)"', page)
    assert sev == ["error", "warning", "info"]
    rules = re.findall(r'name="rule" value="([^"]+)"', page)
    assert rules == sorted({f.rule for f in report.findings})


def test_clean_run_renders() -> None:
    page = reporters.render("html", Report(findings=[], files=1, texts={"a.md": "Fine.\n"}))
    dom = read_dom(page)
    assert dom.marks == [] and dom.drafts == ["Fine.\n"]
    assert "0 error(s), 0 warning(s), 0 info in 1 file checked" in page


def _write_drafts(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"d{i}.md").write_text(f"# Draft {i}\n\nCosts rose by TK in {i}.\n", "utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_fills_the_text_for_html(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_drafts(tmp_path / "briefs", 5)  # enough for worker processes with -j 2
    code = main(["check", "briefs", "-f", "html", "-o", "r.html", "-j", jobs, "--select", "prose"])
    capsys.readouterr()
    assert code == 1
    dom = read_dom((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert len(dom.drafts) == 5
    assert all(d.startswith("# Draft ") for d in dom.drafts)
    tk = [m for m in dom.marks if m.text == "TK"]
    assert len(tk) == 5


# --- a real browser --------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (apt-get install -y chromium): "
    "the HTML report was NOT checked in a real browser",
)


def chromium(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="brieflint-chromium-") as profile:
        return subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *extra,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )


def dump_dom(url: str) -> Dom:
    proc = chromium(url, "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return read_dom(proc.stdout)


@pytest.mark.slow
@needs_chromium
def test_marks_in_a_real_browser(tmp_path: Path) -> None:
    report = overlapping_report()
    page = tmp_path / "report.html"
    page.write_text(reporters.render("html", report), encoding="utf-8")
    dom = dump_dom(page.as_uri())
    assert dom.html_attrs.get("data-ready") == "1"  # the script ran to its end
    assert_marks_sit_on_their_text(dom, report)
    assert dom.shown == f"{len(report.findings)} of {len(report.findings)} findings shown"
    assert dom.tip_hidden


@pytest.mark.slow
@needs_chromium
def test_filters_from_the_url_in_a_real_browser(tmp_path: Path) -> None:
    report = overlapping_report()
    page = tmp_path / "report.html"
    page.write_text(reporters.render("html", report), encoding="utf-8")
    dom = dump_dom(page.as_uri() + "?sev=error")
    errors = {n for n, f in enumerate(report.findings) if f.severity is Severity.ERROR}
    assert {n for n, item in dom.items.items() if "hidden" not in item} == errors
    assert dom.shown == f"{len(errors)} of {len(report.findings)} findings shown"
    for m in dom.marks:
        if errors & set(m.ids):
            assert "sev-error" in m.classes and "off" not in m.classes
        else:
            assert "off" in m.classes and not {"sev-warning", "sev-info"} & m.classes
    dom = dump_dom(page.as_uri() + "?rule=test.beta,test.unicode")
    shown = {report.findings[n].rule for n, item in dom.items.items() if "hidden" not in item}
    assert shown == {"test.beta", "test.unicode"}
    beta_only = [m for m in dom.marks if m.text == "beta"]
    assert len(beta_only) == 1 and "sev-info" in beta_only[0].classes  # no longer the error's


@pytest.mark.slow
@needs_chromium
def test_message_shows_for_the_focused_mark_and_screenshot(tmp_path: Path) -> None:
    report = overlapping_report()
    n, target = next(
        (n, f) for n, f in enumerate(report.findings) if f.rule == "test.crossing-markup"
    )
    page = tmp_path / "report.html"
    page.write_text(reporters.render("html", report), encoding="utf-8")
    first_mark = next(m for m in read_dom(page.read_text("utf-8")).marks if n in m.ids)
    url = f"{page.as_uri()}#{first_mark.id}"
    dom = dump_dom(url)
    assert not dom.tip_hidden
    assert target.message in dom.tip_text and "→ a & b" in dom.tip_text
    assert 'aria-describedby="tip"' in chromium(url, "--dump-dom").stdout
    shot = tmp_path / "brieflint-report.png"
    proc = chromium(url, f"--screenshot={shot}", "--window-size=1280,1800")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    artefacts = os.environ.get("BRIEFLINT_ARTEFACTS")
    if artefacts:  # for a human to look at (CI uploads the folder)
        Path(artefacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artefacts) / shot.name)
        shutil.copy(page, Path(artefacts) / "brieflint-report.html")
    print(f"screenshot of the HTML report: {shot}")
