"""Pre-commit check of the ledger: staged records are only added, and each is valid."""

from __future__ import annotations

from brieflint.gitrepo import GitRepo
from brieflint.review import records as rec
from brieflint.review.gate import check_record, split_ledger_renames
from brieflint.review.policy import Policy


def staged(repo: GitRepo, policy: Policy) -> tuple[list[str], int]:
    """Problems with what is staged under the ledger, and how many records are added."""
    problems: list[str] = []
    added = 0
    signers_path = repo.absolute(policy.signatures.allowed_signers)
    signers = signers_path.read_text(encoding="utf-8") if signers_path.is_file() else None
    changes = split_ledger_renames(
        repo.staged_changes(rec.LEDGER_DIR),
        lambda path: repo.read_at("HEAD", path),
        lambda path: _read(repo, path),
    )
    for change in changes:
        if change.status != "A" or change.new_path is None:
            verb = {"M": "changed", "D": "deleted", "R": "renamed"}.get(change.status, "changed")
            problems.append(
                f"record {change.old_path} was {verb}: records may only be added, never "
                "changed or deleted"
            )
            continue
        path = change.new_path
        added += 1
        try:
            data = repo.absolute(path).read_bytes()
        except OSError as exc:
            problems.append(f"record {path}: cannot read ({exc.strerror})")
            continue
        try:
            record = rec.parse(path, data)
        except rec.RecordError as exc:
            problems.append(f"record {exc.path}: {exc.message}")
            continue
        problems.extend(check_record(record, path, policy, signers))
    return problems, added


def _read(repo: GitRepo, path: str) -> bytes | None:
    try:
        return repo.absolute(path).read_bytes()
    except OSError:
        return None
