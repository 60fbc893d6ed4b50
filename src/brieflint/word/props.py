"""A Word document's properties: the core ones (File > Info: title, author, subject, keywords,
created...) and the custom ones (File > Properties > Custom), as metadata values.

Only properties the file holds are returned: python-docx invents core properties for a file
without them, so their part is looked up in the package first and read only when present.
Empty values are left out. Custom properties keep their names; typed values (numbers, booleans,
dates) are converted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

CORE_FIELDS = (
    "title",
    "author",
    "subject",
    "keywords",
    "category",
    "comments",
    "created",
    "modified",
    "last_modified_by",
    "identifier",
    "language",
    "version",
    "content_status",
)
CUSTOM_PART = "/docProps/custom.xml"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def core(document: Any) -> dict[str, Any]:
    """The core properties the file holds, by python-docx's names."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in package.rels.values()):
        return {}
    props = document.core_properties
    found: dict[str, Any] = {}
    for name in CORE_FIELDS:
        value = getattr(props, name, None)
        if value not in (None, ""):
            found[name] = value
    return found


def custom(document: Any) -> dict[str, Any]:
    """The custom properties, by name."""
    from lxml import etree

    package = document.part.package
    part = next((p for p in package.iter_parts() if str(p.partname) == CUSTOM_PART), None)
    if part is None:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, Any] = {}
    for prop in root:
        name = prop.get("name")
        if not name or len(prop) == 0:
            continue
        value = _value(prop[0])
        if value not in (None, ""):
            found[str(name)] = value
    return found


def _value(node: Any) -> Any:
    kind = str(node.tag).removeprefix(_VT)
    text = (node.text or "").strip()
    try:
        if kind in ("i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint"):
            return int(text)
        if kind in ("r4", "r8", "decimal"):
            return float(text)
        if kind == "bool":
            return text.lower() in ("true", "1")
        if kind == "filetime":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return text
