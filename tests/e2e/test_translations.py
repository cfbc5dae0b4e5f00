"""Translated pages in a real browser (issue 20): the demo's left-to-right (Polish SEN
Information Report) and right-to-left (Arabic sample of the SEND page) translations pass axe
at phone and desktop sizes, lay out mirrored in Arabic, and offer the language switcher.
"""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations, screenshot

# The demo's own translations (demo/translations/, seeded with the demo): the complete
# Polish SEN Information Report and the Arabic sample of the SEND page.
PAGES = {
    "pl": ("/pl/send/sen-information-report/", "Raport o specjalnych potrzebach edukacyjnych"),
    "ar": ("/ar/send/", "الاحتياجات التعليمية الخاصة والإعاقة"),
}


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize(("code", "direction"), [("pl", "ltr"), ("ar", "rtl")])
def test_a_translated_page_is_accessible(new_page, size, code, direction):
    address, title = PAGES[code]
    page = new_page(viewport=PHONE if size == "phone" else DESKTOP)
    response = page.goto(address)
    assert response.status == 200
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, direction)
    assert page.get_by_role("heading", level=1).inner_text().startswith(title)
    switcher = page.get_by_role(
        "navigation", name=page.locator(".language-switcher").get_attribute("aria-label")
    )
    assert switcher.get_by_role("link", name="English").get_attribute("lang") == "en-GB"
    screenshot(page, f"translation-{code}-{size}")
    report = axe_violations(page)
    assert report == "", report


def test_arabic_lays_out_right_to_left(new_page):
    page = new_page(viewport=DESKTOP)
    page.goto(PAGES["ar"][0])
    main = page.locator("main").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    # The heading starts at the right-hand edge of the page's column.
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"])) < 40
    # The note's coloured edge is on its right.
    border = page.locator(".translation-note").evaluate(
        "e => getComputedStyle(e).borderRightWidth"
    )
    assert border != "0px"
