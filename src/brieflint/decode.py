"""Bytes → text, with one clear error for what cannot be read as a draft."""

from __future__ import annotations

import codecs

from brieflint.errors import InputError

BINARY_SNIFF = 8192


class BinaryFileError(InputError):
    """The file holds NUL bytes: not a draft."""


def decode(data: bytes, path: str) -> str:
    """Decode a draft: UTF-8 (BOM optional) or UTF-16 with a BOM. The BOM is dropped."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}", path=path) from None
    if b"\x00" in data[:BINARY_SNIFF] or (len(data) > BINARY_SNIFF and b"\x00" in data):
        raise BinaryFileError("binary file (NUL bytes), not a draft", path=path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
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


def _looks_single_byte(data: bytes) -> bool:
    """High bytes that are never UTF-8 lead/continuation patterns suggest a legacy encoding."""
    high = [b for b in data[:65536] if b >= 0x80]
    return bool(high) and all(0xA0 <= b <= 0xFF or b in (0x92, 0x93, 0x94, 0x96) for b in high)
