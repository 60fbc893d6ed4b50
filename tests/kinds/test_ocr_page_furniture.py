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
