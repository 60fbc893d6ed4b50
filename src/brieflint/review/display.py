"""Text from git and from records, made safe to print: one line, nothing a terminal acts on.

File names, e-mails and comments come from whoever pushed. Printed raw, a record file name with a
line break could add a line of its own to a CI log (a forged verdict), and escape sequences in an
e-mail would reach the terminal. ``safe`` writes every control, format and separator character
(C0, DEL, C1, bidirectional overrides, zero-width characters, line and paragraph separators) as a
visible escape (``str.isprintable`` decides; spaces other than
U+0020 are escaped too), and a byte that was not UTF-8 (kept as a surrogate) as ``\\xNN``.
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)
