"""Merge brieflint's JUnit XML: suites gathered, every test case judged again at one threshold.

A case's severity is in its ``<failure type=…>`` or its ``<skipped message="warning, below
--fail-on error">``, so the merged report can follow one ``--fail-on`` even when the shards ran
with another (e.g. ``--fail-on never``, leaving the verdict to the merge).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from brieflint.findings import Severity
from brieflint.merging.parts import FAIL_ON, Part, error, fails

_PLACEHOLDER = re.compile(r"(\d+) file\(s\) checked, no findings")
_BELOW = re.compile(r"(error|warning|info), below --fail-on (\w+)")
_COLUMN = re.compile(r" at .*:\d+:(\d+)\Z", re.S)
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)


@dataclass
class Case:
    element: ET.Element
    severity: Severity
    text: str  # the finding's line, as the report shows it
    message: str  # the finding's message (and hint), without the position


@dataclass
class Suite:
    name: str
    cases: list[Case]


@dataclass
class Loaded:
    part: Part
    suites: list[Suite]
    seconds: float


def parse(name: str, raw: bytes) -> ET.Element:
    """The root element of ``raw`` (no DOCTYPE or entity: brieflint writes none)."""
    if _DECLARATIONS.search(raw):
        raise error(name, "an XML file with a DOCTYPE or entities, not a brieflint JUnit report")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        line, column = exc.position
        raise error(f"{name}:{line}:{column}", f"not well-formed XML ({_reason(exc)})") from None


def _reason(exc: ET.ParseError) -> str:
    return str(exc).split(":", 1)[0]


def load(name: str, root: ET.Element) -> Loaded:
    """A JUnit report's suites and cases, checked for the shape ``merge`` relies on."""
    part = Part(name)
    if root.tag != "testsuites" or root.get("name") != "brieflint":
        raise error(part, 'not a brieflint JUnit report (no <testsuites name="brieflint">)')
    try:
        seconds = float(root.get("time") or 0)
    except ValueError:
        raise error(part, "the report's time is not a number") from None
    suites: list[Suite] = []
    placeholder_files = 0
    for suite in root.findall("testsuite"):
        _properties(part, suite)
        cases = suite.findall("testcase")
        if len(cases) == 1 and cases[0].get("file") is None:
            found = _PLACEHOLDER.fullmatch(cases[0].get("name") or "")
            if found is None:
                raise error(part, "a test case without a file")
            placeholder_files += int(found.group(1))
            continue
        read = [_case(part, case) for case in cases]
        part.files.update(case.get("file") or "" for case in cases)
        suites.append(Suite(suite.get("name") or "", read))
    if part.file_count is None and not suites:
        part.file_count = placeholder_files
    return Loaded(part, suites, seconds)


def _properties(part: Part, suite: ET.Element) -> None:
    found = {
        p.get("name"): p.get("value") or ""
        for p in suite.findall("properties/property")
        if (p.get("name") or "").startswith("brieflint.")
    }
    if not found:
        return
    try:
        index, count = (int(x) for x in found["brieflint.shard"].split("/"))
        files = int(found["brieflint.files"])
        shard = (index, count)
        values = (found["brieflint.version"], found["brieflint.fail_on"], found["brieflint.config"])
    except (KeyError, ValueError):
        raise error(part, "damaged brieflint properties in a test suite") from None
    if values[1] not in FAIL_ON or not 1 <= index <= count:
        raise error(part, "damaged brieflint properties in a test suite")
    if part.shard is not None and (part.shard, part.fail_on, part.config) != (
        shard,
        values[1],
        values[2],
    ):
        raise error(part, "its test suites say they are of different shards or runs")
    part.shard, part.file_count = shard, files
    part.version, part.fail_on, part.config = values


def _case(part: Part, case: ET.Element) -> Case:
    failure, skipped = case.find("failure"), case.find("skipped")
    if failure is not None:
        label = failure.get("type") or ""
        text = failure.text or ""
    elif skipped is not None:
        below = _BELOW.fullmatch(skipped.get("message") or "")
        label = below.group(1) if below else ""
        text = case.findtext("system-out") or ""
        if below is not None and part.fail_on is None:
            part.fail_on = below.group(2) if below.group(2) in FAIL_ON else None
    else:
        label, text = "", ""
    try:
        severity = Severity.parse(label)
    except ValueError:
        raise error(part, f"test case {case.get('name')!r} has no severity") from None
    rule, path, line = case.get("classname") or "", case.get("file") or "", case.get("line") or ""
    column = _COLUMN.search(case.get("name") or "")
    prefix = f"{path}:{line}:{column.group(1) if column else ''}: {severity.label}: {rule}: "
    if failure is not None and failure.get("message") is not None:
        message = failure.get("message") or ""
    elif text.startswith(prefix):
        message = text[len(prefix) :]
    else:
        raise error(part, f"test case {case.get('name')!r} has no finding text")
    return Case(case, severity, text, message)


def merge(loaded: Sequence[Loaded], threshold: str) -> tuple[str, bool]:
    """The merged report's text, and whether a case fails at ``threshold``."""
    suites = sorted((s for one in loaded for s in one.suites), key=lambda s: s.name)
    total = sum(len(s.cases) for s in suites)
    failing = sum(fails(c.severity, threshold) for s in suites for c in s.cases)
    root = ET.Element(
        "testsuites",
        name="brieflint",
        tests=str(max(total, 1)),
        failures=str(failing),
        errors="0",
        skipped=str(total - failing),
        time=f"{sum(one.seconds for one in loaded):.3f}",
    )
    for suite in suites:
        failed = sum(fails(c.severity, threshold) for c in suite.cases)
        element = ET.SubElement(
            root,
            "testsuite",
            name=suite.name,
            tests=str(len(suite.cases)),
            failures=str(failed),
            errors="0",
            skipped=str(len(suite.cases) - failed),
        )
        for case in suite.cases:
            element.append(_judged(case, threshold))
    if not suites:
        files = sum(one.part.file_count or 0 for one in loaded)
        suite_element = ET.SubElement(
            root, "testsuite", name="brieflint", tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(
            suite_element,
            "testcase",
            name=f"{files} file(s) checked, no findings",
            classname="brieflint",
        )
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
    return text, failing > 0


def _judged(case: Case, threshold: str) -> ET.Element:
    """``case`` as a failure at or above ``threshold``, else skipped (as the reporter writes)."""
    old = case.element
    element = ET.Element("testcase", dict(old.attrib))
    if fails(case.severity, threshold):
        failure = ET.SubElement(element, "failure", message=case.message, type=case.severity.label)
        failure.text = case.text
    else:
        below = f"{case.severity.label}, below --fail-on {threshold}"
        ET.SubElement(element, "skipped", message=below)
        ET.SubElement(element, "system-out").text = case.text
    return element
