"""The HTML report's layout in a real headless Chromium: the line-number gutter, the invisible
character shown inside its highlight, and the list of findings kept in view on a long draft.

A probe script appended to the report measures the laid-out page (the report's own
Content-Security-Policy allows inline scripts) and leaves its answers in an attribute that
``--dump-dom`` prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from brieflint.cli import main
from tests.test_html_report import CHROMIUM, chromium

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install -y chromium): "
        "the HTML report's layout was NOT checked in a real browser",
    ),
]

PROBE = """
<script>
(function () {
  var out = {};
  var pre = document.querySelector("pre.draft");
  var preBox = pre.getBoundingClientRect();
  var lns = Array.prototype.slice.call(pre.querySelectorAll(".ln"));
  out.lines = lns.length;
  out.gutter = lns.slice(0, 40).map(function (ln) {
    var r = ln.getBoundingClientRect();
    var text = ln.nextSibling;
    var range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    var first = range.getBoundingClientRect();
    return { n: getComputedStyle(ln, "::before").content, right: r.right, textLeft: first.left,
             top: r.top, textTop: first.top,
             contentLeft: preBox.left + parseFloat(getComputedStyle(pre).paddingLeft) };
  });
  var inv = document.querySelector("mark.f .inv");
  out.inv = inv && { width: inv.getBoundingClientRect().width,
                     label: getComputedStyle(inv, "::before").content,
                     text: inv.textContent };
  var list = document.querySelector("ol.findings");
  window.scrollTo(0, document.documentElement.scrollHeight);
  var box = list.getBoundingClientRect();
  out.list = { top: box.top, bottom: box.bottom, viewport: window.innerHeight,
               preTop: pre.getBoundingClientRect().top, scrolled: window.scrollY };
  document.documentElement.setAttribute("data-probe", JSON.stringify(out));
})();
</script>
"""


def _probe(page: Path) -> dict[str, object]:
    html = page.read_text("utf-8").replace("</body>", PROBE + "</body>")
    page.write_text(html, "utf-8")
    proc = chromium(page.as_uri(), "--dump-dom", "--window-size=1280,700")
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'data-probe="([^"]*)"', proc.stdout)
    assert found, proc.stdout[:2000]
    raw = found.group(1).replace("&quot;", '"').replace("&amp;", "&")
    result: dict[str, object] = json.loads(raw)
    return result


def test_gutter_invisible_character_and_list_in_view(tmp_path: Path) -> None:
    long_line = "The delegation met the ministers of the coastal states again. " * 6
    lines = ["# Ports and corridors", "", "The schedul\u00ades for the ports are ready."]
    lines += [long_line.strip() if i % 3 == 0 else f"Paragraph line {i}." for i in range(200)]
    lines += ["", "The goverment will decide.", ""]
    draft = tmp_path / "brief.md"
    draft.write_text("\n".join(lines), "utf-8")
    page = tmp_path / "report.html"
    code = main(
        [
            "check",
            "--no-cache",
            "--select",
            "ocr.invisible-char,prose.common-typo",
            str(draft),
            "-f",
            "html",
            "-o",
            str(page),
        ]
    )
    assert code == 1
    probe = _probe(page)
    assert probe["lines"] == len(lines)
    gutter = probe["gutter"]
    assert isinstance(gutter, list)
    for n, row in enumerate(gutter, 1):
        if row["textLeft"] == 0:  # an empty line: no character to measure against
            continue
        assert row["n"] == f'"{n}"'  # the number shown is the line's
        # in the margin, left of the text, which starts at the same place on every line
        assert row["right"] <= row["contentLeft"] + 0.5
        assert abs(row["textLeft"] - row["contentLeft"]) < 1
        assert abs(row["top"] - row["textTop"]) < 4  # on the line's first row
    inv = probe["inv"]
    assert isinstance(inv, dict)
    assert inv["text"] == "\u00ad" and inv["label"] == '"U+00AD"' and inv["width"] > 8
    box = probe["list"]
    assert isinstance(box, dict)
    # scrolled to the end of a draft far longer than the window: the list is still in view
    assert box["scrolled"] > 2000 and box["preTop"] < -2000
    assert 0 <= box["top"] < box["viewport"] and box["bottom"] > 0
