"""A brief made into a PDF by another producer: LibreOffice (headless), from a flat ODF text
document with a running header, a footer with the page number field, justified paragraphs and
a table. Skipped, saying so, where LibreOffice is not installed (`.ci/run` installs it)."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from brieflint import config as config_mod
from brieflint import engine, readers, ruleset
from tests.formats import pdfbrief

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]

_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
   <style:text-properties fo:font-size="11pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.6cm"/>
   <style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="8pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="PL">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="3cm" fo:margin-right="3cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0cm"
    fo:margin-bottom="0.8cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0cm"
    fo:margin-top="0.8cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="PL">
   <style:header><text:p text:style-name="Small">{header}</text:p></style:header>
   <style:footer><text:p text:style-name="Small">{footer}, page <text:page-number
    text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:p text:style-name="Title">{title}</text:p>
  {body}
 </office:text></office:body>
</office:document>
"""


def _paragraphs() -> list[str]:
    return [p.replace("·", "") for p in pdfbrief.BRIEF * 2 + pdfbrief.CLOSING]


def _table() -> str:
    rows = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell><text:p text:style-name="Body">{escape(c)}</text:p>'
            "</table:table-cell>"
            for c in row
        )
        + "</table:table-row>"
        for row in pdfbrief.TABLE
    )
    columns = '<table:table-column table:number-columns-repeated="3"/>'
    return f'<table:table table:name="Waits">{columns}{rows}</table:table>'


@cache
def _pdf(folder: str) -> bytes:
    paragraphs = [f'<text:p text:style-name="Body">{escape(p)}</text:p>' for p in _paragraphs()]
    body = "\n".join([*paragraphs[:-1], _table(), paragraphs[-1]])
    source = Path(folder) / "brief.fodt"
    source.write_text(
        _ODT.format(
            header=escape(pdfbrief.HEADER),
            footer=escape(pdfbrief.FOOTER),
            title=escape(pdfbrief.TITLE),
            body=body,
        ),
        encoding="utf-8",
    )
    profile = Path(folder) / "profile"  # a profile of its own: other soffice runs do not clash
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (Path(folder) / "brief.pdf").read_bytes()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _pdf(str(tmp_path_factory.mktemp("libreoffice")))


def test_a_libreoffice_pdf_reads_as_its_paragraphs_without_furniture(made: bytes) -> None:
    doc = readers.read("brief.pdf", made)
    got = [p.strip() for p in doc.text.split("\n\n")]
    assert got[0] == pdfbrief.TITLE
    for expected in _paragraphs():
        assert expected in got
    assert pdfbrief.HEADER not in doc.text and pdfbrief.FOOTER not in doc.text
    assert "\n".join("\t".join(row) for row in pdfbrief.TABLE) in doc.text


def test_a_clean_libreoffice_pdf_gives_no_finding(made: bytes) -> None:
    doc = readers.read("brief.pdf", made)
    setup = ruleset.build(config_mod.default(), ruleset.BuildOptions())
    assert engine.lint_document(doc, setup.rules_for("brief.pdf"), setup) == []
