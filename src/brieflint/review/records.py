"""Review decision records: one JSON file per decision, bound to the brief's git blob id.

A record file holds the *payload* (everything that was decided), its ``id`` (SHA-256 of the
payload's canonical JSON) and an optional SSH ``signature`` over the same canonical bytes. Files
live at ``.brieflint/reviews/<brief-slug>/<utc-timestamp>-<reviewer>-<id8>.json``; they are
added, never changed or deleted.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from brieflint.atomic import write_text
from brieflint.errors import BrieflintError

FORMAT_VERSION = 1
LEDGER_DIR = ".brieflint/reviews"

Action = Literal["submit", "approve", "request-changes", "clear", "withdraw", "publish"]
State = Literal["draft", "in-review", "changes-requested", "approved", "published", "withdrawn"]
ACTIONS: tuple[str, ...] = ("submit", "approve", "request-changes", "clear", "withdraw", "publish")

_BLOB = r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"
_EMAIL = r"^[^@\s]+@[^@\s]+$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LintSummary(_Model):
    """Counts of findings by severity, and whether the brief passed at the configured fail_on."""

    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)
    fail_on: Literal["error", "warning", "info", "never"]
    passed: bool
    forced: bool = False


class Payload(_Model):
    """What was decided. Its canonical JSON is what the id hashes and the signature signs."""

    version: Literal[1] = 1
    brief: str = Field(min_length=1)
    blob: str = Field(pattern=_BLOB)
    action: Action
    state: State
    reviewer: str = Field(pattern=_EMAIL)
    role: str | None = None
    timestamp: str
    lint: LintSummary | None = None
    comment: str = ""
    clears: list[str] = Field(default_factory=list)  # reviewers whose change requests end

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json"))

    def record_id(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()

    @property
    def when(self) -> datetime:
        return parse_timestamp(self.timestamp)


class Record(_Model):
    id: str = Field(pattern=r"^[0-9a-f]{64}$")
    payload: Payload
    signature: str | None = None

    @property
    def short(self) -> str:
        return self.id[:8]

    @property
    def sort_key(self) -> tuple[datetime, str]:
        return (self.payload.when, self.id)

    def file_text(self) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=2, sort_keys=True) + "\n"


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the bytes that are hashed and signed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def now_timestamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_timestamp(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        raise ValueError(f"timestamp {text!r} is not UTC YYYY-MM-DDTHH:MM:SS.ffffffZ") from None


# Longest slug and reviewer part of a record's name: well inside NAME_MAX (255 bytes) however
# deep the brief's folder or long the e-mail; longer ones keep their end and gain a hash.
MAX_SLUG = 100
MAX_WHO = 64


def _bounded(text: str, limit: int, whole: str) -> str:
    if len(text) <= limit:
        return text
    digest = hashlib.sha256(whole.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f"{text[-(limit - 13) :]}~{digest}"


def slug(brief: str) -> str:
    """A readable, flat folder name for a brief path: ``briefs/a b.md`` → ``briefs__a-b.md``;
    over ``MAX_SLUG`` characters, its last part and a hash of the whole path."""
    flat = "__".join(re.sub(r"[^A-Za-z0-9._-]+", "-", part) for part in brief.split("/"))
    return _bounded(flat, MAX_SLUG, brief)


def file_name(record: Record) -> str:
    stamp = record.payload.when.strftime("%Y%m%dT%H%M%S%fZ")
    reviewer = record.payload.reviewer
    who = _bounded(re.sub(r"[^A-Za-z0-9._-]+", "_", reviewer), MAX_WHO, reviewer)
    return f"{stamp}-{who}-{record.short}.json"


def rel_path(record: Record) -> str:
    """Where the record lives, relative to the repository root."""
    return f"{LEDGER_DIR}/{slug(record.payload.brief)}/{file_name(record)}"


def make(payload: Payload, signature: str | None = None) -> Record:
    try:
        payload.when  # noqa: B018 - validates the timestamp format
    except ValueError as exc:
        raise BrieflintError(str(exc), key="timestamp") from None
    return Record(id=payload.record_id(), payload=payload, signature=signature)


def write(root: Path, record: Record) -> Path:
    """Write ``record`` under ``root`` atomically; never over an existing file."""
    target = root / PurePosixPath(rel_path(record))
    if target.exists():
        raise BrieflintError("a record with this name already exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text(target, record.file_text())
    return target


class RecordError(Exception):
    """A record file that is not a valid record; ``path`` names it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def parse(path: str, data: bytes) -> Record:
    """Parse and check one record file: schema, id = hash of payload, file name and folder."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise RecordError(path, "not a record (JSON nested too deeply)") from None
    except ValueError as exc:  # not UTF-8, not JSON, a number too long to convert
        raise RecordError(path, f"not valid JSON ({_one_line(str(exc))})") from None
    try:
        record = Record.model_validate(raw)
        record.payload.when  # noqa: B018 - validates the timestamp format
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err.get("loc", ()))
        raise RecordError(path, f"{where}: {err.get('msg', 'invalid')}") from None
    except RecursionError:
        raise RecordError(path, "not a record (nested too deeply)") from None
    except ValueError as exc:
        raise RecordError(path, _one_line(str(exc))) from None
    if record.payload.record_id() != record.id:
        raise RecordError(path, "id does not match the record's content (edited after it was made)")
    if path != rel_path(record):
        raise RecordError(
            path, f"misplaced or misnamed: a record with this content is {rel_path(record)}"
        )
    return record


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def load_all(files: dict[str, bytes]) -> tuple[list[Record], list[RecordError]]:
    """Parse every ``*.json`` file of the ledger; bad ones come back as errors."""
    records: list[Record] = []
    errors: list[RecordError] = []
    for path in sorted(files):
        if not path.endswith(".json"):
            continue
        try:
            records.append(parse(path, files[path]))
        except RecordError as exc:
            errors.append(exc)
    records.sort(key=lambda r: r.sort_key)
    return records, errors


def read_worktree(root: Path) -> dict[str, bytes]:
    """Ledger files in the work tree, by repository-relative path."""
    folder = root / LEDGER_DIR
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.json"))
        if p.is_file()
    }
