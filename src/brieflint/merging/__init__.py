"""``brieflint report merge``: the reports of a sharded run (``check --shard I/N``) as one.

Each report is read (bounded), its format recognised (JSON contract, SARIF, JUnit XML) or checked
against the one asked for, and its run's details compared with the others' (``parts``) before the
format's own module merges the findings. Anything that is not a brieflint report of that format
is a one-line error naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from brieflint import sources
from brieflint.display import printable
from brieflint.errors import InputError
from brieflint.merging import json_report, junit_report, sarif_report
from brieflint.merging.parts import check, error

FORMATS = ("json", "sarif", "junit")
MAX_REPORT_BYTES = 1_000_000_000  # a million findings take about 500 MB of JSON
_NAMES = {"json": "a brieflint JSON report", "sarif": "SARIF", "junit": "JUnit XML"}


@dataclass
class Merged:
    format: str
    text: str
    failing: bool  # a finding at or above the threshold
    reports: int
    threshold: str


def read(name: str) -> tuple[str, Any]:
    """The format of the report file ``name`` and its parsed contents."""
    raw = sources.read_file(name, printable(name), MAX_REPORT_BYTES, what="report")
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not start:
        raise error(name, "an empty file, not a report")
    if start == b"<":
        return "junit", junit_report.parse(name, raw)
    if start not in (b"{", b"["):
        raise error(name, "not a report: neither JSON (brieflint's or SARIF) nor JUnit XML")
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise error(name, "not UTF-8, not a report") from None
    except json.JSONDecodeError as exc:
        where = f"{name}:{exc.lineno}:{exc.colno}"
        raise error(where, f"not valid JSON ({exc.msg}): a truncated or damaged report?") from None
    except (ValueError, RecursionError) as exc:
        raise error(name, f"JSON that cannot be read ({type(exc).__name__})") from None
    if not isinstance(value, dict):
        raise error(name, "JSON, but not a brieflint report (not an object)")
    if "runs" in value or "sarif" in str(value.get("$schema", "")):
        return "sarif", value
    if "findings" in value and "version" in value:
        return "json", value
    raise error(name, "JSON, but neither brieflint's JSON contract nor SARIF")


def merge(names: Sequence[str], wanted: str | None, fail_on: str | None) -> Merged:
    """Merge the report files ``names`` (all of format ``wanted``, or of one format found)."""
    if not names:
        raise InputError("give the reports to merge")
    read_all = [(name, *read(name)) for name in names]
    first_name, first_format, _ = read_all[0]
    for name, found, _ in read_all:
        if wanted is not None and found != wanted:
            raise error(name, f"is {_NAMES[found]}, not {_NAMES[wanted]} (--format {wanted})")
        if found != first_format:
            raise error(
                name,
                f"is {_NAMES[found]}, but {printable(first_name)} is {_NAMES[first_format]}: "
                "merge reports of one format",
            )
    if first_format == "json":
        jsons = [json_report.load(name, value) for name, _, value in read_all]
        threshold = check(_ordered([j.part for j in jsons]), fail_on)
        text, failing = json_report.merge(_by_shard(jsons), threshold)
    elif first_format == "sarif":
        sarifs = [sarif_report.load(name, value) for name, _, value in read_all]
        threshold = check(_ordered([s.part for s in sarifs]), fail_on)
        text, failing = sarif_report.merge(_by_shard(sarifs), threshold)
    else:
        junits = [junit_report.load(name, value) for name, _, value in read_all]
        threshold = check(_ordered([j.part for j in junits]), fail_on)
        text, failing = junit_report.merge(_by_shard(junits), threshold)
    return Merged(first_format, text, failing, len(names), threshold)


def _ordered(parts: list[Any]) -> list[Any]:
    return sorted(parts, key=lambda p: p.shard or (0, 0))


def _by_shard(loaded: list[Any]) -> list[Any]:
    return sorted(loaded, key=lambda one: one.part.shard or (0, 0))
