"""The review documentation's examples are real: the policy parses, the workflow is complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from brieflint.review.policy import load_text

ROOT = Path(__file__).resolve().parents[2]


def test_policy_example_in_the_docs_is_valid() -> None:
    text = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    block = re.search(r"## Policy.*?```yaml\n(.*?)```", text, re.S)
    assert block is not None
    policy = load_text(block.group(1), "docs/review.md")
    assert policy.signatures.required
    assert policy.required_for("briefs/sanctions/russia.md") == {"editor": 1, "legal": 1}
    assert policy.can_override("chief@example.org")
    assert not policy.can_override("ed@example.org")


def test_github_workflow_example_runs_the_gate_with_full_history() -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "github-review-gate.yml").read_text("utf-8"))
    steps = workflow["jobs"]["review-gate"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any("brieflint review gate --base" in s.get("run", "") for s in steps)


def test_lint_commands_do_not_import_gitpython() -> None:
    code = "import sys, brieflint.cli; print('git' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
