"""Site search and the Local Offer's keyword search, in a real browser."""

from .conftest import DESKTOP, PHONE, axe_violations


def test_header_search_finds_a_report_section_and_links_to_its_anchor(page):
    page.goto("/")
    page.get_by_role("search", name="Site").get_by_label("Search this site").fill("SENCO")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()
    assert "/search/?q=SENCO" in page.url
    assert page.get_by_role("heading", name="Search").is_visible()
    links = page.locator(".search-result__title a")
    assert links.count() > 0
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert any("/send/sen-information-report/#" in href for href in hrefs)
    assert axe_violations(page) == ""


def test_no_results_and_missing_pages_offer_a_way_on(new_page):
    for size in (DESKTOP, PHONE):
        page = new_page(viewport=size)
        page.goto("/search/?q=xylophonezz")
        assert page.get_by_text("Nothing on this site matches those words").is_visible()
        assert axe_violations(page) == ""
        response = page.goto("/no-such-page/")
        assert response.status == 404
        assert page.get_by_role("heading", name="Page not found").is_visible()
        assert page.get_by_role("search", name="Search the site").is_visible()
        assert axe_violations(page) == ""


def test_local_offer_keyword_search(page):
    page.goto("/send/local-offer/")
    page.get_by_label("Search services").fill("speech")
    page.get_by_role("button", name="Show services").click()
    assert "q=speech" in page.url
    assert page.get_by_role("heading", name="Speech and language therapy").first.is_visible()
    assert axe_violations(page) == ""
