"""Easy read (senreport/easy_read.py): the SEN report in short sentences with pictures, at
its own address, linked from the report, the SEND page and the glossary; its own reading
target in the editor; the pupil-data guard reads its lines."""

import re
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senreport import easy_read
from senreport.models import EasyReadLine, SENInformationReportPage
from senreport.report_items import REPORT_ITEMS
from tests.senreport.helpers import form_data_for

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")

REPORT_URL = "/send/sen-information-report/"
EASY_READ_URL = f"{REPORT_URL}easy-read/"


def report_page():
    return SENInformationReportPage.objects.get()


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def set_lines(report, lines):
    """Publish the report with these (section, icon, text) lines only."""
    report.easy_read_lines = [
        EasyReadLine(section=section, icon=icon, text=text) for section, icon, text in lines
    ]
    report.save_revision().publish()


def easy_read_html(client):
    response = client.get(EASY_READ_URL)
    assert response.status_code == 200
    return response.content.decode()


def section_html(html, anchor):
    found = re.search(rf'<section[^>]*\bid="{anchor}"[^>]*>(.*?)</section>', html, re.S)
    assert found, f"no section {anchor}"
    return found.group(1)


def line(text, section="kinds_of_need"):
    return SimpleNamespace(section=section, icon="people", text=text)


# --- The public page --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_report_has_every_section_in_easy_read(client):
    html = easy_read_html(client)
    assert "<h1>SEN Information Report: easy read</h1>" in html
    report = report_page()
    for item in REPORT_ITEMS:
        assert item.shown_on(report)
        part = section_html(html, item.anchor)
        assert f">{report.heading_for(item)}</h2>" in part
        assert 'class="easy-read__line"' in part
    assert "not yet in easy read" not in html
    # Parents still find the contacts the law asks for.
    assert "Read our complaints procedure" in section_html(html, "complaints")
    assert "Contact" in section_html(html, "senco") or report.senco_name in html


@pytest.mark.django_db
def test_each_line_has_its_words_and_a_decorative_picture(client):
    report = report_page()
    set_lines(report, [("parents", "calendar", "We meet you three times a year.")])
    part = section_html(easy_read_html(client), "parents")
    item = re.search(r'<li class="easy-read__line">(.*?)</li>', part, re.S).group(1)
    assert "<p>We meet you three times a year.</p>" in item
    assert 'class="easy-read__icon"' in item
    assert 'aria-hidden="true"' in item and 'focusable="false"' in item
    assert "<img" not in item


@pytest.mark.django_db
def test_a_section_without_easy_read_is_listed_with_a_link_to_the_full_section(client):
    report = report_page()
    set_lines(report, [("parents", "calendar", "We meet you three times a year.")])
    html = easy_read_html(client)
    part = section_html(html, "wellbeing")
    assert f">{report.heading_for(REPORT_ITEMS[8])}</h2>" in part
    assert "This part is not yet in easy read." in part
    assert f'href="{REPORT_URL}#wellbeing"' in part
    # Every section of the report is there, in the report's order.
    anchors = re.findall(r'<section[^>]*\bid="([\w-]+)"', html)
    assert anchors == [item.anchor for item in REPORT_ITEMS]


@pytest.mark.django_db
def test_the_easy_read_page_links_back_to_the_full_report(client):
    html = easy_read_html(client)
    assert f'<a href="{REPORT_URL}">The full report</a>' in html
    crumbs = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{REPORT_URL}">SEN Information Report</a>' in crumbs
    assert '<span aria-current="page">Easy read</span>' in crumbs
    assert "<title>Easy read: SEN Information Report" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", [REPORT_URL, "/send/", "/send/glossary/"], ids=["report", "send", "glossary"]
)
def test_the_report_the_send_page_and_the_glossary_link_to_easy_read(client, url):
    html = client.get(url).content.decode()
    assert f'<a href="{EASY_READ_URL}">Read our SEN Information Report in easy read</a>' in html


@pytest.mark.django_db
def test_no_easy_read_for_a_report_that_is_not_live(client):
    report = report_page()
    report.unpublish()
    assert client.get(EASY_READ_URL).status_code == 404


@pytest.mark.django_db
def test_other_addresses_below_the_report_are_not_found(client):
    assert client.get(f"{REPORT_URL}easy-read/more/").status_code == 404
    assert client.get(f"{REPORT_URL}nothing-here/").status_code == 404


@pytest.mark.django_db
def test_the_sitemap_lists_the_easy_read_version(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{REPORT_URL}</loc>" in sitemap
    assert f"{EASY_READ_URL}</loc>" in sitemap


@pytest.mark.django_db
def test_the_easy_read_page_is_kept_by_the_page_cache(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    assert client.get(EASY_READ_URL)["X-Page-Cache"] == "miss"
    assert client.get(EASY_READ_URL)["X-Page-Cache"] == "hit"
    # Publishing the report again shows the new lines at once.
    set_lines(report_page(), [("parents", "calendar", "A brand new line.")])
    response = client.get(EASY_READ_URL)
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new line." in response.content.decode()


@pytest.mark.django_db
def test_editors_preview_the_easy_read_version(admin_client):
    report = report_page()
    url = f"/admin/pages/{report.pk}/edit/preview/"
    rows = [{"section": "parents", "icon": "talk", "text": "A line not yet saved."}]
    admin_client.post(url, form_data_for(report, easy_read_lines=rows))
    response = admin_client.get(f"{url}?mode={easy_read.PREVIEW_MODE}")
    assert response.status_code == 200
    assert "A line not yet saved." in response.content.decode()
    assert "SEN Information Report: easy read" in response.content.decode()


# --- The editor --------------------------------------------------------------------------


def test_every_report_item_can_have_easy_read_lines():
    field = EasyReadLine._meta.get_field("section")
    assert [value for value, _ in field.choices] == [item.field for item in REPORT_ITEMS]


@pytest.mark.django_db
def test_the_editor_has_an_easy_read_tab_with_its_own_target(admin_client):
    html = admin_client.get(edit_url(report_page())).content.decode()
    assert "Easy read" in html
    assert "Easy read has its own target:" in html
    assert "a reading ease of 80 or more, and no sentence over 15 words." in html
    assert "Every sentence meets the target." in html


@pytest.mark.django_db
def test_the_editor_shows_a_sentence_over_15_words(admin_client):
    long_sentence = (
        "We will always talk to you about your child before we make any change to the "
        "help they get."
    )
    report = report_page()
    set_lines(
        report,
        [
            ("parents", "talk", long_sentence),
            ("parents", "calendar", "We meet you three times a year."),
            ("pupils", "talk", "Your child helps to set their own goals."),
        ],
    )
    html = admin_client.get(edit_url(report)).content.decode()
    assert "This sentence misses the target:" in html
    assert f"“{long_sentence}”" in html
    assert "19 words: keep to 15 or fewer" in html


# --- The reading target -----------------------------------------------------------------


def test_short_everyday_sentences_meet_the_target():
    verdict = easy_read.check_lines(
        [
            line("We help every child to learn."),
            line("You can talk to the teacher at any time."),
            line("We meet you three times a year."),
        ]
    )
    assert verdict.score >= easy_read.TARGET
    assert verdict.misses == []
    assert verdict.meets_target


def test_a_sentence_over_15_words_misses_the_target_even_when_the_score_is_high():
    long = "We go on a trip to the park and the zoo and the farm and the beach."
    verdict = easy_read.check_lines([line(long), line("We help every child.")])
    assert verdict.score >= easy_read.TARGET
    assert [(m.sentence, m.reasons) for m in verdict.misses] == [
        (long, ("17 words: keep to 15 or fewer",))
    ]
    assert not verdict.meets_target


def test_two_ideas_on_one_line_miss_the_target():
    verdict = easy_read.check_lines([line("We help every child. We meet you each term.")])
    assert verdict.misses[0].reasons == ("more than one sentence: one idea a line",)


def test_long_words_are_named_when_the_text_is_hard_to_read():
    hard = "Individualised interventions facilitate accessibility."
    verdict = easy_read.check_lines(
        [
            line(hard),
            line("Educational psychologists collaborate with specialist practitioners."),
            line("We help every child."),
        ]
    )
    assert verdict.score < easy_read.TARGET
    assert not verdict.meets_target
    missed = {m.sentence: m.reasons for m in verdict.misses}
    assert missed[hard] == ("long words: try shorter, everyday ones",)
    assert verdict.misses[0].section == REPORT_ITEMS[0].question


def test_no_lines_do_not_meet_the_target():
    assert not easy_read.check_lines([]).meets_target


def test_the_demo_lines_meet_the_easy_read_target():
    from demo.easy_read import PRIMARY

    lines = [
        SimpleNamespace(section=s, icon=i, text=t) for s, rows in PRIMARY.items() for i, t in rows
    ]
    verdict = easy_read.check_lines(lines)
    assert verdict.meets_target, verdict.misses
    assert {row.icon for row in lines} <= set(easy_read.ICON_NAMES)
    assert set(PRIMARY) == {item.field for item in REPORT_ITEMS}


# --- Pupil data --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_child_named_with_their_needs_in_an_easy_read_line_is_refused(admin_client):
    report = report_page()
    rows = [
        {"section": "parents", "icon": "people", "text": "Jay Smith in Year 4 has autism."},
        {"section": "pupils", "icon": "talk", "text": "Your child helps to set their goals."},
    ]
    data = form_data_for(report, easy_read_lines=rows)
    data["action-publish"] = "publish"
    content = admin_client.post(edit_url(report), data, follow=True).content.decode()
    assert "cannot be published: it seems to hold personal data about pupils" in content
    assert "Jay Smith in Year 4 has autism" in content
    live = report_page()
    assert "Jay Smith" not in " ".join(row.text for row in live.easy_read_lines.all())


# --- Query budget -----------------------------------------------------------------------


def render_query_count(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


# Pinned: the site, routing (the steps to the report in one query by home.models.base
# `_pages_on_the_way`, then the report routes "easy-read" itself), the view restrictions,
# the easy-read lines (one query however many), the settings, the navigation, the
# complaints procedure page and the glossary terms.
# 14 before the steps to the report took one query; +1 in issue 20: Wagtail's routing
# looks up the active language's Locale (tests/test_query_budgets.py).
EASY_READ_QUERIES = 11


@pytest.mark.django_db
def test_easy_read_query_count_is_pinned_and_flat(client):
    report = report_page()
    set_lines(report, [("parents", "calendar", f"Line {n}.") for n in range(3)])
    three, html = render_query_count(client, EASY_READ_URL)
    assert html.count('class="easy-read__line"') == 3 + 3  # and the three of the welcome
    sections = [item.field for item in REPORT_ITEMS]
    set_lines(
        report_page(),
        [(sections[n % len(sections)], "people", f"Line {n}.") for n in range(20)],
    )
    twenty, html = render_query_count(client, EASY_READ_URL)
    assert html.count('class="easy-read__line"') == 20 + 3
    assert three == twenty == EASY_READ_QUERIES
