"""Query budgets: every public page type of the demo school, rendered without the page cache,
costs a pinned number of SQL queries, and the number stays flat as the content grows.

A change to a number here is a decision, not an accident: find the new query (the failure
lists them all) and either remove it or re-pin with the reason in the commit message.

What every page pays (the "shell"): the site for the host name (with its root page),
Wagtail's routing (the specific page, plus two queries per level below the home page), the
school details, one view-restriction query shared by the whole render (home.public: Wagtail's
own view-restriction check reads it too, home.models.base), and one query for the menu, the
footer's statutory links and the feedback link together (home.navigation).
The breadcrumb is the pages the routing passed through (no query). SEND pages add one query
for all the glossary terms (`{% glossarize %}`); the statutory pages they link to come from
the footer's query. The home page's 6th query is the page its SEND button leads to. The
statutory-information page runs every check, the pupil-data scan included: every live page
of the site (one query per page type and child relation) and its Local Offer records and
the glossary (one each).
"""

import uuid
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from localoffer.models import Service
from senreport.models import AccessibilityPlanPage, GlossaryTerm
from tests import factories
from tests.localoffer import builders

# name: (address in the demo school, pinned queries for an uncached anonymous render)
# +1 on every page in issue 20 (translations): Wagtail's routing looks up the active
# language's Locale (`site.root_page.localized`) once a request, now that
# WAGTAIL_I18N_ENABLED is on. The Open Referral feed is not a page and does not route.
PAGE_BUDGETS = {
    "home": ("/", 7),
    "standard page": ("/about-us/", 9),
    # +2 in issue 14: .specific() reads each child page type once (the inclusion strategy
    # and the equality page).
    "SEND section": ("/send/", 19),
    # -4 in issue 15: the view-restriction check (two queries), the breadcrumb and the
    # accessibility plan's link (from the footer's query). Every page two levels below the
    # home page, -2 more in issue 15's render path: routing finds the steps in one query
    # (home.models.base `_pages_on_the_way`) instead of two a level.
    # +1 in issue 19: the page's previous approved versions ("Previous versions"), one
    # query however many there are (tests/senreport/test_editions_pdf.py).
    "SEN Information Report": ("/send/sen-information-report/", 12),
    "disability and access": ("/send/disability-and-access/", 10),
    "accessibility plan": ("/send/accessibility-plan/", 11),
    # Issue 15: 41 -> 10 -> 8 (routing, above). The page reads the stored compliance
    # results (one query, the inclusion themes' evidence among them) instead of running
    # every check, and the shell's view-restriction check (two queries) and breadcrumb cost
    # none.
    "statutory information": ("/send/statutory-information/", 9),
    "SEN support": ("/send/sen-support/", 10),
    "glossary": ("/send/glossary/", 9),
    "accessibility statement": ("/accessibility/", 9),
    "feedback form": ("/feedback/", 9),
    "Local Offer page and directory": ("/send/local-offer/", 13),
    "Open Referral services feed": ("/openreferral/services", 5),
}
LOCAL_OFFER_URL = PAGE_BUDGETS["Local Offer page and directory"][0]
FEED_URL = PAGE_BUDGETS["Open Referral services feed"][0]
PLAN_URL = PAGE_BUDGETS["accessibility plan"][0]
STATUTORY_URL = PAGE_BUDGETS["statutory information"][0]
GLOSSARY_URL = PAGE_BUDGETS["glossary"][0]
REPORT_URL = PAGE_BUDGETS["SEN Information Report"][0]


def queries_for(client, url):
    """(number, SQL list) of an anonymous render of `url`, after one warming request that
    fills the per-process caches every page shares (content types, site root paths)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None, "the page cache must be off here"
    return len(queries), [q["sql"] for q in queries.captured_queries]


def assert_budget(client, url, budget):
    count, sql = queries_for(client, url)
    listing = "\n".join(f"  {n}. {line[:200]}" for n, line in enumerate(sql, 1))
    assert count == budget, f"{url}: {count} queries, pinned at {budget}:\n{listing}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGE_BUDGETS)
def test_every_public_page_type_has_a_pinned_query_count(demo, client, name):
    url, budget = PAGE_BUDGETS[name]
    assert_budget(client, url, budget)


# --- Flat as content grows -----------------------------------------------------------------


def only_services(count):
    """Leave the demo school with exactly `count` of its own, fully filled-in services."""
    Service.objects.all().delete()
    provider = builders.organisation()
    for number in range(count):
        builders.rich_service(name=f"Service {number:02d}", provider=provider)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [LOCAL_OFFER_URL, FEED_URL])
def test_1_or_50_services_cost_the_same(demo, client, url):
    only_services(1)
    one, _ = queries_for(client, url)
    only_services(50)
    fifty, _ = queries_for(client, url)
    assert one == fifty, f"{url}: {one} queries for 1 service, {fifty} for 50"
    assert fifty == dict(PAGE_BUDGETS.values())[url]
    if url == FEED_URL:
        assert client.get(url).json()["total_items"] == 50
    else:
        assert len(client.get(url).context["directory"].services) == 50


def only_plan_actions(count):
    plan = AccessibilityPlanPage.objects.get()
    first = plan.actions.first()
    plan.actions.exclude(pk=first.pk).delete()
    for number in range(count - 1):
        first.pk = None
        first.translation_key = uuid.uuid4()  # a row of its own (TranslatableMixin)
        first.action = f"Extra action {number}"
        first.target_date = date(2027, 7, 1)
        first.save()
    assert plan.actions.count() == count


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PLAN_URL, STATUTORY_URL])
def test_1_or_30_plan_actions_cost_the_same(demo, client, url):
    only_plan_actions(1)
    one, _ = queries_for(client, url)
    only_plan_actions(30)
    thirty, _ = queries_for(client, url)
    assert one == thirty, f"{url}: {one} queries for 1 action, {thirty} for 30"
    assert thirty == dict(PAGE_BUDGETS.values())[url]


def only_glossary_terms(count):
    GlossaryTerm.objects.all().delete()
    factories.glossary_terms(count)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [GLOSSARY_URL, REPORT_URL])
def test_5_or_80_glossary_terms_cost_the_same(demo, client, url):
    only_glossary_terms(5)
    five, _ = queries_for(client, url)
    only_glossary_terms(80)
    eighty, _ = queries_for(client, url)
    assert five == eighty, f"{url}: {five} queries for 5 terms, {eighty} for 80"
    assert eighty == dict(PAGE_BUDGETS.values())[url]
    if url == GLOSSARY_URL:
        assert client.get(url).content.decode().count('id="term-ab') == 80
