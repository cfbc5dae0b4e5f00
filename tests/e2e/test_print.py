"""Printing: each statutory page printed to PDF by Chromium (A4 portrait), read back with
poppler's pdftotext. Every table column's text is on paper, and no page ends with a
near-empty sheet holding only the footer."""

import os
import re
import shutil
import subprocess

import pytest

STATUTORY_PAGES = {
    "sen-report": "/send/sen-information-report/",
    "disability-access": "/send/disability-and-access/",
    "accessibility-plan": "/send/accessibility-plan/",
    "inclusion-strategy": "/send/inclusion-strategy/",
    "statutory-information": "/send/statutory-information/",
}
# Other public pages print cleanly too: no near-empty last page.
OTHER_PAGES = {"home": "/", "standard": "/about-us/", "send-section": "/send/"}


@pytest.fixture(scope="module")
def pdftotext():
    path = shutil.which("pdftotext")
    if path is None:
        reason = "pdftotext not found: install the Debian package 'poppler-utils'"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


def squash(text):
    """Text without any whitespace or soft hyphen: a PDF breaks lines where it likes."""
    return re.sub(r"[\s\u00ad]+", "", text)


def printed_pages(pdftotext, tmp_path, pdf):
    """The text of each printed sheet."""
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[: text.count("\f")] or [text]


def print_to_pdf(page, path):
    response = page.goto(path)
    assert response.status == 200
    page.emulate_media(media="print")
    return page.pdf(format="A4", print_background=False)


def footer_text(page):
    """The lines printed at the foot of every sheet (their source, hidden on the page)."""
    return "\n".join(
        page.eval_on_selector_all(
            ".print-footer p", "lines => lines.map(p => p.textContent.trim())"
        )
    )


def assert_last_sheet_holds_content(sheets, footer):
    last = sheets[-1]
    rest = squash(last)
    for line in footer.splitlines():
        rest = rest.replace(squash(line), "")
    rest = re.sub(r"Page\d+of\d+", "", rest)
    assert len(rest) > 40, f"The last printed sheet holds only the footer: {last!r}"


@pytest.mark.parametrize("name", STATUTORY_PAGES)
def test_statutory_page_prints_every_column(page, pdftotext, tmp_path, name):
    pdf = print_to_pdf(page, STATUTORY_PAGES[name])
    sheets = printed_pages(pdftotext, tmp_path, pdf)
    printed = squash("".join(sheets))
    # Every cell of every table, column by column (a cut column loses its right-hand cells).
    cells = page.eval_on_selector_all(
        "main table tbody tr > *",
        "cells => cells.map(c => [c.tagName === 'TD' ? c.dataset.label : 'row', c.innerText])",
    )
    missing = [
        (label, text) for label, text in cells if text.strip() and squash(text) not in printed
    ]
    assert not missing, f"Cut from the printout: {missing[:5]}"
    # The stacked rows name their columns.
    for label in {label for label, _ in cells if label and label != "row"}:
        assert squash(label) in printed, f"Column {label!r} has no label on paper"
    # The footer: the school, the page's review dates, the address it was printed from.
    footer = footer_text(page)
    assert "Hollins Brook Primary School" in footer
    assert f"Printed from {page.url}" in footer
    assert squash(footer.splitlines()[-1]) in printed
    assert_last_sheet_holds_content(sheets, footer)
    # No screen chrome on paper.
    assert "Skip to main content" not in "".join(sheets)


def test_sen_report_print_footer_gives_its_review_dates(page, pdftotext, tmp_path):
    pdf = print_to_pdf(page, STATUTORY_PAGES["sen-report"])
    printed = squash("".join(printed_pages(pdftotext, tmp_path, pdf)))
    footer = footer_text(page)
    assert "Last reviewed" in footer and "next review" in footer
    for line in footer.splitlines():
        assert squash(line) in printed, line


def test_external_links_print_their_address(page, pdftotext, tmp_path):
    pdf = print_to_pdf(page, STATUTORY_PAGES["sen-report"])
    printed = squash("".join(printed_pages(pdftotext, tmp_path, pdf)))
    external = page.eval_on_selector_all(
        "main a[href^='http']:not(.no-print a)",
        "links => links.map(a => a.getAttribute('href'))",
    )
    assert external, "the report links the Local Offer and SENDIASS"
    for href in external:
        assert squash(href) in printed


@pytest.mark.parametrize("name", OTHER_PAGES)
def test_other_pages_end_without_a_near_empty_sheet(page, pdftotext, tmp_path, name):
    pdf = print_to_pdf(page, OTHER_PAGES[name])
    sheets = printed_pages(pdftotext, tmp_path, pdf)
    assert_last_sheet_holds_content(sheets, footer_text(page))


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_previous_versions_and_what_changed_pass_axe(new_page, size):
    """The demo report's "Previous versions", last year's version and the comparison:
    plain HTML (no script needed) that passes axe at both sizes."""
    from .conftest import DESKTOP, PHONE, axe_violations, screenshot

    page = new_page(viewport=DESKTOP if size == "desktop" else PHONE)
    page.goto(STATUTORY_PAGES["sen-report"])
    report = axe_violations(page)
    assert report == "", report
    versions = page.locator("#previous-versions")
    assert "replaced on" in versions.inner_text()
    old_version = versions.locator("a", has_text="read it").first.get_attribute("href")
    changes = versions.locator("a", has_text="What changed").get_attribute("href")
    for name, path in (("old-version", old_version), ("what-changed", changes)):
        response = page.goto(path)
        assert response.status == 200
        screenshot(page, f"{name}-{size}")
        report = axe_violations(page)
        assert report == "", report
    assert "reworded" in page.locator("main").inner_text()
    pdf = page.request.get(STATUTORY_PAGES["sen-report"].rstrip("/") + ".pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
