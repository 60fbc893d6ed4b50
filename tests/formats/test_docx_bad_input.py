"""A .docx brieflint cannot read gives one error naming the file, before anything is parsed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from brieflint.errors import InputError
from brieflint.word import archive
from tests.conftest import run_cli
from tests.formats import docxbuild as build

LIMIT = 10_000_000  # the default max_draft_mb, in bytes


def _good() -> bytes:
    d = build.new()
    d.add_paragraph("A short brief.")
    return build.to_bytes(d)


def _refused(data: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(InputError) as caught:
        archive.open_document(data, "brief.docx", limit)
    message = str(caught.value)
    assert message.startswith("brief.docx: ")
    assert "\n" not in message
    return message


def test_a_plain_docx_opens() -> None:
    document = archive.open_document(_good(), "brief.docx", LIMIT)
    assert document.paragraphs[0].text == "A short brief."


def test_truncated_archive() -> None:
    data = _good()
    assert "corrupt .docx" in _refused(data[: len(data) // 2])


def test_damaged_part() -> None:
    data = bytearray(_good())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    # flip bytes inside the compressed document part: its checksum fails
    at = info.header_offset + 30 + len(info.filename) + 20
    data[at : at + 8] = bytes(b ^ 0xFF for b in data[at : at + 8])
    assert "corrupt .docx" in _refused(bytes(data))


def _bomb(unpacked_mb: int) -> bytes:
    """A .docx with a part of ``unpacked_mb`` MB of zeros: small on disk."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_good())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        filler = zipfile.ZipInfo("word/media/filler.bin")
        filler.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(filler, "w") as part:
            chunk = b"\0" * 1_000_000
            for _ in range(unpacked_mb):
                part.write(chunk)
    return out.getvalue()


def test_zip_bomb_refused_by_declared_size() -> None:
    bomb = _bomb(archive.MIN_UNPACK // 1_000_000 + 1)
    assert len(bomb) < 1_000_000  # small on disk, more than 200 MB unpacked
    message = _refused(bomb)
    assert "zip bomb" in message and "more than 200 MB" in message


def test_ceiling_grows_with_a_raised_draft_limit() -> None:
    assert archive.unpack_ceiling(50_000_000) == 20 * 50_000_000
    assert archive.unpack_ceiling(1_000) == archive.MIN_UNPACK


def test_too_many_parts() -> None:
    many = {f"word/media/p{i}.bin": b"x" for i in range(archive.MAX_PARTS + 1)}
    assert "parts" in _refused(build.rezip(_good(), many))


def test_macro_enabled_document() -> None:
    data = _good()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    docm = build.rezip(
        data, {"[Content_Types].xml": types.encode(), "word/vbaProject.bin": b"\xd0\xcf"}
    )
    assert "macro-enabled" in _refused(docm)


def test_vba_part_alone_is_refused_too() -> None:
    assert "macro-enabled" in _refused(build.rezip(_good(), {"word/vbaProject.bin": b"x"}))


def test_password_protected_document() -> None:
    office = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool")
    encrypted = io.BytesIO()
    office.OOXMLFile(io.BytesIO(_good())).encrypt("secret", encrypted)
    assert "password-protected" in _refused(encrypted.getvalue())


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "a PDF file"),
        (b"Policy Brief No 7\n\nPorts and power.\n", "not a zip archive"),
        (b"", "an empty file"),
        (b"{\\rtf1\\ansi Hello}", "an RTF file"),
    ],
)
def test_wrong_extension(data: bytes, said: str) -> None:
    assert f"not a Word .docx file ({said})" in _refused(data)


def test_other_office_formats() -> None:
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
    assert "an Excel workbook" in _refused(xlsx.getvalue())
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert "OpenDocument" in _refused(odt.getvalue())


def test_a_zip_that_is_no_office_file() -> None:
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("notes.txt", "hello")
    assert "without Office parts" in _refused(plain.getvalue())


def test_a_docx_named_txt_says_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(_good())
    code, _, err = run_cli(["check", str(path)], capsys)
    assert code == 2
    assert err.strip() == (
        f"brieflint: error: {path}: binary file (NUL bytes), not a draft "
        "(a Word document: name it .docx to lint it)"
    )


def _damaged() -> list[tuple[str, bytes]]:
    """Well-formed archives with damaged parts: XML cut short, garbage, a missing part."""
    d = build.new()
    p = d.add_paragraph("A claim.")
    build.add_footnotes(d, p, ["A note."])
    build.set_custom_properties(d, {"number": "7"})
    data = build.to_bytes(d)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    cases: list[tuple[str, bytes]] = []
    for name in (
        "word/document.xml",
        "word/footnotes.xml",
        "docProps/custom.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    ):
        blob = parts[name]
        for cut in (len(blob) // 3, len(blob) - 5):
            cases.append((f"{name} cut at {cut}", build.rezip(data, {name: blob[:cut]})))
        cases.append((f"{name} garbage", build.rezip(data, {name: b"\x00\xff<<<not xml"})))
    cases.append(("styles missing", build.rezip(data, {"word/styles.xml": None})))
    cases.append(("document missing", build.rezip(data, {"word/document.xml": None})))
    return cases


@pytest.mark.parametrize(("what", "data"), _damaged(), ids=[w for w, _ in _damaged()])
def test_damaged_parts_never_crash(
    what: str, data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    for args in (["check", "--no-cache"], ["fix"]):
        code, _, err = run_cli([*args, str(path)], capsys)
        assert code in (0, 1, 2), what
        if code == 2:
            assert err.count("\n") == 1 and str(path) in err, err
        assert "internal error" not in err.lower(), err
