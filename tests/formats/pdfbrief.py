"""Real PDFs laid out like published briefs, made with reportlab, for the PDF tests.

A brief here is a title block on page 1, then body paragraphs (ragged right, set line by line at
a fixed pitch) with words hyphenated at line ends where they do not fit, a table, and on every
page a running header at the top and a footer with the page number at the bottom. Paragraphs
flow from page to page, so one continues across each page break. The builder records where each
line was set (page, line on the page counted from the top, the text of the line), so tests can
check the locations brieflint gives against what was really drawn.

The text is written for these tests (``BRIEF``); nothing of it comes from elsewhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

TITLE = "Inland Waterways and the Cost of Moving Grain"
HEADER = "Policy Brief 12 | Inland Waterways"
FOOTER = "Riverside Institute for Transport Policy"

# Paragraphs written for the tests. Long words carry their hyphenation points ("·"), where the
# builder may break them at a line end; compounds break at their own hyphen.
BRIEF = [
    "Barg·es carry grain from the inte·rior to the coast more cheap·ly than trucks or trains, yet "
    "the share of river trans·port in the region has fallen for a decade. This brief asks why, "
    "and what govern·ments could do about it without sub·sidies that distort the market.",
    "The answer lies less in the boats than in the locks, quays and dredged chan·nels that they "
    "need. Many of these were built long ago and have been main·tained only where the "
    "operator of the port nearest to them was the main state-owned firm "
    "with the money to do so. Where the channel silts up, barg·es sail half empty, and "
    "the cost of every tonne moved rises with the dis·tance to the nearest deep berth.",
    "Oper·ators told us that un·certainty about water levels matters more to them than the level "
    "of fees. A ship·per who cannot promise a deliv·ery date loses the con·tract to a rail company "
    "that can, even when the barge would have been cheaper by a third. Reliable infor·mation on "
    "depths, pub·lished every morning, would there·fore be worth more than any rebate on dues.",
    "Three measures stand out. First, a shared regis·ter of depths and closures, kept by the "
    "river author·ities and open to every oper·ator. Second, a fund for dredg·ing that pays out "
    "accord·ing to tonnage moved rather than to polit·ical weight. Third, simpler customs "
    "proce·dures at the border cross·ings, where barg·es now wait for hours while papers are "
    "checked by hand and a single missing stamp can hold a convoy for a whole day.",
    "None of these measures is expen·sive by the stan·dards of road building. Together they "
    "would cost less than a single motorway junc·tion, and they would shift traffic from "
    "con·gested roads to a mode of trans·port that uses a frac·tion of the fuel per tonne. The "
    "environ·mental case and the com·mercial case point in the same direc·tion.",
    "Govern·ments have hesi·tated because the bene·fits are spread across many small firms while "
    "the costs fall on a few budgets. A regional agree·ment that shares the costs in pro·portion "
    "to the traffic each coun·try gains would remove that obsta·cle, and the experi·ence of other "
    "river basins shows that such agree·ments can last for dec·ades once they are signed.",
    "We there·fore recom·mend that the ministers respon·sible for trans·port agree on the "
    "regis·ter "
    "and the fund at their next meet·ing, and ask their customs ser·vices to report within a year "
    "on the time that barg·es spend at each crossing. The table below shows the fig·ures that "
    "such a report would need to start from.",
]
TABLE = [
    ["Crossing", "Hours waiting", "Barges a week"],
    ["Northern lock", "14", "32"],
    ["Central quay", "9", "51"],
    ["Southern border", "22", "18"],
]
CLOSING = [
    "Waiting times of this length are not a law of nature. They follow from rules written "
    "for another century, and rules can be rewritten far more quickly than chan·nels can be "
    "dredged or quays rebuilt.",
]

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 90.0, PAGE_W - 120.0
TOP, BOTTOM = PAGE_H - 90.0, 90.0
FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, PITCH, PARA_GAP = 11.0, 14.0, 8.0  # points
KERN, KERN_GAP = "‸", 3.5
GUTTER = 18.0  # between two columns


@dataclass
class Line:
    page: int  # 1-based
    number: int  # the line on the page, counted from the top (running header included)
    text: str
    x: float
    baseline: float
    size: float


@dataclass
class Built:
    data: bytes
    lines: list[Line] = field(default_factory=list)

    def find(self, needle: str) -> Line:
        """The first line set with ``needle`` in it."""
        return next(line for line in self.lines if needle in line.text)


@dataclass
class Layout:
    """What to lay out: the body, and options that inject artefacts into the text layer."""

    paragraphs: list[str] = field(default_factory=lambda: list(BRIEF))
    table: list[list[str]] = field(default_factory=lambda: [list(r) for r in TABLE])
    closing: list[str] = field(default_factory=lambda: list(CLOSING))
    lines_per_page: int = 0  # 0: as many as fit; fewer forces more page breaks
    furniture: bool = True  # the running header and the footer with the page number
    number_only: bool = False  # no header and footer, only the page number, centred
    header: str = HEADER
    paragraph_gap: float = 8.0  # points between paragraphs
    repeat: int = 1  # the body this many times over (long documents for benchmarks)
    columns: int = 1  # 2: two columns of body text (from the left edge to 72 pt from the right)


def build(layout: Layout | None = None) -> Built:
    layout = layout or Layout()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    pdf.setTitle(TITLE)
    built = Built(b"")
    state = _Pages(pdf, built, layout)
    state.start_page()
    state.title(TITLE)
    body = layout.paragraphs * layout.repeat
    for text in body:
        state.paragraph(text)
    state.table(layout.table)
    for text in layout.closing:
        state.paragraph(text)
    state.finish_page()
    pdf.save()
    built.data = out.getvalue()
    return built


class _Pages:
    def __init__(self, pdf: canvas.Canvas, built: Built, layout: Layout) -> None:
        self.pdf, self.built, self.layout = pdf, built, layout
        self.page = 0
        self.y = TOP
        self.count = 0  # lines on this page, furniture included
        self.body_lines = 0
        self.column, self.column_top = 0, TOP
        two = layout.columns == 2
        self.width = (PAGE_W - 72.0 - LEFT - GUTTER) / 2 if two else RIGHT - LEFT

    @property
    def x(self) -> float:
        return LEFT + self.column * (self.width + GUTTER)

    def start_page(self) -> None:
        self.page += 1
        self.y, self.count, self.body_lines = TOP, 0, 0
        self.column, self.column_top = 0, TOP
        if self.layout.furniture and not self.layout.number_only:
            self._draw(self.layout.header, LEFT, PAGE_H - 50.0, 9.0, FONT)

    def finish_page(self) -> None:
        if self.layout.number_only:
            label = str(self.page)
            self._draw(label, (PAGE_W - stringWidth(label, FONT, 9.0)) / 2, 50.0, 9.0, FONT)
        elif self.layout.furniture:
            self._draw(FOOTER, LEFT, 50.0, 9.0, FONT)
            label = f"Page {self.page}"
            self._draw(label, RIGHT - stringWidth(label, FONT, 9.0), 50.0, 9.0, FONT)
        self.pdf.showPage()

    def _draw(self, text: str, x: float, y: float, size: float, font: str) -> None:
        self.pdf.setFont(font, size)
        at = x
        # "‸" sets the next letters apart by a few points with no space between them: the
        # text layer of a word split by bad kerning
        for piece in text.split(KERN):
            self.pdf.drawString(at, y, piece)
            at += stringWidth(piece, font, size) + KERN_GAP
        text = text.replace(KERN, "")
        if (
            self.built.lines
            and self.built.lines[-1].page == self.page
            and y == (self.built.lines[-1].baseline)
        ):
            # the footer and its page number, a bold lead-in and its line: one line
            joint = " " if self.built.lines[-1].text and font == FONT and x < PAGE_W / 2 else "  "
            self.built.lines[-1].text += joint + text
            return
        self.count += 1
        self.built.lines.append(Line(self.page, self.count, text, x, y, size))

    def _room(self) -> None:
        full = self.layout.lines_per_page and self.body_lines >= self.layout.lines_per_page
        if self.y < BOTTOM or full:
            if self.layout.columns == 2 and self.column == 0:
                self.column, self.y, self.body_lines = 1, self.column_top, 0
                return
            self.finish_page()
            self.start_page()

    def title(self, text: str) -> None:
        self._draw(text, LEFT, self.y, 18.0, BOLD)
        self.y -= 40.0
        self.column_top = self.y

    def line(self, text: str, font: str = FONT) -> None:
        self._room()
        self._draw(text, self.x, self.y, SIZE, font)
        self.y -= PITCH
        self.body_lines += 1

    def paragraph(self, text: str) -> None:
        # "**Lead.** text": the lead-in set in bold, the rest of its line in roman
        lead = ""
        if text.startswith("**") and "** " in text:
            lead, text = text[2:].split("** ", 1)
            text = f"{lead} {text}"
        for n, line in enumerate(wrap(text, self.width)):
            if n == 0 and lead:
                self._room()
                self._draw(lead, self.x, self.y, SIZE, BOLD)
                rest = line[len(lead) :].lstrip()
                at = self.x + stringWidth(lead + " ", BOLD, SIZE)
                self._draw(rest, at, self.y, SIZE, FONT)
                self.y -= PITCH
                self.body_lines += 1
                continue
            self.line(line)
        self.y -= self.layout.paragraph_gap

    def table(self, rows: list[list[str]]) -> None:
        columns = [LEFT, LEFT + 170.0, LEFT + 300.0]
        for n, row in enumerate(rows):
            self._room()
            font = BOLD if n == 0 else FONT
            for x, cell in zip(columns, row, strict=True):
                self._draw(cell, x, self.y, SIZE, font)
            self.y -= PITCH
            self.body_lines += 1
        self.y -= PARA_GAP


def wrap(text: str, width: float) -> list[str]:
    """Break ``text`` into lines of at most ``width`` points, hyphenating a word that does not
    fit at one of its marked points ("·"), or a compound at its own hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        plain = word.replace("·", "")
        trial = f"{current} {plain}".strip()
        if _width(trial) <= width:
            current = trial
            continue
        head, tail = _split(current, word, width)
        if head:
            lines.append(f"{current} {head}".strip())
            current = tail
        else:
            lines.append(current)
            current = plain
    if current:
        lines.append(current)
    return lines


def _split(current: str, word: str, width: float) -> tuple[str, str]:
    """The longest head of ``word`` (ending in a hyphen) that still fits after ``current``."""
    points = [i for i, ch in enumerate(word) if ch in "·-"]
    for i in reversed(points):
        head = word[:i].replace("·", "") + "-"
        if _width(f"{current} {head}".strip()) <= width:
            return head, word[i + 1 :].replace("·", "")
    return "", ""


def _width(text: str) -> float:
    return float(stringWidth(text.replace(KERN, ""), FONT, SIZE)) + KERN_GAP * text.count(KERN)
