"""A PDF's characters with their pages, boxes, font sizes and weights, read with pypdfium2.

Only this module imports pypdfium2 (imported when a PDF is read, so runs on text drafts do not
pay for it). What cannot be read is an ``InputError`` naming the file: not a PDF or damaged, a
password, more pages than the limit, no text layer at all (a scan: OCR it first), or text whose
fonts map to no Unicode (what a reader would see is not what the file holds).
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

from brieflint.errors import InputError
from brieflint.readers.pdf_layout import Box, PageChars

DEFAULT_MAX_PAGES = 2000
# characters without a Unicode value: pdfium gives U+FFFD or private-use code points for them
_UNMAPPED_SHARE = 0.2
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0b\x0e-\x1f]")
_SPACE = re.compile(r"\s+")


def read(data: bytes, path: str, max_pages: int = DEFAULT_MAX_PAGES) -> list[PageChars]:
    """Every page of the PDF ``data`` (the file ``path``, for errors)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file (no %PDF header)", path=path)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                "the PDF is encrypted (password-protected): not read; save an unprotected copy",
                path=path,
            ) from None
        raise InputError(f"not a readable PDF ({_reason(exc)})", path=path) from None
    try:
        count = len(document)
        if count > max_pages:
            raise InputError(
                f"the PDF has {count} pages, more than the limit of {max_pages} (raise "
                "pdf.max_pages in the config)",
                path=path,
            )
        pages = [_page(document, n, raw) for n in range(count)]
    finally:
        document.close()
    _judge(pages, path)
    return pages


def _reason(exc: Exception) -> str:
    text = str(exc).strip().rstrip(".")
    return text.split(":", 1)[-1].strip() or "damaged file"


def _page(document: Any, n: int, raw: Any) -> PageChars:
    page = document[n]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            handle = textpage.raw
            count = raw.FPDFText_CountChars(handle)
            text = textpage.get_text_range() if count > 0 else ""
            if len(text) != count:  # characters outside the BMP: one by one
                text = "".join(
                    chr(raw.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count)
                )
            boxes, sizes, weights = _geometry(handle, count, text, raw)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageChars(n + 1, float(width), float(height), text, boxes, sizes, weights)


def _geometry(
    handle: Any, count: int, text: str, raw: Any
) -> tuple[list[Box], list[float], list[int]]:
    # pdfium's functions called through plain prototypes: ctypes then converts no arguments,
    # which halves the cost of the one call made per character
    address = ctypes.cast(handle, ctypes.c_void_p).value
    get_box = _prototype(raw.FPDFText_GetCharBox, ctypes.c_int, 4)
    get_size = _prototype(raw.FPDFText_GetFontSize, ctypes.c_double, 0)
    get_weight = _prototype(raw.FPDFText_GetFontWeight, ctypes.c_int, 0)
    out = (ctypes.c_double * 4)()
    at = ctypes.addressof(out)
    # pdfium writes left, right, bottom, top: into the slots of (left, bottom, right, top)
    left, right, bottom, top = at, at + 16, at + 8, at + 24
    boxes: list[Box] = []
    sizes: list[float] = []
    weights: list[int] = []
    size, weight = 0.0, 400
    previous_space = True
    for i in range(count):
        get_box(address, i, left, right, bottom, top)
        boxes.append(out[:])
        ch = text[i]
        # the font is asked once per word: at the first character after a space or break
        if previous_space and not ch.isspace():
            size = float(get_size(address, i))
            weight = int(get_weight(address, i))
        previous_space = ch.isspace()
        sizes.append(size)
        weights.append(weight)
    return boxes, sizes, weights


def _prototype(function: Any, result: Any, pointers: int) -> Any:
    """``function`` (a pdfium function) taking a text page, an index and ``pointers`` pointers
    as plain addresses."""
    kinds = [ctypes.c_void_p, ctypes.c_int] + [ctypes.c_void_p] * pointers
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(result, *kinds)(address)


def _judge(pages: list[PageChars], path: str) -> None:
    visible = sum(len(_SPACE.sub("", page.text)) for page in pages)
    unmapped = sum(len(_UNMAPPED.findall(page.text)) for page in pages)
    if visible == 0:
        raise InputError(
            "the PDF has no text layer (a scan or images only): run OCR on it first, e.g. "
            "`ocrmypdf in.pdf out.pdf`, and check the result",
            path=path,
        )
    if unmapped > visible * _UNMAPPED_SHARE:
        share = round(100 * unmapped / visible)
        raise InputError(
            f"{share}% of the PDF's characters have no Unicode value (fonts without a "
            "ToUnicode map): its text layer is unreadable; re-export the PDF with embedded "
            "Unicode fonts, or run OCR on it (e.g. `ocrmypdf --force-ocr`)",
            path=path,
        )
