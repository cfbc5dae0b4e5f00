"""What inspectors see on the statutory-information page: the inclusion themes with links to
the published sections that evidence them, the checklist's version, and when each item's
legal source was last verified (also in the JSON of `manage.py compliance`)."""

import json
from contextlib import suppress
from dataclasses import replace
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SchoolSettings
from home.publishing import unguarded
from senreport.compliance import registry
from senreport.compliance.registry import CHECKLIST_VERSION, SOURCES_VERIFIED
from senreport.inclusion_themes import (
    THEMES,
    ReportSection,
)
from senreport.models import InclusionStrategyPage, SENInformationReportPage, SENSupportPage
from senreport.models.statutory import GROUPS
from senreport.report_items import REPORT_ITEMS
from tests.test_query_budgets import PAGE_BUDGETS

# Every test may read the demo school: each runs in its own transaction, whatever ran first.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]

STATUTORY_URL = "/send/statutory-information/"
REPORT_URL = "/send/sen-information-report/"
SUPPORT_URL = "/send/sen-support/"
NOTHING = "Nothing published yet shows this."
# The themes are read from the pages the checks already loaded, so they add no query to the
# page's pinned budget.
STATUTORY_PAGE_QUERIES = PAGE_BUDGETS["statutory information"][1]


def publish(page):
    with unguarded():
        page.save_revision().publish()


def edit_report(**changes):
    report = SENInformationReportPage.objects.get()
    for name, value in changes.items():
        setattr(report, name, value)
    publish(report)


def statutory_html(client):
    response = client.get(STATUTORY_URL)
    assert response.status_code == 200
    return response.content.decode()


def theme_html(html, theme_id):
    """The HTML of one theme in the 'How we include pupils with SEND' section."""
    return html.split(f'id="inclusion-{theme_id}"')[1].split("</div>")[0]


def row_html(html, check_id):
    return html.split(f'id="item-{check_id.replace(".", "")}"')[1].split("</tr>")[0]


def run_json():
    out = StringIO()
    # A school that is not compliant exits 1; the JSON is written all the same.
    with suppress(SystemExit):
        call_command("compliance", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# --- The mapping ---------------------------------------------------------------------------


def test_the_six_themes_inspectors_use_are_mapped_in_order():
    assert [theme.id for theme in THEMES] == [
        "high-expectations",
        "identification",
        "assess-plan-do-review",
        "specialists",
        "pupil-premium",
        "parents",
    ]
    for theme in THEMES:
        assert theme.title and theme.looks_for.startswith("Inspectors look at"), theme.id
        assert theme.sources, f"{theme.id} has no evidence sources"


def test_every_report_section_named_as_evidence_is_a_check_and_a_report_section():
    registered = set(registry.ids())
    anchors = {item.anchor for item in REPORT_ITEMS}
    sections = [s for theme in THEMES for s in theme.sources if isinstance(s, ReportSection)]
    assert {s.check_id for s in sections} == {
        "sir.teaching_approach",
        "sir.evaluating_effectiveness",
        "sir.adaptations",
        "sir.identification",
        "sir.assessing_progress",
        "sir.expertise",
        "sir.other_bodies",
        "sir.parents",
        "sir.pupils",
    }
    for source in sections:
        assert source.check_id in registered, f"{source.check_id} is not a registered check"
        assert source.item in REPORT_ITEMS, f"{source.check_id} is not a report section"
        assert source.anchor in anchors


@pytest.mark.django_db
def test_every_anchor_the_themes_link_to_is_on_the_published_page(client):
    report = client.get(REPORT_URL).content.decode()
    support = client.get(SUPPORT_URL).content.decode()
    for theme in THEMES:
        for source in theme.sources:
            if isinstance(source, ReportSection):
                assert f'id="{source.anchor}"' in report, source.check_id
    html = statutory_html(client)
    pages = {REPORT_URL: report, SUPPORT_URL: support}
    followed = 0
    for theme in THEMES:
        for href in theme_html(html, theme.id).split('href="')[1:]:
            path, _, anchor = href.split('"')[0].partition("#")
            if path not in pages:
                pages[path] = client.get(path).content.decode()
            assert f'id="{anchor}"' in pages[path], f"{theme.id}: {path}#{anchor} has no target"
            followed += 1
    # Every theme has published evidence in the demo, the pupil premium one included.
    assert NOTHING not in html
    assert followed >= len(THEMES)


# --- The section on the public page --------------------------------------------------------


@pytest.mark.django_db
def test_each_theme_links_to_the_sections_that_evidence_it(client):
    html = statutory_html(client)
    section = html.split('id="inclusion"')[1].split("</section>")[0]
    assert '<h2 id="inclusion-heading">How we include pupils with SEND</h2>' in section
    assert '<a href="#inclusion">How we include pupils with SEND</a>' in html
    identification = theme_html(html, "identification")
    assert "Finding out early and accurately what a pupil needs" in identification
    assert (
        f'<a href="{REPORT_URL}#identification">How does the school know if my child needs '
        "extra help, and how are needs assessed?</a>"
    ) in identification
    cycle = theme_html(html, "assess-plan-do-review")
    assert f'href="{REPORT_URL}#assessing-progress"' in cycle
    assert f'href="{SUPPORT_URL}#the-graduated-approach-assess-plan-do-review"' in cycle
    specialists = theme_html(html, "specialists")
    assert f'href="{REPORT_URL}#expertise"' in specialists
    assert f'href="{REPORT_URL}#other-bodies"' in specialists
    parents = theme_html(html, "parents")
    assert f'href="{REPORT_URL}#parents"' in parents and f'href="{REPORT_URL}#pupils"' in parents
    assert NOTHING not in parents


@pytest.mark.django_db
def test_a_reworded_heading_is_the_link_text(client):
    edit_report(parents_heading="Working together with families")
    parents = theme_html(statutory_html(client), "parents")
    assert f'<a href="{REPORT_URL}#parents">Working together with families</a>' in parents


@pytest.mark.django_db
def test_a_theme_with_nothing_published_says_so_and_stays_on_the_page(client):
    edit_report(parents="", pupils="")
    html = statutory_html(client)
    parents = theme_html(html, "parents")
    assert "Working with parents and pupils" in parents
    assert NOTHING in parents
    assert "<a " not in parents
    # The other themes keep their evidence.
    assert NOTHING not in theme_html(html, "specialists")


@pytest.mark.django_db
def test_a_report_that_is_not_live_is_no_evidence(client):
    SENInformationReportPage.objects.get().unpublish()
    html = statutory_html(client)
    for theme_id in ("high-expectations", "identification", "specialists", "parents"):
        assert NOTHING in theme_html(html, theme_id), theme_id
    # The SEN support page still shows the cycle.
    assert f'href="{SUPPORT_URL}#' in theme_html(html, "assess-plan-do-review")


@pytest.mark.django_db
def test_a_special_school_that_describes_identification_still_shows_it(client):
    # The duty applies to mainstream schools only, but the words are published.
    school = SchoolSettings.objects.get()
    school.school_type = "special"
    school.save()
    html = statutory_html(client)
    assert "Does not apply" in row_html(html, "sir.identification")
    assert f'href="{REPORT_URL}#identification"' in theme_html(html, "identification")


@pytest.mark.django_db
def test_the_demo_inclusion_strategy_evidences_the_pupil_premium_theme(client):
    strategy = InclusionStrategyPage.objects.live().get()
    assert strategy.pupil_premium_statement_link
    strategy_page = client.get(strategy.url).content.decode()
    assert strategy_page.count('id="pupil-premium"') == 1
    pupil_premium = theme_html(statutory_html(client), "pupil-premium")
    assert (
        f'<a href="{strategy.url}#pupil-premium">Our pupil premium strategy statement</a>'
    ) in pupil_premium
    assert NOTHING not in pupil_premium


@pytest.mark.django_db
def test_a_strategy_without_a_pupil_premium_link_is_no_evidence(client):
    strategy = InclusionStrategyPage.objects.live().get()
    strategy.pupil_premium_statement_url = ""
    strategy.pupil_premium_statement_document = None
    publish(strategy)
    pupil_premium = theme_html(statutory_html(client), "pupil-premium")
    assert "The pupil premium strategy" in pupil_premium
    assert NOTHING in pupil_premium


@pytest.mark.django_db
def test_an_unpublished_strategy_is_no_evidence(client):
    InclusionStrategyPage.objects.live().get().unpublish()
    assert NOTHING in theme_html(statutory_html(client), "pupil-premium")


# --- Checklist version and verified dates --------------------------------------------------


def test_an_item_is_verified_on_the_checklist_date_unless_it_has_its_own():
    senco = registry["sir.senco"]
    assert senco.source_verified is None
    assert senco.verified_on == SOURCES_VERIFIED == date(2026, 11, 30)
    assert CHECKLIST_VERSION == "2026.11"
    assert replace(senco, source_verified=date(2026, 10, 1)).verified_on == date(2026, 10, 1)


@pytest.mark.django_db
def test_the_json_carries_the_checklist_version_and_each_items_verified_date():
    payload = run_json()
    assert payload["checklist_version"] == "2026.11"
    assert payload["sources_verified"] == "2026-11-30"
    checks = payload["schools"][0]["checks"]
    assert len(checks) == len(registry)
    for item in checks:
        # The keys consumers already read are kept.
        assert {"id", "level", "title", "legal_basis", "status", "reason", "public_url"} <= set(
            item
        )
        assert {"fix_url", "last_reviewed", "next_review"} <= set(item)
        assert item["source_verified"] == "2026-11-30", item["id"]


@pytest.mark.django_db
def test_the_statutory_page_shows_the_version_and_each_items_verified_date(client):
    html = statutory_html(client)
    assert "Checklist version 2026.11." in html
    assert '<time datetime="2026-11-30">30 November 2026</time>' in html
    for check in registry:
        row = row_html(html, check.id)
        assert 'Source verified <time datetime="2026-11-30">30 Nov 2026</time>' in row, check.id


@pytest.mark.django_db
def test_an_item_verified_on_its_own_date_shows_that_date(client, monkeypatch):
    senco = registry["sir.senco"]
    monkeypatch.setitem(
        registry._checks, "sir.senco", replace(senco, source_verified=date(2026, 10, 1))
    )
    html = statutory_html(client)
    assert '<time datetime="2026-10-01">1 Oct 2026</time>' in row_html(html, "sir.senco")
    assert '<time datetime="2026-11-30">30 Nov 2026</time>' in row_html(html, "sir.parents")
    verified = {c["id"]: c["source_verified"] for c in run_json()["schools"][0]["checks"]}
    assert verified["sir.senco"] == "2026-10-01"
    assert verified["sir.parents"] == "2026-11-30"


# --- The checklist's sections --------------------------------------------------------------


def test_the_statutory_page_groups_follow_the_checklist():
    prefixes = [prefix for prefix, _ in GROUPS]
    assert prefixes == ["sir", "dis", "ap", "inc", "eq", "school", "web", "dp"]
    assert dict(GROUPS)["inc"] == "Inclusion strategy"
    assert dict(GROUPS)["eq"] == "Equality information and objectives"


def test_every_check_has_a_group_so_none_is_left_off_the_statutory_page():
    prefixes = {prefix for prefix, _ in GROUPS}
    missing = [c.id for c in registry if c.id.split(".")[0] not in prefixes]
    assert not missing, f"add a group to GROUPS for: {missing}"


# --- Queries -------------------------------------------------------------------------------


def add_graduated_approach_blocks(count):
    """The demo's SEN support page with `count` more graduated-approach blocks."""
    page = SENSupportPage.objects.get()
    block = page.body.stream_block.child_blocks["graduated_approach"]
    first = next(b for b in page.body.raw_data if b["type"] == "graduated_approach")
    for number in range(count):
        value = dict(first["value"], heading=f"The cycle, part {number}")
        page.body.append(("graduated_approach", block.to_python(value)))
    publish(page)


@pytest.mark.django_db
def test_the_statutory_page_query_count_stays_pinned_as_evidence_grows(client):
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES
    add_graduated_approach_blocks(5)
    cycle = theme_html(statutory_html(client), "assess-plan-do-review")
    assert f'href="{SUPPORT_URL}#the-cycle-part-4"' in cycle
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES
