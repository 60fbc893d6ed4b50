"""Bytes → text, with one clear error for what cannot be read as a draft."""

from __future__ import annotations

import codecs

from brieflint.errors import InputError

BINARY_SNIFF = 8192


class BinaryFileError(InputError):
    """The file holds NUL bytes: not a draft."""


# Byte-order marks and their codecs; UTF-32's first, since UTF-32LE's begins with UTF-16LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)


def bom_of(data: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark ``data`` starts with, and its codec."""
    return next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), None)


def decode(data: bytes, path: str) -> str:
    """Decode a draft: UTF-8 (BOM optional), or UTF-16 or UTF-32 with a BOM. The BOM is dropped."""
    found = bom_of(data)
    if found is not None and found[1] != "utf-8":
        bom, codec = found
        try:
            return data[len(bom) :].decode(codec)
        except UnicodeDecodeError as exc:
            name = codec.removesuffix("-le").removesuffix("-be").upper()
            raise InputError(f"invalid {name} at byte {exc.start + len(bom)}", path=path) from None
    if b"\x00" in data[:BINARY_SNIFF] or (len(data) > BINARY_SNIFF and b"\x00" in data):
        raise BinaryFileError(f"binary file (NUL bytes), not a draft{_which(data)}", path=path)
    if found is not None:  # UTF-8's own BOM
        data = data[len(found[0]) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = ""
        if _looks_single_byte(data):
            hint = " (looks like Latin-1/Windows-1252: convert with `iconv -f cp1252 -t utf-8`)"
        raise InputError(
            f"invalid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}){hint}",
            path=path,
            line=line,
        ) from None


def _which(data: bytes) -> str:
    """What a binary file looks like, when that says how to lint it."""
    if data.startswith(b"PK\x03\x04") and b"word/" in data:
        return " (a Word document: name it .docx to lint it)"
    return ""


def _looks_single_byte(data: bytes) -> bool:
    """High bytes that are never UTF-8 lead/continuation patterns suggest a legacy encoding."""
    high = [b for b in data[:65536] if b >= 0x80]
    return bool(high) and all(0xA0 <= b <= 0xFF or b in (0x92, 0x93, 0x94, 0x96) for b in high)
