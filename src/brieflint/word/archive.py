"""Is this a .docx brieflint can read? One clear error for each way it is not, before parsing.

A .docx is a zip archive of XML parts. Refused, each with one line naming the file: a file that
is not a zip at all (a PDF, plain text, a legacy ``.doc`` renamed), an encrypted
(password-protected) document, which Word stores as an OLE container rather than a zip; a corrupt
or truncated archive; an archive that unpacks to more than ``unpack_ceiling`` of the draft
limit (20 times it, and never less than 200 MB) or holds more than ``MAX_PARTS`` parts (a zip
bomb: the sizes are the ones the archive
declares, and Python's zip reader never unpacks more than a part declares); another Office
format (a workbook, a presentation, an OpenDocument file); and a macro-enabled document
(``.docm``, or any part holding VBA), which brieflint does not open so as not to pass macros on
in the copies it writes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any, TypeVar

from brieflint.errors import BrieflintError, InputError

T = TypeVar("T")
UNPACK_FACTOR = 20  # a .docx may unpack to this many times the draft limit
MIN_UNPACK = 200_000_000  # ...and to this much in any case (20 times the default 10 MB)
MAX_PARTS = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MACRO = "application/vnd.ms-word.document.macroenabled.main+xml"
WORD_TEMPLATES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
)
_OTHER_FORMATS = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
}
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"{\\rtf", "an RTF file"),
    (b"<?xml", "an XML file"),
    (b"<html", "an HTML file"),
)


def check(data: bytes, path: str, draft_limit: int) -> None:
    """Raise ``InputError`` naming ``path`` unless ``data`` is a plain Word document whose parts
    unpack to at most ``unpack_ceiling(draft_limit)`` bytes."""
    if data.startswith(OLE_MAGIC):
        raise InputError(_ole(data), path=path)
    if not data.startswith(b"PK"):
        raise InputError(f"not a Word .docx file ({_sniff(data)})", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(f"corrupt .docx (not a readable zip archive: {exc})", path=path) from None
    with archive:
        infos = archive.infolist()
        _check_sizes(infos, path, draft_limit)
        names = {info.filename.lower() for info in infos}
        if "[content_types].xml" not in names:
            if "mimetype" in names:
                raise InputError("an OpenDocument file, not a Word .docx", path=path)
            raise InputError(
                "not a Word .docx file (a zip archive without Office parts)", path=path
            )
        try:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace").lower()
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
            raise InputError(f"corrupt .docx ({exc})", path=path) from None
        if WORD_MACRO in types or any(n.endswith("vbaproject.bin") for n in names):
            raise InputError(
                "macro-enabled Word document (.docm or VBA inside), not read: save it as a "
                "Word document without macros (.docx)",
                path=path,
            )
        if WORD_MAIN not in types:
            if any(t in types for t in WORD_TEMPLATES):
                raise InputError("a Word template, not a document: save it as .docx", path=path)
            for marker, what in _OTHER_FORMATS.items():
                if marker in types:
                    raise InputError(f"{what}, not a Word .docx", path=path)
            raise InputError("not a Word .docx file (no Word document part)", path=path)
        bad = _first_bad_part(archive)
        if bad is not None:
            raise InputError(f"corrupt .docx (damaged part {bad})", path=path)


def _check_sizes(infos: list[zipfile.ZipInfo], path: str, draft_limit: int) -> None:
    if len(infos) > MAX_PARTS:
        raise InputError(
            f"not read: the .docx holds {len(infos)} parts (more than {MAX_PARTS}; a zip bomb?)",
            path=path,
        )
    unpacked = sum(info.file_size for info in infos)
    ceiling = unpack_ceiling(draft_limit)
    if unpacked > ceiling:
        raise InputError(
            f"not read: the .docx unpacks to {unpacked / 1e6:.0f} MB, more than "
            f"{ceiling / 1e6:g} MB (a zip bomb?)",
            path=path,
        )


def unpack_ceiling(draft_limit: int) -> int:
    """How many bytes a .docx may unpack to, for drafts of at most ``draft_limit`` bytes."""
    return max(MIN_UNPACK, UNPACK_FACTOR * draft_limit)


def _first_bad_part(archive: zipfile.ZipFile) -> str | None:
    """The first part whose data does not unpack or fails its checksum (a truncated file)."""
    try:
        return archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        return f"({exc})"
    except Exception as exc:  # zlib.error and other decompressor errors
        return f"({exc})"


def _ole(data: bytes) -> str:
    """What an OLE (Compound File) container named .docx is."""
    if (
        "EncryptionInfo".encode("utf-16-le") in data
        or "EncryptedPackage".encode("utf-16-le") in data
    ):
        return (
            "password-protected (encrypted) Word document, not read: save a copy without a password"
        )
    return "a legacy Word 97-2003 (.doc) or other OLE file, not a .docx: save it as .docx"


def _sniff(data: bytes) -> str:
    head = data[:64].lstrip().lower()
    for signature, what in _SIGNATURES:
        if head.startswith(signature.lower()):
            return what
    if not data:
        return "an empty file"
    return "not a zip archive"


def open_document(data: bytes, path: str, draft_limit: int) -> Any:
    """The python-docx ``Document`` of ``data``, once ``check`` passes; a file python-docx cannot
    read gives one ``InputError`` naming ``path``."""
    check(data, path, draft_limit)
    import docx

    return guarded(path, lambda: docx.Document(io.BytesIO(data)))


def guarded(path: str, work: Callable[[], T]) -> T:
    """``work()``, with any error from python-docx or lxml on a damaged document (a part that
    is not well-formed XML, a missing relationship) as one ``InputError`` naming ``path``."""
    try:
        return work()
    except BrieflintError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(f"corrupt .docx ({reason})", path=path) from None
