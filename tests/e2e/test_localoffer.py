"""The Local Offer page and its services directory, in a real browser."""

import json
import re

import pytest

from demo.localoffer import demo_id

from .conftest import DESKTOP, PHONE, axe_violations, screenshot

URL = "/send/local-offer/"
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "query", ["", "?need=social-emotional-and-mental-health&age=seven"], ids=["all", "errors"]
)
def test_no_axe_violations(new_page, size, query):
    page = new_page(viewport=SIZES[size])
    response = page.goto(URL + query)
    assert response.status == 200
    screenshot(page, f"local-offer{'-filtered' if query else ''}-{size}")
    report = axe_violations(page)
    assert report == "", report


def test_filter_by_area_of_need_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(URL)
    everything = page.locator("article.service").count()
    assert everything >= 10
    page.get_by_label("Social, emotional and mental health").check()
    page.get_by_label("Child's age in years").fill("6")
    with page.expect_navigation():
        page.get_by_role("button", name="Show services").click()
    assert "need=social-emotional-and-mental-health" in page.url and "age=6" in page.url
    heading = page.locator("#results").inner_text()
    shown = page.locator("article.service h3").all_inner_texts()
    assert heading == f"{len(shown)} services"
    assert 0 < len(shown) < everything
    assert "The Nest nurture group" in shown
    assert "Speech and language therapy" not in shown
    assert page.get_by_label("Social, emotional and mental health").is_checked()
    screenshot(page, "local-offer-filtered-no-js")


def test_each_service_has_an_anchor_and_a_last_checked_date(page):
    anchor = f"service-{demo_id('service:camhs')}"
    page.goto(f"{URL}#{anchor}")
    article = page.locator(f"#{anchor}")
    assert article.get_by_role("heading", level=3).inner_text().startswith("CAMHS")
    assert re.search(r"Last checked: \d{1,2} \w+ 20\d\d", article.inner_text())
    assert article.evaluate("el => el.matches(':target')")


def test_phone_layout_has_no_sideways_scroll(phone_page):
    phone_page.goto(URL)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_feed_is_open_to_other_sites(page):
    response = page.request.get("/openreferral/services?per_page=5")
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == "*"
    data = json.loads(response.text())
    assert data["size"] == 5 and data["total_items"] >= 10
