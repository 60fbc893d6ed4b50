"""SSH signatures over a record's canonical payload (``ssh-keygen -Y sign/verify``).

The namespace ``brieflint-review`` keeps a review signature from being replayed as a git commit
or e-mail signature. Verification checks the signature against the reviewer's e-mail in an
``allowed_signers`` file (the format of ssh-keygen(1) ALLOWED SIGNERS).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from brieflint.errors import BrieflintError

NAMESPACE = "brieflint-review"


def _ssh_keygen() -> str:
    exe = shutil.which("ssh-keygen")
    if exe is None:
        raise BrieflintError("ssh-keygen not found: install OpenSSH 8.2 or later to sign records")
    return exe


def sign(data: bytes, key: Path) -> str:
    """An armored SSH signature of ``data`` made with ``key`` (a private key, or a public key
    whose private half is in ssh-agent)."""
    if not key.expanduser().is_file():
        raise BrieflintError("signing key not found", path=str(key), key="--sign-key")
    proc = subprocess.run(
        [_ssh_keygen(), "-Y", "sign", "-q", "-f", str(key.expanduser()), "-n", NAMESPACE],
        input=data,
        capture_output=True,
        check=False,
    )
    signature = proc.stdout.decode("ascii", "replace")
    if proc.returncode != 0 or "BEGIN SSH SIGNATURE" not in signature:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BrieflintError(
            f"ssh-keygen could not sign: {reason[-1] if reason else 'unknown error'}",
            path=str(key),
        )
    return signature


def verify(data: bytes, signature: str, identity: str, allowed_signers: str) -> str | None:
    """None when ``signature`` is ``identity``'s valid signature of ``data``; else the reason.

    ``allowed_signers`` is the text of an allowed-signers file.
    """
    with tempfile.TemporaryDirectory(prefix="brieflint-verify-") as tmp:
        signers = Path(tmp) / "allowed_signers"
        signers.write_text(allowed_signers, encoding="utf-8")
        sig = Path(tmp) / "record.sig"
        sig.write_text(signature, encoding="ascii", errors="replace")
        proc = subprocess.run(
            [
                _ssh_keygen(),
                "-Y",
                "verify",
                "-f",
                str(signers),
                "-I",
                identity,
                "-n",
                NAMESPACE,
                "-s",
                str(sig),
            ],
            input=data,
            capture_output=True,
            check=False,
        )
    if proc.returncode == 0:
        return None
    lines = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "signature does not verify"
