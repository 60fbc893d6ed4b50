"""What every report format says about itself, and the checks that the parts add up.

A part is one report given to ``brieflint report merge``. Reports of ``check --shard I/N`` say
which shard they are, the drafts they took, the threshold they ran with and a digest of the
configuration; reports without a shard block are merged as they are (their findings' files must
still not overlap).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from brieflint.display import printable
from brieflint.errors import BrieflintError
from brieflint.findings import Severity

FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class Part:
    """One report: its name as given, and what it says about the run that wrote it."""

    name: str
    version: str | None = None  # brieflint's version (None: the format does not say)
    backends: dict[str, str] | None = None
    shard: tuple[int, int] | None = None  # (index, count)
    fail_on: str | None = None
    config: str | None = None
    files: set[str] = field(default_factory=set)  # drafts it checked (listed or with findings)
    file_count: int | None = None  # drafts it checked, as it counts them


def fails(severity: Severity, threshold: str) -> bool:
    """Whether a finding of ``severity`` fails at ``threshold`` (``Report.exit_code``'s rule)."""
    return threshold != "never" and severity >= Severity.parse(threshold)


def error(part: Part | str, message: str) -> BrieflintError:
    name = part.name if isinstance(part, Part) else part
    return BrieflintError(message, path=printable(name))


def check(parts: Sequence[Part], chosen: str | None) -> str:
    """Check that ``parts`` are one run's pieces; the threshold of the merged report (``chosen``,
    else the one the shards ran with, else ``error``)."""
    first = parts[0]
    for part in parts[1:]:
        if part.version is not None and first.version is not None and part.version != first.version:
            raise error(
                part,
                f"made by brieflint {part.version}, but {printable(first.name)} by "
                f"{first.version}: merge reports of one version",
            )
        if (
            part.backends is not None
            and first.backends is not None
            and part.backends != first.backends
        ):
            raise error(
                part,
                f"made with other backends than {printable(first.name)} "
                f"({_differences(part.backends, first.backends)}): its findings would not "
                "add up",
            )
    _check_shards(parts)
    _check_files(parts)
    if chosen is not None:
        return chosen
    recorded = sorted({p.fail_on for p in parts if p.fail_on is not None})
    if len(recorded) > 1:
        raise error(
            parts[0],
            f"the reports ran with different --fail-on ({', '.join(recorded)}): give --fail-on",
        )
    return recorded[0] if recorded else "error"


def _differences(one: dict[str, str], other: dict[str, str]) -> str:
    keys = sorted(k for k in set(one) | set(other) if one.get(k) != other.get(k))
    return "; ".join(f"{k}: {one.get(k, 'none')!r} / {other.get(k, 'none')!r}" for k in keys)


def _check_shards(parts: Sequence[Part]) -> None:
    sharded = [p for p in parts if p.shard is not None]
    if not sharded:
        return
    if len(sharded) != len(parts):
        plain = next(p for p in parts if p.shard is None)
        raise error(
            plain, f"not a shard report (no --shard), but {printable(sharded[0].name)} is one"
        )
    first = sharded[0]
    assert first.shard is not None
    count = first.shard[1]
    seen: dict[int, Part] = {}
    for part in sharded:
        assert part.shard is not None
        index, n = part.shard
        if n != count:
            raise error(part, f"is shard {index}/{n}, but {printable(first.name)} is of {count}")
        if part.config != first.config:
            raise error(
                part,
                f"made with another configuration than {printable(first.name)}: shards of one "
                "run share their rules, styles and vocabulary",
            )
        if index in seen:
            raise error(part, f"is shard {index}/{count}, and so is {printable(seen[index].name)}")
        seen[index] = part
    missing = [str(i) for i in range(1, count + 1) if i not in seen]
    if missing:
        listed = ", ".join(f"{i}/{count}" for i in missing)
        raise error(first, f"shard(s) {listed} missing: give every shard's report")


def _check_files(parts: Sequence[Part]) -> None:
    owner: dict[str, Part] = {}
    for part in parts:
        for name in sorted(part.files):
            other = owner.get(name)
            if other is not None and other is not part:
                raise error(
                    part,
                    f"{printable(name)} is in this report and in {printable(other.name)}: "
                    "a draft must be in one report only",
                )
            owner[name] = part


def shard_block(part: Part, value: object) -> None:
    """Read the ``shard`` block of a JSON or SARIF report into ``part``."""
    if not isinstance(value, dict):
        raise error(part, "the shard block is not an object")
    index, count = value.get("index"), value.get("count")
    files, fail_on, config = value.get("files"), value.get("fail_on"), value.get("config")
    if not (isinstance(index, int) and isinstance(count, int) and 1 <= index <= count):
        raise error(part, "the shard block's index and count are not I/N")
    if not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
        raise error(part, "the shard block's files are not a list of names")
    if fail_on not in FAIL_ON or not isinstance(config, str):
        raise error(part, "the shard block's fail_on or config is damaged")
    part.shard = (index, count)
    part.fail_on = str(fail_on)
    part.config = config
    part.files.update(files)
