from __future__ import annotations

from tests.kinds._ocr import fixed, found

RULE = "ocr.page-furniture"

PARA = (
    "The regional order has changed a great deal since the war ended, and the states around the "
    "sea now weigh their options with more care than they did a decade ago, as this brief shows."
)


def _pages(header: str) -> str:
    pages = [f"{PARA}\n\n{header.format(n=n)}\n\n" for n in range(2, 6)]
    return "Title Of The Brief\n\n" + "".join(pages) + PARA + "\n"


def test_running_header_with_page_numbers_is_removed() -> None:
    text = _pages("Title Of The Brief {n}")
    assert found(text, RULE) == [f"Title Of The Brief {n}" for n in range(2, 6)]
    assert fixed(text, RULE) == "Title Of The Brief\n\n" + f"{PARA}\n\n" * 4 + PARA + "\n"


def test_page_labels_and_lone_numbers() -> None:
    text = _pages("Page {n} of 9")
    assert len(found(text, RULE)) == 4
    assert found(_pages("{n}"), RULE) == ["2", "3", "4", "5"]


def test_title_twice_and_tables_are_not_furniture() -> None:
    text = f"Title Of The Brief\n\n{PARA}\n\nTitle Of The Brief\n\n{PARA}\n"
    assert found(text, RULE) == []
    table = f"{PARA}\n\nYear\n\n2019\n\n12\n\n14\n\n{PARA}\n"
    assert found(table, RULE) == []


def test_cover_title_once_in_the_body_with_a_page_number() -> None:
    text = f"Title Of The Brief\n\n{PARA}\n\nTitle Of The Brief 4\n\n{PARA}\n"
    assert found(text, RULE) == ["Title Of The Brief 4"]
    assert fixed(text, RULE) == f"Title Of The Brief\n\n{PARA}\n\n{PARA}\n"
    # without a page number a single repeat is a quotation of the title, not furniture
    assert found(f"Title Of The Brief\n\n{PARA}\n\nTitle Of The Brief\n\n{PARA}\n", RULE) == []


def test_a_footer_beside_every_page_number_is_furniture_even_twice() -> None:
    text = (
        f"Title\n\n{PARA}\n\nPage 2 of 3\n\nInstitute for Regional Studies, Brief 9\n\n{PARA}\n\n"
        f"Page 3 of 3\n\nInstitute for Regional Studies, Brief 9\n\n{PARA}\n"
    )
    assert found(text, RULE) == [
        "Page 2 of 3",
        "Institute for Regional Studies, Brief 9",
        "Page 3 of 3",
        "Institute for Regional Studies, Brief 9",
    ]
    # the same line twice, away from page numbers, is left alone
    apart = (
        f"Title\n\n{PARA}\n\nRegional Studies Notes\n\n{PARA}\n\nRegional Studies Notes\n\n{PARA}\n"
    )
    assert found(apart, RULE) == []


def test_a_running_title_on_its_own_line_next_to_the_page_number() -> None:
    title = "Security Across the Black Sea"
    for header in ("{t}\n{n}", "{n}\n{t}"):
        pages = [header.format(t=title, n=n) for n in (2, 3, 4)]
        text = "\n\n".join([title, PARA, pages[0], PARA, pages[1], PARA, pages[2], PARA]) + "\n"
        found_ = found(text, RULE)
        assert sorted(found_) == sorted([title] * 3 + ["2", "3", "4"]), header
        assert fixed(text, RULE) == "\n\n".join([title, PARA, PARA, PARA, PARA]) + "\n"


def test_a_running_title_ending_in_a_question_mark() -> None:
    title = "What Next for the Black Sea?"
    text = "\n\n".join([title, PARA, f"2 {title}", PARA, f"3 {title}", PARA]) + "\n"
    assert found(text, RULE) == [f"2 {title}", f"3 {title}"]


def test_the_title_after_a_cover_paragraph_is_not_a_running_header() -> None:
    title = "Security Across the Black Sea"
    cover = (
        "This series publishes short analyses of security questions in the wider region, "
        "written by members of the research network and reviewed by its editors."
    )
    parts = ["POLICY BRIEF NO. 7", cover, title, PARA, f"{title} 2", PARA, f"{title} 3", PARA]
    text = "\n\n".join(parts) + "\n"
    assert found(text, RULE) == [f"{title} 2", f"{title} 3"]
    # and a sentence-like line that recurs is never furniture
    said = "They said no more."
    assert found("\n\n".join([PARA, said, PARA, said, PARA, said, PARA]) + "\n", RULE) == []


def test_repeated_markdown_headings_and_link_lines_are_structure() -> None:
    # a changelog or a brief with one section per country repeats its headings; a heading, a
    # link line or a table row is the draft's own structure, never a running header
    release = "## Release {n}\n\n[Release notes](https://example.org/notes/{n})\n\n### Fixes\n\n"
    text = "# Changes\n\n" + "".join(release.format(n=n) + f"{PARA}\n\n" for n in range(1, 6))
    assert found(text, RULE, path="changes.md") == []
    # the same lines as plain paragraphs of extracted text recur like furniture
    plain = text.replace("### ", "").replace("## ", "").replace("# ", "")
    assert "Fixes" in found(plain, RULE, path="changes.md")


def test_list_items_repeated_in_every_section_are_not_furniture() -> None:
    section = "• Source (required)\n\n• Maintainer (required)\n\n• Homepage\n\n"
    text = "Fields\n\n" + "".join(f"{PARA}\n\n{section}" for _ in range(4)) + PARA + "\n"
    assert found(text, RULE) == []
    # a page label set between dashes is still a page number
    assert found(_pages("- {n} -"), RULE) == ["- 2 -", "- 3 -", "- 4 -", "- 5 -"]
