"""``brieflint report merge``: the shards' JSON, SARIF and JUnit reports merged are the report of
one run over every draft (up to order and timing), and anything else is a one-line error."""

from __future__ import annotations

import contextlib
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from brieflint.cli import main
from tests.briefs import SARIF_SCHEMA
from tests.conftest import run_cli
from tests.sharding import build_archive, inside, run

N = 3
FORMATS = {"json": "json", "sarif": "sarif", "junit": "xml"}


def _outputs(stem: str) -> list[str]:
    args = []
    for name, suffix in FORMATS.items():
        args += ["-f", name, "-o", f"../out/{stem}.{suffix}"]
    return args


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive checked once whole and once in N shards, every format each time; and the
    shards again with ``--fail-on never`` (the CI matrix's way: the merge decides)."""
    base = tmp_path_factory.mktemp("merge")
    root = base / "repo"
    root.mkdir()
    (base / "out").mkdir()
    build_archive(root)
    common = ["--no-cache", "-j", "1"]
    assert run(root, ["check", ".", *common, *_outputs("whole")]) == 1
    assert run(root, ["check", ".", *common, "--fail-on", "warning", *_outputs("whole-w")]) == 1
    for i in range(1, N + 1):
        run(root, ["check", ".", *common, "--shard", f"{i}/{N}", *_outputs(f"shard-{i}")])
        never = ["--fail-on", "never", "--shard", f"{i}/{N}"]
        assert run(root, ["check", ".", *common, *never, *_outputs(f"never-{i}")]) == 0
    return base / "out"


def _merge(
    out: Path, stem: str, suffix: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    names = [str(out / f"{stem}-{i}.{suffix}") for i in range(1, N + 1)]
    return run_cli(["report", "merge", *names, *extra], capsys)


def _json_key(finding: dict[str, Any]) -> str:
    return json.dumps(finding, sort_keys=True)


def test_merged_json_is_the_whole_runs(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _merge(reports, "shard", "json", capsys)
    merged = json.loads(out)
    whole = json.loads((reports / "whole.json").read_text(encoding="utf-8"))
    assert code == 1  # as `check` of everything: errors at the default --fail-on error
    assert merged["summary"] == whole["summary"] and whole["summary"]["files"] == 102
    assert sorted(map(_json_key, merged["findings"])) == sorted(map(_json_key, whole["findings"]))
    assert {k: v for k, v in merged.items() if k != "findings"} == {
        k: v for k, v in whole.items() if k != "findings"
    }  # no shard block left: the merged report is a whole run's


def _sarif_result_key(result: dict[str, Any]) -> str:
    return json.dumps(result, sort_keys=True)


def test_merged_sarif_validates_and_is_the_whole_runs(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _merge(reports, "shard", "sarif", capsys)
    merged = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(merged, schema)
    whole = json.loads((reports / "whole.sarif").read_text(encoding="utf-8"))
    assert code == 1
    merged_run, whole_run = merged["runs"][0], whole["runs"][0]
    assert merged_run["tool"] == whole_run["tool"]  # the same rules, in the same order
    assert sorted(map(_sarif_result_key, merged_run["results"])) == sorted(
        map(_sarif_result_key, whole_run["results"])
    )
    rules = merged_run["tool"]["driver"]["rules"]
    for result in merged_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert merged_run["properties"] == whole_run["properties"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in merged_run["results"]
    }
    assert "briefs/ports%20and%20corridors.txt" in uris


def _junit(text: str) -> ET.Element:
    root = ET.fromstring(text)
    root.attrib.pop("time")
    return root


def _canonical(root: ET.Element) -> list[str]:
    """Each suite as text, sorted: the report up to the order of its suites."""
    return sorted(ET.tostring(suite, encoding="unicode") for suite in root)


@pytest.mark.parametrize(
    ("stem", "whole", "extra"),
    [
        ("shard", "whole", ()),  # the threshold the shards ran with (error)
        ("never", "whole-w", ("--fail-on", "warning")),  # judged again at the merge's
    ],
)
def test_merged_junit_is_the_whole_runs(
    reports: Path,
    capsys: pytest.CaptureFixture[str],
    stem: str,
    whole: str,
    extra: tuple[str, ...],
) -> None:
    code, out, _ = _merge(reports, stem, "xml", capsys, *extra)
    merged = _junit(out)
    expected = _junit((reports / f"{whole}.xml").read_text(encoding="utf-8"))
    assert code == 1
    assert merged.attrib == expected.attrib and int(expected.get("failures") or 0) > 0
    assert _canonical(merged) == _canonical(expected)


@pytest.mark.parametrize("suffix", ["json", "sarif", "xml"])
def test_the_exit_code_follows_fail_on(
    reports: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    assert _merge(reports, "never", suffix, capsys)[0] == 0  # the shards' threshold: never
    assert _merge(reports, "never", suffix, capsys, "--fail-on", "error")[0] == 1
    assert _merge(reports, "shard", suffix, capsys, "--fail-on", "never")[0] == 0


def test_a_clean_archive_merges_to_one_passing_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drafts").mkdir()
    for i in range(6):
        (tmp_path / "drafts" / f"{i}.md").write_text("# Title\n\nA short note.\n", "utf-8")
    with inside(tmp_path):
        for i in (1, 2):
            assert (
                run_cli(
                    [
                        "check",
                        "drafts",
                        "--shard",
                        f"{i}/2",
                        "-f",
                        "junit",
                        "-o",
                        f"{i}.xml",
                        "--no-cache",
                    ],
                    capsys,
                )[0]
                == 0
            )
        code, out, _ = run_cli(["report", "merge", "1.xml", "2.xml"], capsys)
        assert code == 0
        cases = ET.fromstring(out).findall("testsuite/testcase")
        assert [c.get("name") for c in cases] == ["6 file(s) checked, no findings"]


def test_output_is_written_whole_and_only_on_success(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "merged" / "brieflint.sarif"  # its folder is created
    code, out, err = _merge(reports, "shard", "sarif", capsys, "-o", str(target))
    assert code == 1 and out == "" and "merged 3 sarif report(s)" in err
    first = target.read_text(encoding="utf-8")
    json.loads(first)
    broken = tmp_path / "broken.sarif"
    broken.write_text(first[: len(first) // 2], encoding="utf-8")
    code, _, err = run_cli(
        ["report", "merge", str(reports / "shard-1.sarif"), str(broken), "-o", str(target)],
        capsys,
    )
    assert code == 2 and target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["brieflint.sarif"]  # no temp


def _one_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli(["report", "merge", *args], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("brieflint: error: "), err
    return err


def test_bad_reports_are_one_line_errors(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (reports / "shard-1.json").read_text(encoding="utf-8")
    cases: dict[str, str] = {
        "not-a-report.txt": "Dear editor, the draft is attached.\n",
        "truncated.json": text[: len(text) // 3],
        "version.json": text.replace('"version": 1', '"version": 2', 1),
        "empty.json": "",
        "list.json": "[1, 2]\n",
        "other.sarif": json.dumps(
            {
                "version": "2.1.0",
                "runs": [{"tool": {"driver": {"name": "othertool"}}, "results": []}],
            }
        ),
        "bomb.xml": '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]><t>&a;</t>',
        "damaged.xml": '<testsuites name="brieflint"><testsuite name="x"><testcase',
        "other.xml": '<testsuites name="pytest"></testsuites>',
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "huge-number.json": '{"version": ' + "9" * 5000 + "}",
        "not-utf8.json": '{"version": 1, "x": "\udcff"}',
    }
    expected = {
        "not-a-report.txt": "not a report",
        "truncated.json": "truncated",
        "version.json": "version 2",
        "empty.json": "empty",
        "list.json": "not an object",
        "other.sarif": "not brieflint",
        "bomb.xml": "DOCTYPE",
        "damaged.xml": "not well-formed",
        "other.xml": "not a brieflint JUnit report",
        "deep.json": "cannot be read",
        "huge-number.json": "cannot be read",
        "not-utf8.json": "not UTF-8",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
        family = {"sarif": "sarif", "xml": "xml"}.get(name.rsplit(".", 1)[1], "json")
        others = [str(reports / f"shard-{i}.{family}") for i in (1, 2, 3)]
        err = _one_error([others[0], str(path), *others[1:]], capsys)
        assert name in err and expected[name] in err, err


def test_reports_that_do_not_add_up_are_refused(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s1, s2, s3 = (str(reports / f"shard-{i}.json") for i in (1, 2, 3))
    assert "3/3 missing" in _one_error([s1, s2], capsys)
    assert "and so is" in _one_error([s1, s2, s2, s3], capsys)
    mixed = _one_error([s1, str(reports / "shard-2.sarif"), s3], capsys)
    assert "one format" in mixed
    wrong = _one_error(["-f", "sarif", s1, s2, s3], capsys)
    assert "not SARIF" in wrong
    plain = _one_error([s1, s2, s3, str(reports / "whole.json")], capsys)
    assert "not a shard report" in plain
    whole = str(reports / "whole.json")
    assert "a draft must be in one report only" in _one_error([whole, whole], capsys)
    # another version of brieflint
    older = tmp_path / "older.json"
    data = json.loads(Path(s2).read_text(encoding="utf-8"))
    data["tool"]["version"] = "0.0.1"
    older.write_text(json.dumps(data), encoding="utf-8")
    assert "merge reports of one version" in _one_error([s1, str(older), s3], capsys)
    # another configuration, same backends: a rule turned off in one shard
    other = tmp_path / "other.json"
    data = json.loads(Path(s2).read_text(encoding="utf-8"))
    data["shard"]["config"] = "0" * 32
    other.write_text(json.dumps(data), encoding="utf-8")
    assert "another configuration" in _one_error([s1, str(other), s3], capsys)
    # a shard of another split
    data = json.loads(Path(s2).read_text(encoding="utf-8"))
    data["shard"]["count"] = 4
    other.write_text(json.dumps(data), encoding="utf-8")
    assert "is of 3" in _one_error([s1, str(other), s3], capsys)


def test_a_shard_run_with_other_rules_is_refused(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real run with another rule set (--ignore) than the other shards."""
    root = reports.parent / "repo"
    for suffix in ("json", "sarif"):
        target = reports / f"ignored-2.{suffix}"
        fmt = "json" if suffix == "json" else "sarif"
        run(
            root,
            [
                "check",
                ".",
                "--no-cache",
                "--shard",
                "2/3",
                "--ignore",
                "prose",
                "-f",
                fmt,
                "-o",
                str(target),
            ],
        )
        err = _one_error(
            [str(reports / f"shard-1.{suffix}"), str(target), str(reports / f"shard-3.{suffix}")],
            capsys,
        )
        assert "configuration" in err, err


def test_the_report_command_needs_no_other_command() -> None:
    from tests.test_imports import GRAPH

    assert not any(m.startswith("brieflint.commands.") for m in GRAPH["brieflint.commands.report"])


# values a damaged report may hold where brieflint writes something else
ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=10**6),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["index", "uri", "name", "id"]), st.integers(), max_size=2),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place (a path of keys and indexes) in a JSON value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):
            found += _paths(item, (*prefix, i))
    return found


def _replace(value: Any, where: tuple[Any, ...], new: Any) -> Any:
    if not where:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[where[0]] = _replace(copy[where[0]], where[1:], new)
    return copy


@pytest.mark.parametrize("suffix", ["json", "sarif"])
def test_a_damaged_report_is_merged_or_refused_in_one_line(
    reports: Path, tmp_path_factory: pytest.TempPathFactory, suffix: str
) -> None:
    """Any one value of a real shard report replaced by another of any type: the merge ends with
    a report or one error line, never an internal error."""
    original = json.loads((reports / f"shard-2.{suffix}").read_text(encoding="utf-8"))
    places = _paths(original)
    others = [str(reports / f"shard-{i}.{suffix}") for i in (1, 3)]
    folder = tmp_path_factory.mktemp("damaged")

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.sampled_from(places), ODD), min_size=1, max_size=3))
    @example([(("runs", 0, "results", 0, "ruleId"), [])])  # a rule id that cannot be hashed
    @example([(("findings", 0, "severity"), {})])
    def damaged(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
        value = original
        for where, new in changes:
            with contextlib.suppress(KeyError, IndexError, TypeError):
                value = _replace(value, where, new)
        target = folder / f"shard-2.{suffix}"
        target.write_text(json.dumps(value), encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["report", "merge", others[0], str(target), others[1]])
        lines = err.getvalue().splitlines()
        assert "internal error" not in err.getvalue()
        if code == 2:
            assert len(lines) == 1 and lines[0].startswith("brieflint: error: "), lines
        else:
            assert code in (0, 1)

    damaged()


def test_a_damaged_junit_report_is_merged_or_refused_in_one_line(
    reports: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Attributes of a real shard's JUnit report set to other text, elements dropped."""
    text = (reports / "shard-2.xml").read_text(encoding="utf-8")
    count = len(list(ET.fromstring(text).iter()))
    others = [str(reports / f"shard-{i}.xml") for i in (1, 3)]
    folder = tmp_path_factory.mktemp("damaged-xml")
    names = ["name", "type", "message", "file", "line", "classname", "value", "time", "tests"]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.lists(
            st.tuples(
                st.integers(0, count - 1),
                st.sampled_from(names),
                st.one_of(st.none(), st.text(max_size=12)),
            ),
            min_size=1,
            max_size=4,
        )
    )
    def damaged(changes: list[tuple[int, str, str | None]]) -> None:
        root = ET.fromstring(text)
        elements = list(root.iter())
        for index, attribute, value in changes:
            element = elements[index]
            if value is None:  # drop the element's first child
                children = list(element)
                if children:
                    element.remove(children[0])
            else:
                element.set(attribute, value)
        target = folder / "shard-2.xml"
        target.write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["report", "merge", others[0], str(target), others[1]])
        lines = err.getvalue().splitlines()
        assert "internal error" not in err.getvalue()
        assert code in (0, 1) or (len(lines) == 1 and lines[0].startswith("brieflint: error: "))

    damaged()
