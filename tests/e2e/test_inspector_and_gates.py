"""The inspector's journey, the print view, reading without JavaScript, and the Wagtail
userbar's content checker for a logged-in editor, on every public page type."""

import pytest

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, PHONE, log_in, screenshot
from .test_public_pages import PAGES

STATUTORY_URL = "/send/statutory-information/"


def test_inspector_follows_every_item_to_its_section(new_page, base_url):
    page = new_page()
    page.goto(STATUTORY_URL)
    links = page.locator("table a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 30
    checked = 0
    for href in dict.fromkeys(links):
        target = new_page()
        response = target.goto(href)
        assert response.status == 200, href
        if "#" in href:
            anchor = href.split("#", 1)[1]
            section = target.locator(f"#{anchor}")
            assert section.count() == 1, f"{href}: no element with id {anchor}"
            assert section.is_visible(), href
            # The browser scrolled to the section: it is in view.
            assert section.evaluate(
                "el => { const r = el.getBoundingClientRect();"
                " return r.top < window.innerHeight && r.bottom > 0; }"
            ), href
        target.context.close()
        checked += 1
    assert checked >= 10


def test_inspector_follows_each_inclusion_theme_to_its_evidence(new_page):
    page = new_page(viewport=PHONE)
    page.goto(STATUTORY_URL)
    inclusion = page.get_by_role("region", name="How we include pupils with SEND")
    themes = inclusion.get_by_role("heading", level=3).all_inner_texts()
    assert len(themes) == 6
    assert "Assess, plan, do, review" in themes
    links = inclusion.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 10
    for href in dict.fromkeys(links):
        target = new_page(viewport=PHONE)
        assert target.goto(href).status == 200, href
        anchor = href.split("#", 1)[1]
        assert target.locator(f"#{anchor}").count() == 1, f"{href}: no element with id {anchor}"
        assert target.locator(f"#{anchor}").is_visible(), href
        target.context.close()
    # Printed, each link shows where it leads.
    page.emulate_media(media="print")
    after = inclusion.locator("a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "/send/sen-information-report/#" in after


def test_print_view_shows_dates_and_addresses(new_page):
    page = new_page()
    page.goto(STATUTORY_URL)
    page.emulate_media(media="print")
    text = page.locator("body").inner_text()
    assert "/send/sen-information-report/#senco" in text
    # The tables print stacked: each cell carries its column's name (tests/e2e/test_print.py
    # reads them back from the printed PDF).
    for label in ("Last reviewed", "Next review"):
        before = page.locator(f"td[data-label='{label}']").first.evaluate(
            "td => getComputedStyle(td, '::before').content"
        )
        assert label in before
    assert not page.get_by_role("navigation", name="Main").is_visible()
    screenshot(page, "statutory-information-print")

    page.goto("/send/sen-information-report/")
    page.emulate_media(media="print")
    text = page.locator("body").inner_text()
    assert "Last reviewed" in text and "next review" in text
    # The address the page was printed from, exactly (this school's, even with two): in
    # every printed sheet's foot (tests/e2e/test_print.py reads it back from the PDF).
    footer = page.locator(".print-footer").text_content()
    assert f"Printed from {page.url}" in footer
    # Links to other sites print their address beside them.
    after = page.locator("#local-offer a[href^='https://']").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "https://www.westmere.example/send/local-offer" in after
    pdf_ok = page.pdf(format="A4")
    assert pdf_ok[:4] == b"%PDF"


@pytest.mark.parametrize("name", PAGES)
def test_main_content_reads_without_javascript(new_page, name):
    with_js = new_page()
    with_js.goto(PAGES[name])
    expected = with_js.locator("main").inner_text()
    without_js = new_page(java_script_enabled=False)
    without_js.goto(PAGES[name])
    text = without_js.locator("main").inner_text()
    assert len(text) > 200
    assert text == expected


def test_userbar_content_checker_finds_no_issues(new_page):
    page = new_page()
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)
    for name, url in PAGES.items():
        page.goto(url)
        counts = page.locator("[data-content-checker-count]")
        page.wait_for_function(
            """() => {
                const bar = document.querySelector('wagtail-userbar');
                const root = bar && (bar.shadowRoot || bar);
                const counts = root ? root.querySelectorAll('[data-content-checker-count]') : [];
                return [...counts].some(el => el.textContent.trim() !== '');
            }"""
        )
        values = {counts.nth(i).inner_text().strip() for i in range(counts.count())} - {""}
        assert values == {"0"}, f"{name}: {values} issues"
    screenshot(page, "userbar-logged-in")
