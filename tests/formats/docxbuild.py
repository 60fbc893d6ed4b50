"""Build real .docx files for the tests: python-docx for what it can write, and the parts and
markup it cannot (footnotes, custom properties, tracked changes, text boxes, Word's rendered page
breaks) written as Word writes them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2025-11-20T10:00:00Z"


def new() -> Any:
    return docx.Document()


def to_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def save(document: Any, path: Path) -> Path:
    path.write_bytes(to_bytes(document))
    return path


def reopen(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _xml(fragment: str) -> Any:
    return parse_xml(fragment)


def run_xml(text: str, extra: str = "") -> str:
    return f'<w:r {nsdecls("w")}>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


def add_tracked(paragraph: Any, inserted: str, deleted: str, author: str = "Editor") -> None:
    """Append an insertion and a deletion by ``author`` to ``paragraph``."""
    p = paragraph._p
    p.append(
        _xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="{author}" w:date="{DATE}">'
            f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        )
    )
    p.append(
        _xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="{author}" w:date="{DATE}">'
            f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        )
    )


def add_page_break_rendered(paragraph: Any) -> None:
    """Mark that Word laid ``paragraph`` out at the top of a new page."""
    run = paragraph.runs[0]._r if paragraph.runs else paragraph.add_run()._r
    run.insert(0 if run.rPr is None else 1, _xml(f"<w:lastRenderedPageBreak {nsdecls('w')}/>"))


def add_text_box(paragraph: Any, text: str) -> None:
    """A floating text box anchored in ``paragraph``, as Word 2010+ writes it (a DrawingML
    shape, with a VML fallback repeating the text)."""
    body = f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    paragraph._p.append(
        _xml(
            f"<w:r {nsdecls('w', 'wp', 'a')} {_BOX_NS}>"
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:wsp><wps:txbx>'
            f"<w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
            "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
            f"<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )


_BOX_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def add_footnotes(document: Any, paragraph: Any, notes: list[str], kind: str = "footnote") -> None:
    """Footnotes (or endnotes, ``kind``) ``notes`` (ids 1, 2...), their marks at the end of
    ``paragraph``."""
    items = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
        f"</w:rPr><w:{kind}Ref/></w:r>"
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
        for i, text in enumerate(notes, 1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W_NS}">'
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>{items}</w:{kind}s>"
    )
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    reltype = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode(), document.part.package)
    document.part.relate_to(part, reltype)
    for i in range(1, len(notes) + 1):
        paragraph._p.append(
            _xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:{kind}Reference w:id="{i}"/></w:r>'
            )
        )


def wrap_in_content_control(paragraph: Any) -> None:
    """Put ``paragraph`` inside a block-level content control (``w:sdt``), as cover pages and
    templates do."""
    p = paragraph._p
    sdt = _xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    p.addprevious(sdt)
    sdt[1].append(p)


def set_custom_properties(document: Any, values: dict[str, str]) -> None:
    props = "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
        f'pid="{i}" name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property>'
        for i, (name, value) in enumerate(values.items(), 2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
        'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
        'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{props}</Properties>"
    )
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode(), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def header(document: Any, text: str) -> None:
    document.sections[0].header.paragraphs[0].text = text


def footer(document: Any, text: str) -> None:
    document.sections[0].footer.paragraphs[0].text = text


def rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """``data`` with parts replaced (None: removed) or added, as a zip archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in change:
                continue
            dst.writestr(info, src.read(info.filename))
        for name, blob in change.items():
            if blob is not None:
                dst.writestr(name, blob, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def qname(tag: str) -> str:
    return qn(tag)


def qname_element(tag: str, val: str) -> Any:
    """A ``<tag w:val="val"/>`` element (``w:outlineLvl``, say)."""
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    element.set(qn("w:val"), val)
    return element
