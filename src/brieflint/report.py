"""What a run produced, as every reporter sees it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from brieflint import __version__
from brieflint.findings import Finding, Severity
from brieflint.rulespec import RuleSpec


@dataclass(frozen=True)
class ShardRecord:
    """What a ``check --shard I/N`` report says about its part, so that ``report merge`` can
    check that the parts add up: which shard, the drafts it took and a digest of the
    configuration (``shard.config_digest``); the threshold it ran with is the report's."""

    index: int
    count: int
    files: tuple[str, ...]
    config: str

    def as_json(self, fail_on: str) -> dict[str, object]:
        """The ``shard`` block of JSON and SARIF reports."""
        return {
            "index": self.index,
            "count": self.count,
            "fail_on": fail_on,
            "config": self.config,
            "files": list(self.files),
        }


@dataclass
class Report:
    findings: list[Finding]
    files: int
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    seconds: float = 0.0
    backends: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    tool_version: str = __version__
    fail_on: str = "error"  # the run's threshold (--fail-on, else the config's): JUnit follows it
    shard: ShardRecord | None = None  # set by `check --shard`: the reports say which part they are

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def summary(self) -> dict[str, int]:
        c = self.counts()
        return {
            "files": self.files,
            "error": c[Severity.ERROR],
            "warning": c[Severity.WARNING],
            "info": c[Severity.INFO],
        }

    def exit_code(self, fail_on: str) -> int:
        return 1 if any(fails(f, fail_on) for f in self.findings) else 0


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether ``finding`` fails a run at threshold ``fail_on`` (error|warning|info|never)."""
    return fail_on != "never" and finding.severity >= Severity.parse(fail_on)
