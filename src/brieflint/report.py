"""What a run produced, as every reporter sees it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from brieflint import __version__
from brieflint.findings import Finding, Severity
from brieflint.rulespec import RuleSpec


@dataclass
class Report:
    findings: list[Finding]
    files: int
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    seconds: float = 0.0
    backends: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    tool_version: str = __version__

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
        if fail_on == "never":
            return 0
        threshold = Severity.parse(fail_on)
        return 1 if any(f.severity >= threshold for f in self.findings) else 0
