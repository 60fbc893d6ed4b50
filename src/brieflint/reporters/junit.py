"""JUnit XML, for GitLab (``artifacts:reports:junit``), Jenkins and other CI test reports.

One ``<testsuite>`` a file with findings, one failing ``<testcase>`` a finding (its severity in
the failure ``type``). A run without findings is one suite holding one passing test case, so that
CI shows the check ran.
"""

from __future__ import annotations

import re
from itertools import groupby

from brieflint.report import Report

# XML 1.0 forbids these characters even escaped; drafts extracted from PDFs carry some (\f).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(value: str) -> str:
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def render(report: Report, color: bool) -> str:
    import xml.etree.ElementTree as ET

    total = len(report.findings)
    root = ET.Element(
        "testsuites",
        name="brieflint",
        tests=str(max(total, 1)),
        failures=str(total),
        errors="0",
        time=f"{report.seconds:.3f}",
    )
    for path, group in groupby(report.findings, key=lambda f: f.path):
        items = list(group)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_clean(path),
            tests=str(len(items)),
            failures=str(len(items)),
            errors="0",
            skipped="0",
        )
        for f in items:
            case = ET.SubElement(
                suite,
                "testcase",
                name=_clean(f"{f.rule} at {f.path}:{f.line}:{f.column}"),
                classname=_clean(f.rule),
                file=_clean(f.path),
                line=str(f.line),
            )
            hint = f" (→ {f.suggestions[0]})" if f.suggestions else ""
            failure = ET.SubElement(
                case, "failure", message=_clean(f.message + hint), type=f.severity.label
            )
            failure.text = _clean(
                f"{f.path}:{f.line}:{f.column}: {f.severity.label}: {f.rule}: {f.message}{hint}"
            )
    if not report.findings:
        suite = ET.SubElement(
            root, "testsuite", name="brieflint", tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(
            suite,
            "testcase",
            name=f"{report.files} file(s) checked, no findings",
            classname="brieflint",
        )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
