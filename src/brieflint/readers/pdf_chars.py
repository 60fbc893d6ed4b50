"""A PDF's words with their pages, boxes, font sizes and weights, read with pypdfium2.

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
from brieflint.readers.pdf_lines import Box, PageWords

DEFAULT_MAX_PAGES = 2000
# characters without a Unicode value: pdfium gives U+FFFD or private-use code points for them
_UNMAPPED_SHARE = 0.2
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x00\x01\x03-\x08\x0b\x0e-\x1f]")
_SPACE = re.compile(r"\s+")
# pdfium marks a hyphen it judged to be at a line end with U+FFFE (older builds with U+0002)
_HYPHEN_MARKS = "\ufffe\x02"
_FORCE_BOLD = 0x40000  # the font descriptor's flag for bold
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_WORD = re.compile(r"[^\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")


def read(data: bytes, path: str, max_pages: int = DEFAULT_MAX_PAGES) -> list[PageWords]:
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
        pages = []
        for n in range(count):
            try:
                pages.append(_page(document, n, raw))
            except pdfium.PdfiumError as exc:
                raise InputError(
                    f"not a readable PDF (page {n + 1}: {_reason(exc)})", path=path
                ) from None
    finally:
        document.close()
    _judge(pages, path)
    return pages


def _reason(exc: Exception) -> str:
    text = str(exc).strip().rstrip(".")
    return text.split(":", 1)[-1].strip() or "damaged file"


def _page(document: Any, n: int, raw: Any) -> PageWords:
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
            found = _words(handle, text, raw)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageWords(n + 1, float(width), float(height), text, *found)


def _words(
    handle: Any, text: str, raw: Any
) -> tuple[list[str], list[Box], list[bool], list[float], list[int]]:
    """The words of a page's text (runs between spaces and line breaks), each with the box from
    its first character's left to its last one's right, whether it starts one of the
    extractor's lines, and its font size and weight (asked where a line or a text object
    starts)."""
    # pdfium's functions through plain prototypes: ctypes then converts no arguments, which
    # halves the cost of a call; two calls a word (its first and last character) at most
    address = ctypes.cast(handle, ctypes.c_void_p).value
    get_box = _prototype(raw.FPDFText_GetCharBox, ctypes.c_int, 4)
    get_size = _prototype(raw.FPDFText_GetFontSize, ctypes.c_double, 0)
    get_weight = _prototype(raw.FPDFText_GetFontWeight, ctypes.c_int, 0)
    get_object = _prototype(raw.FPDFText_GetTextObject, ctypes.c_void_p, 0)
    info = ctypes.CFUNCTYPE(
        ctypes.c_ulong,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_void_p,
    )(ctypes.cast(raw.FPDFText_GetFontInfo, ctypes.c_void_p).value or 0)
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    name_at, flags_at = ctypes.addressof(name), ctypes.addressof(flags)
    current = None
    rect = (ctypes.c_double * 4)()
    at = ctypes.addressof(rect)
    # pdfium writes left, right, bottom, top: into the slots (left, bottom, right, top)
    slots = (at, at + 16, at + 8, at + 24)
    words: list[str] = []
    boxes: list[Box] = []
    breaks: list[bool] = []
    sizes: list[float] = []
    weights: list[int] = []
    size, weight = 0.0, 400
    previous = 0
    marks = _HYPHEN_MARKS
    for m in _WORD.finditer(text):
        start, end = m.span()
        between = text[previous:start]
        # pdfium ends a line with a break, or with its hyphen mark and nothing after it
        new_line = not words or "\n" in between or "\r" in between or text[start - 1] in marks
        previous = end
        get_box(address, start, *slots)
        left, bottom, right, top = rect
        if end - 1 > start:
            get_box(address, end - 1, *slots)
            right = rect[2]
            bottom, top = min(bottom, rect[1]), max(top, rect[3])
        # the font is asked again where a new text object starts (a bold lead-in, then roman)
        where = get_object(address, start)
        if new_line or where != current:
            size = float(get_size(address, start))
            weight = int(get_weight(address, start))
            if weight < 600:  # unknown (0) for the standard fonts: their name says it
                info(address, start, name_at, 256, flags_at)
                font = name.value.decode("latin-1", "replace").casefold()
                if flags.value & _FORCE_BOLD or any(w in font for w in _BOLD_NAMES):
                    weight = 700
            current = where
        word = m.group()
        if word[-1] in _HYPHEN_MARKS:
            word = word[:-1] + "-"
        words.append(word)
        boxes.append((left, bottom, right, top))
        breaks.append(new_line)
        sizes.append(size)
        weights.append(weight)
    return words, boxes, breaks, sizes, weights


def _prototype(function: Any, result: Any, pointers: int) -> Any:
    """``function`` (a pdfium function) taking a text page, an index and ``pointers`` pointers
    as plain addresses."""
    kinds = [ctypes.c_void_p, ctypes.c_int] + [ctypes.c_void_p] * pointers
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(result, *kinds)(address)


def _judge(pages: list[PageWords], path: str) -> None:
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
