"""JUnit XML, for GitLab (``artifacts:reports:junit``), Jenkins and other CI test reports.

One ``<testsuite>`` a file with findings, one ``<testcase>`` a finding. The test cases follow
the run's ``--fail-on``: a finding at or above it is a ``<failure>`` (its severity in ``type``),
one below it is ``<skipped>`` with the finding in ``<system-out>``, so a run that passes shows no
failing test. A run without findings is one suite holding one passing test case, so that CI shows
the check ran.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING

from brieflint.report import Report, fails

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

# XML 1.0 forbids these characters even escaped; drafts extracted from PDFs carry some (\f).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(value: str) -> str:
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def render(report: Report, color: bool) -> str:
    import xml.etree.ElementTree as ET

    total = len(report.findings)
    failing = sum(fails(f, report.fail_on) for f in report.findings)
    root = ET.Element(
        "testsuites",
        name="brieflint",
        tests=str(max(total, 1)),
        failures=str(failing),
        errors="0",
        skipped=str(total - failing),
        time=f"{report.seconds:.3f}",
    )
    for path, group in groupby(report.findings, key=lambda f: f.path):
        items = list(group)
        failed = sum(fails(f, report.fail_on) for f in items)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_clean(path),
            tests=str(len(items)),
            failures=str(failed),
            errors="0",
            skipped=str(len(items) - failed),
        )
        _shard_properties(suite, report)
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
            text = _clean(
                f"{f.path}:{f.line}:{f.column}: {f.severity.label}: {f.rule}: {f.message}{hint}"
            )
            if fails(f, report.fail_on):
                failure = ET.SubElement(
                    case, "failure", message=_clean(f.message + hint), type=f.severity.label
                )
                failure.text = text
            else:
                below = f"{f.severity.label}, below --fail-on {report.fail_on}"
                ET.SubElement(case, "skipped", message=below)
                ET.SubElement(case, "system-out").text = text
    if not report.findings:
        suite = ET.SubElement(
            root, "testsuite", name="brieflint", tests="1", failures="0", errors="0", skipped="0"
        )
        _shard_properties(suite, report)
        ET.SubElement(
            suite,
            "testcase",
            name=f"{report.files} file(s) checked, no findings",
            classname="brieflint",
        )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _shard_properties(suite: ET.Element, report: Report) -> None:
    """A sharded run's part, version, threshold and configuration, in every suite's
    ``<properties>`` (JUnit has no place for them on ``<testsuites>``): what ``report merge``
    checks."""
    if report.shard is None:
        return
    import xml.etree.ElementTree as ET

    found = {
        "brieflint.version": report.tool_version,
        "brieflint.shard": f"{report.shard.index}/{report.shard.count}",
        "brieflint.fail_on": report.fail_on,
        "brieflint.config": report.shard.config,
        "brieflint.files": str(report.files),  # drafts checked, as the summary counts them
    }
    properties = ET.SubElement(suite, "properties")
    for name, value in found.items():
        ET.SubElement(properties, "property", name=name, value=_clean(value))
