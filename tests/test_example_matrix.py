"""examples/github-matrix/brieflint.yml: its shard and merge steps, run as GitHub would run them
(bash, the matrix's values filled in) on a real archive, give one valid SARIF and JUnit report
of every brief and fail the merge job on findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import yaml

from tests.briefs import REPO, SARIF_SCHEMA
from tests.sharding import build_archive, check_json

WORKFLOW = REPO / "examples" / "github-matrix" / "brieflint.yml"


def _step(job: dict[str, Any], name: str) -> str:
    return next(str(s["run"]) for s in job["steps"] if s.get("name") == name)


def _bash(script: str, cwd: Path) -> int:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode


def test_the_matrix_example_runs(tmp_path: Path) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    lint, merge = workflow["jobs"]["lint"], workflow["jobs"]["merge"]
    shards = lint["strategy"]["matrix"]["shard"]
    assert merge["needs"] == "lint" and merge["if"] == "${{ !cancelled() }}"
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    build_archive(checkout)
    script = _step(lint, "Lint this shard")
    for shard in shards:  # each job of the matrix, on its own copy of the reports folder
        filled = script.replace("${{ matrix.shard }}", str(shard))
        filled = filled.replace("${{ strategy.job-total }}", str(len(shards)))
        assert "${{" not in filled
        assert _bash(filled, checkout) == 0  # --fail-on never: findings do not fail a shard
    downloaded = tmp_path / "merge"
    (downloaded / "reports").mkdir(parents=True)
    for report in (checkout / "reports").iterdir():  # download-artifact, merge-multiple
        (downloaded / "reports" / report.name).write_bytes(report.read_bytes())
    assert _bash(_step(merge, "Merge the reports"), downloaded) == 1  # the archive has errors
    sarif = json.loads((downloaded / "brieflint.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    _, whole = check_json(checkout, "briefs")  # one run over the same briefs
    assert len(sarif["runs"][0]["results"]) == len(whole["findings"]) > 0
    assert uris == {quote(f["path"]) for f in whole["findings"]}
    junit = ET.parse(downloaded / "brieflint-junit.xml").getroot()
    assert int(junit.get("failures") or 0) > 0
    # a shard whose job failed before uploading: the merge says so and fails
    (downloaded / "reports" / "shard-2.sarif").unlink()
    assert _bash(_step(merge, "Merge the reports"), downloaded) == 2
