"""Translated pages in a real browser (issue 20): a left-to-right (Polish) and a
right-to-left (Arabic) translation of the SEN report pass axe at phone and desktop sizes,
lay out mirrored in Arabic, and offer the language switcher.

The translations are made here with a few made-up strings (home.translation.translate_page;
the demo's own translations are the demo's), and removed when the module ends.
"""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations, run_python, screenshot

REPORT = "/send/sen-information-report/"

MAKE = """
from wagtail.models import Site
from home.languages import default_locale_id
from home.models import SchoolSettings
from home.translation import translate_page
from senreport.models import SENInformationReportPage
site = Site.objects.get(is_default_site=True)
school = SchoolSettings.for_site(site)
school.languages = ["pl", "ar"]
school.save()
report = SENInformationReportPage.objects.get(
    path__startswith=site.root_page.path, locale_id=default_locale_id()
)
translate_page(report, "pl", {report.title: "Raport o specjalnych potrzebach edukacyjnych"})
translate_page(report, "ar", {report.title: "تقرير الاحتياجات التعليمية الخاصة"})
"""

REMOVE = """
from wagtail.models import Page, Site
from home.models import SchoolSettings
site = Site.objects.get(is_default_site=True)
for page in Page.objects.filter(depth=2, locale__language_code__in=["pl", "ar"]):
    page.delete()
school = SchoolSettings.for_site(site)
school.languages = []
school.save()
"""


@pytest.fixture(scope="module")
def translations(server, server_env):
    run_python(server_env, MAKE)
    yield
    run_python(server_env, REMOVE)


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize(
    ("code", "direction", "title"),
    [
        ("pl", "ltr", "Raport o specjalnych potrzebach edukacyjnych"),
        ("ar", "rtl", "تقرير الاحتياجات التعليمية الخاصة"),
    ],
)
def test_a_translated_report_is_accessible(translations, new_page, size, code, direction, title):
    page = new_page(viewport=PHONE if size == "phone" else DESKTOP)
    response = page.goto(f"/{code}{REPORT}")
    assert response.status == 200
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, direction)
    assert page.get_by_role("heading", level=1).inner_text() == title
    switcher = page.get_by_role(
        "navigation", name=page.locator(".language-switcher").get_attribute("aria-label")
    )
    assert switcher.get_by_role("link", name="English").get_attribute("lang") == "en-GB"
    screenshot(page, f"translation-{code}-{size}")
    report = axe_violations(page)
    assert report == "", report


def test_arabic_lays_out_right_to_left(translations, new_page):
    page = new_page(viewport=DESKTOP)
    page.goto(f"/ar{REPORT}")
    main = page.locator("main").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    # The heading starts at the right-hand edge of the page's column.
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"])) < 40
    # The note's coloured edge is on its right.
    border = page.locator(".translation-note").evaluate(
        "e => getComputedStyle(e).borderRightWidth"
    )
    assert border != "0px"
