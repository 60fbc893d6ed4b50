"""A self-contained HTML report for editors: each draft's text with its findings marked in place.

One file, no network: inline CSS and vanilla JavaScript, and a Content-Security-Policy that
forbids loading anything. A finding's span may overlap another's, so the text is cut at every
start and end into flat segments; each ``<mark class="f">`` lists in ``data-ids`` the findings
covering it, and takes the colour of the most serious. The message and suggestions show on hover
and on keyboard focus (and for the mark named in the URL's ``#fragment``, where the list's links
point); filters by severity and rule (also from the URL: ``?sev=error&rule=id``);
a summary by rule and by file. Without JavaScript the marks and the per-file lists still show.

The text pane has a line-number gutter: an empty ``<span class="ln" data-n="N">`` starts each
line and shows its number in the margin (CSS generated content, so it is neither part of the
text nor copied with it). An invisible character inside a mark (a soft hyphen, a zero-width
space) is wrapped in ``<span class="inv" data-cp="U+00AD">`` and shown by its code point. The
list of findings beside the text stays in view while a long draft scrolls.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from html import escape

from brieflint.findings import Finding, Severity
from brieflint.report import Report

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_CSS = """
:root { --error: #b3261e; --error-bg: #fcd7d4; --warning: #8a5a00; --warning-bg: #ffe49c;
  --info: #0b57a4; --info-bg: #d3e6fb; --line: #d0d4da; --muted: #5d6470; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127;
  margin: 0; background: #f6f7f9; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.4rem; margin: 0.4rem 0; }
h2 { font-size: 1.1rem; margin: 0; display: inline; }
.totals { color: var(--muted); margin: 0 0 0.75rem; }
.badge { display: inline-block; border-radius: 3px; padding: 0 0.4em; font-size: 0.8em;
  font-weight: 600; text-transform: uppercase; letter-spacing: 0.02em; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
#filters { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  padding: 0.5rem 0.75rem; margin-bottom: 1rem; }
#filters fieldset { border: 0; margin: 0; padding: 0.2rem 0; display: flex; flex-wrap: wrap;
  gap: 0.2rem 1rem; align-items: center; }
#filters legend { float: left; font-weight: 600; margin-right: 0.5rem; }
#filters label { white-space: nowrap; }
#shown { color: var(--muted); margin: 0.3rem 0 0; }
.tables { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 1rem; }
.tables section { flex: 1 1 420px; background: #fff; border: 1px solid var(--line);
  border-radius: 6px; padding: 0.5rem 0.75rem; overflow-x: auto; }
.tables h2 { display: block; margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
section.file { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  margin-bottom: 1rem; }
section.file > details > summary { padding: 0.5rem 0.75rem; cursor: pointer;
  border-bottom: 1px solid var(--line); }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
pre.draft { margin: 0; padding: 0.75rem 0.75rem 0.75rem 4.2rem; white-space: pre-wrap;
  overflow-wrap: anywhere; position: relative;
  font: 14px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  background: linear-gradient(to right, #f0f2f5 3.4rem, var(--line) 3.4rem, var(--line) 3.45rem,
    transparent 3.45rem); }
.ln { position: absolute; left: 0; width: 3rem; text-align: right; color: var(--muted);
  user-select: none; pointer-events: none; }
.ln::before { content: attr(data-n); }
.inv::before { content: attr(data-cp); font: 600 0.7em/1 system-ui, sans-serif;
  border: 1px solid currentColor; border-radius: 2px; padding: 0 0.15em; margin: 0 0.1em;
  vertical-align: 0.15em; }
mark.f { color: inherit; border-radius: 2px; border-bottom: 2px solid; cursor: help; }
mark.f:focus { outline: 2px solid #1d2127; outline-offset: 1px; }
mark.f.sev-error { background: var(--error-bg); border-color: var(--error); }
mark.f.sev-warning { background: var(--warning-bg); border-color: var(--warning);
  border-bottom-style: dashed; }
mark.f.sev-info { background: var(--info-bg); border-color: var(--info);
  border-bottom-style: dotted; }
mark.f.multi { box-shadow: inset 0 -4px 0 rgba(0, 0, 0, 0.18); }
mark.f.zero::before { content: "\\2038"; font-weight: 700; }
mark.f.off { background: none; border-color: transparent; cursor: auto; box-shadow: none; }
mark.f.off.zero::before { content: none; }
ol.findings { margin: 0; padding: 0.5rem 0.75rem 0.75rem 2.4rem; border-left: 1px solid var(--line);
  font-size: 0.92em; position: sticky; top: 0; align-self: start; max-height: 100vh;
  overflow-y: auto; }
@media (max-width: 900px) { ol.findings { position: static; max-height: none; } }
ol.findings li { margin-bottom: 0.35rem; }
.loc { font-variant-numeric: tabular-nums; }
code.rule { font-size: 0.9em; color: var(--muted); }
.sugg { color: #1b6b2e; }
.fix { font-size: 0.8em; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
.fix-safe { color: #1b6b2e; }
.fix-unsafe { color: #8a5a00; }
.none { color: var(--muted); padding: 0.75rem; margin: 0; }
#tip { position: absolute; z-index: 10; max-width: 32rem; background: #1d2127; color: #fff;
  border-radius: 6px; padding: 0.45rem 0.6rem; font-size: 0.9em;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); }
#tip .tip-item + .tip-item { border-top: 1px solid #4a515c; margin-top: 0.3rem;
  padding-top: 0.3rem; }
#tip code.rule { color: #c8ced6; }
#tip .sugg { color: #9be3ad; }
footer { color: var(--muted); font-size: 0.85em; padding-bottom: 1.5rem; }
"""

_JS = """
(function () {
  "use strict";
  var rank = { info: 1, warning: 2, error: 3 };
  var tip = document.getElementById("tip");
  var form = document.getElementById("filters");
  var items = {};
  document.querySelectorAll("li.finding").forEach(function (li) { items[li.dataset.n] = li; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f"));
  function shownIds(mark) {
    return mark.dataset.ids.split(" ").filter(function (n) { return !items[n].hidden; });
  }
  function show(mark) {
    var ids = shownIds(mark);
    if (!ids.length) { return; }
    hide();
    ids.forEach(function (n) {
      var row = document.createElement("div");
      row.className = "tip-item";
      row.appendChild(items[n].querySelector(".desc").cloneNode(true));
      tip.appendChild(row);
    });
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    mark.setAttribute("aria-describedby", "tip");
  }
  function hide() {
    tip.hidden = true;
    tip.replaceChildren();
    marks.forEach(function (m) { m.removeAttribute("aria-describedby"); });
  }
  function markOf(event) {
    var m = event.target.closest ? event.target.closest("mark.f") : null;
    return m && !m.classList.contains("off") ? m : null;
  }
  document.addEventListener("mouseover", function (e) { var m = markOf(e); if (m) { show(m); } });
  document.addEventListener("mouseout", function (e) {
    var m = markOf(e);
    if (m && document.activeElement !== m) { hide(); }
  });
  document.addEventListener("focusin", function (e) { var m = markOf(e); if (m) { show(m); } });
  document.addEventListener("focusout", function (e) { if (markOf(e)) { hide(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (i) {
      if (i.checked) { on[i.value] = true; }
    });
    return on;
  }
  function apply() {
    var sev = checked("sev"), rule = checked("rule"), shown = 0;
    Object.keys(items).forEach(function (n) {
      var li = items[n];
      li.hidden = !(sev[li.dataset.sev] && rule[li.dataset.rule]);
      if (!li.hidden) { shown += 1; }
    });
    marks.forEach(function (m) {
      var ids = shownIds(m);
      m.classList.remove("sev-error", "sev-warning", "sev-info");
      if (!ids.length) {
        m.classList.add("off");
        m.tabIndex = -1;
        return;
      }
      var best = ids.map(function (n) { return items[n].dataset.sev; })
        .sort(function (a, b) { return rank[b] - rank[a]; })[0];
      m.classList.remove("off");
      m.classList.add("sev-" + best);
      m.tabIndex = 0;
    });
    document.getElementById("shown").textContent =
      shown + " of " + Object.keys(items).length + " findings shown";
    hide();
  }
  var query = new URLSearchParams(window.location.search);
  ["sev", "rule"].forEach(function (name) {
    if (!query.has(name)) { return; }
    var wanted = query.get(name).split(",");
    form.querySelectorAll("input[name=" + name + "]").forEach(function (i) {
      i.checked = wanted.indexOf(i.value) >= 0;
    });
  });
  form.addEventListener("change", apply);
  apply();
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.matches("mark.f") && !target.classList.contains("off")) {
      target.focus();
      show(target);
    }
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _desc(f: Finding) -> str:
    sugg = ""
    if f.suggestions:
        sugg = ' <span class="sugg">→ ' + _e(", ".join(f.suggestions)) + "</span>"
    if f.fix is not None:
        tier = f.fix.applicability.value
        title = "applied by brieflint fix" if tier == "safe" else "only with --unsafe-fixes"
        sugg += f' <span class="fix fix-{tier}" title="{title}">{tier} fix</span>'
    return (
        f'<span class="desc"><span class="badge sev-{f.severity.label}">{f.severity.label}</span> '
        f'<code class="rule">{_e(f.rule)}</code> <span class="msg">{_e(f.message)}</span>'
        f"{sugg}</span>"
    )


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _invisible(ch: str) -> bool:
    """A character that takes no room on screen (format, control but tab and line breaks)."""
    category = unicodedata.category(ch)
    return category == "Cf" or (category == "Cc" and ch not in "\t\n\r")


def _shown(piece: str) -> str:
    """``piece`` as HTML, each invisible character wrapped so that CSS shows its code point."""
    out = []
    for ch in piece:
        if _invisible(ch):
            out.append(f'<span class="inv" data-cp="U+{ord(ch):04X}">{_e(ch)}</span>')
        else:
            out.append(_e(ch))
    return "".join(out)


class _Lines:
    """Escapes text pieces in document order, starting each line with its gutter number."""

    def __init__(self) -> None:
        self.line = 1

    def start(self) -> str:
        return '<span class="ln" data-n="1"></span>'

    def html(self, piece: str, escape_piece: Callable[[str], str]) -> str:
        parts = _LINE_BREAK.split(piece)
        breaks = _LINE_BREAK.findall(piece)
        out = [escape_piece(parts[0])]
        for brk, part in zip(breaks, parts[1:], strict=True):
            self.line += 1
            out.append(f'{brk}<span class="ln" data-n="{self.line}"></span>{escape_piece(part)}')
        return "".join(out)


def _mark(seg_id: str, ids: list[int], findings: list[Finding], content: str) -> str:
    worst = max(findings[n].severity for n in ids)
    classes = f"f sev-{worst.label}" + (" multi" if len(ids) > 1 else "")
    if not content:
        classes += " zero"
    data = " ".join(str(n) for n in ids)
    return f'<mark id="{seg_id}" class="{classes}" data-ids="{data}" tabindex="0">{content}</mark>'


def _highlight(
    file_no: int, text: str, numbered: list[tuple[int, Finding]], findings: list[Finding]
) -> tuple[str, dict[int, str]]:
    """The text as HTML with flat, non-nesting marks; and each finding's first segment id."""
    length = len(text)
    spans = {
        n: (min(max(f.start, 0), length), min(max(f.end, f.start, 0), length)) for n, f in numbered
    }
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    zero: dict[int, list[int]] = defaultdict(list)
    for n, (s, e) in spans.items():
        if s == e:
            zero[s].append(n)
        else:
            starts[s].append(n)
            ends[e].append(n)
    cuts = sorted({0, length, *starts, *ends, *zero})
    active: dict[int, None] = {}
    first: dict[int, str] = {}
    lines = _Lines()
    out: list[str] = [lines.start()]
    seg = 0
    for i, at in enumerate(cuts):
        for n in ends.get(at, ()):
            active.pop(n, None)
        for n in starts.get(at, ()):
            active[n] = None
        if zero.get(at):
            seg_id = f"s{file_no}-{seg}"
            seg += 1
            for n in zero[at]:
                first.setdefault(n, seg_id)
            out.append(_mark(seg_id, zero[at], findings, ""))
        if i + 1 == len(cuts):
            break
        piece = text[at : cuts[i + 1]]
        if not active:
            out.append(lines.html(piece, _e))
            continue
        seg_id = f"s{file_no}-{seg}"
        seg += 1
        ids = sorted(active)
        for n in ids:
            first.setdefault(n, seg_id)
        out.append(_mark(seg_id, ids, findings, lines.html(piece, _shown)))
    return "".join(out), first


def _counts(findings: Iterable[Finding]) -> Counter[Severity]:
    return Counter(f.severity for f in findings)


def _count_cells(c: Counter[Severity]) -> str:
    return "".join(f'<td class="n">{c[s]}</td>' for s in _SEVERITIES) + (
        f'<td class="n">{sum(c.values())}</td>'
    )


def render(report: Report, color: bool) -> str:
    findings = report.findings
    paths: list[str] = list(report.texts)
    for f in findings:
        if f.path not in report.texts and f.path not in paths:
            paths.append(f.path)
    by_path: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for n, f in enumerate(findings):
        by_path[f.path].append((n, f))
    total = _counts(findings)
    summary = report.summary()

    filters = [
        '<form id="filters" aria-label="Filter findings"><fieldset><legend>Severity</legend>'
    ]
    for s in _SEVERITIES:
        filters.append(
            f'<label><input type="checkbox" name="sev" value="{s.label}" checked> '
            f'<span class="badge sev-{s.label}">{s.label}</span> ({total[s]})</label>'
        )
    filters.append("</fieldset><fieldset><legend>Rules</legend>")
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    for rule in sorted(by_rule):
        filters.append(
            f'<label><input type="checkbox" name="rule" value="{_e(rule)}" checked> '
            f'<code class="rule">{_e(rule)}</code> ({len(by_rule[rule])})</label>'
        )
    if not by_rule:
        filters.append("<span>none</span>")
    filters.append('</fieldset><p id="shown" aria-live="polite"></p></form>')

    rule_rows = []
    for rule in sorted(by_rule, key=lambda r: (-max(f.severity for f in by_rule[r]), r)):
        items = by_rule[rule]
        spec = report.rules.get(rule)
        worst = max(f.severity for f in items)
        rule_rows.append(
            f'<tr><td><code class="rule">{_e(rule)}</code></td>'
            f'<td><span class="badge sev-{worst.label}">{worst.label}</span></td>'
            f'<td class="n">{len(items)}</td>'
            f'<td class="n">{len({f.path for f in items})}</td>'
            f"<td>{_e(spec.description) if spec else ''}</td></tr>"
        )
    file_rows = []
    for file_no, path in enumerate(paths):
        c = _counts(f for _, f in by_path.get(path, ()))
        file_rows.append(
            f'<tr><td><a href="#file-{file_no}">{_e(path)}</a></td>{_count_cells(c)}</tr>'
        )
    heads = "".join(f'<th class="n">{s.label}</th>' for s in _SEVERITIES)
    tables = (
        '<div class="tables"><section aria-labelledby="by-rule"><h2 id="by-rule">By rule</h2>'
        '<table id="rules-table"><thead><tr><th>rule</th><th>severity</th>'
        '<th class="n">findings</th><th class="n">files</th><th>what it checks</th></tr></thead>'
        f"<tbody>{''.join(rule_rows) or '<tr><td colspan=5>no findings</td></tr>'}</tbody></table>"
        '</section><section aria-labelledby="by-file"><h2 id="by-file">By file</h2>'
        f'<table id="files-table"><thead><tr><th>file</th>{heads}<th class="n">total</th></tr>'
        f"</thead><tbody>{''.join(file_rows)}</tbody></table></section></div>"
    )

    sections = []
    for file_no, path in enumerate(paths):
        numbered = by_path.get(path, [])
        text = report.texts.get(path)
        c = _counts(f for _, f in numbered)
        badges = " ".join(
            f'<span class="badge sev-{s.label}">{c[s]} {s.label}</span>'
            for s in _SEVERITIES
            if c[s]
        )
        first: dict[int, str] = {}
        if text is not None:
            body, first = _highlight(file_no, text, numbered, findings)
            draft = f'<pre class="draft">{body}</pre>'
        else:
            draft = '<p class="none">The text of this draft is not in the report.</p>'
        rows = []
        for n, f in numbered:
            # A .docx or PDF finding is found by its paragraph or page, not by the line of the
            # text brieflint read from the file.
            where = _e(f.location.describe()) if f.location else f"{f.line}:{f.column}"
            loc = f'<a class="loc" href="#{first[n]}">{where}</a>' if n in first else where
            rows.append(
                f'<li class="finding" id="item-{n}" data-n="{n}" data-sev="{f.severity.label}" '
                f'data-rule="{_e(f.rule)}">{loc} {_desc(f)}</li>'
            )
        listing = (
            f'<ol class="findings">{"".join(rows)}</ol>'
            if rows
            else '<p class="none">No findings.</p>'
        )
        sections.append(
            f'<section class="file" id="file-{file_no}" data-path="{_e(path)}">'
            f"<details{' open' if numbered else ''}><summary><h2>{_e(path)}</h2> {badges}"
            f'</summary><div class="cols">{draft}{listing}</div></details></section>'
        )

    backends = ", ".join(f"{k}: {v}" for k, v in report.backends.items())
    files_word = "file" if summary["files"] == 1 else "files"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>brieflint report: {len(findings)} finding(s)</title>"
        f"<style>{_CSS}</style></head><body>"
        "<header><h1>brieflint report</h1>"
        f'<p class="totals">{summary["error"]} error(s), {summary["warning"]} warning(s), '
        f"{summary['info']} info in {summary['files']} {files_word} checked. "
        "Hover over or tab to a highlighted passage for the message.</p>"
        f"{''.join(filters)}</header>"
        f"<main>{tables}{''.join(sections)}</main>"
        f"<footer>brieflint {_e(report.tool_version)}"
        f"{'; ' + _e(backends) if backends else ''}; {report.seconds:.2f}s</footer>"
        '<div id="tip" role="tooltip" hidden></div>'
        f"<script>{_JS}</script></body></html>\n"
    )
