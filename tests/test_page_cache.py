"""The page cache (pagecache/): what is cached, the headers, and what purges it."""

import re
import threading
import time
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from home.models import SchoolSettings, StandardPage
from localoffer.models import Service
from pagecache import purge_sites, store
from senreport.models import (
    AccessibilityPlanPage,
    GlossaryTerm,
    SENDSectionPage,
    SENInformationReportPage,
)
from tests.localoffer import builders

REPORT = "/send/sen-information-report/"
SECTION = "/send/"
STATUTORY = "/send/statutory-information/"
LOCAL_OFFER = "/send/local-offer/"
FEED = "/openreferral/services"


@pytest.fixture
def cache_on(settings, demo):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    return demo


def state(client, url, **extra):
    response = client.get(url, **extra)
    return response.status_code, response.get("X-Page-Cache")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert state(client, url) == (200, "hit"), url


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# --- What is cached, and the headers ------------------------------------------------------


def without_nonces(response):
    return re.sub(r' nonce="[^"]*"', "", response.content.decode().split("<main", 1)[1])


def test_anonymous_reads_are_cached_with_public_headers(cache_on, client):
    first = client.get(REPORT)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(REPORT)
    assert second["X-Page-Cache"] == "hit"
    # The same page, but for the CSP nonce each response gets afresh.
    assert without_nonces(second) == without_nonces(first)
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=60"
        assert not response.cookies


def test_the_feed_is_cached_too(cache_on, client):
    assert state(client, FEED) == (200, "miss")
    assert state(client, FEED) == (200, "hit")
    assert client.get(FEED)["Access-Control-Allow-Origin"] == "*"


def test_head_is_answered_from_the_cache(cache_on, client):
    client.get(SECTION)
    assert client.head(SECTION)["X-Page-Cache"] == "hit"


def test_logged_in_editors_are_never_served_or_stored(cache_on, admin_client):
    client = Client()
    client.get(REPORT)  # cached for the public
    response = admin_client.get(REPORT)
    assert response.get("X-Page-Cache") is None
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in client.get(REPORT).content.decode()


def test_previews_are_not_cached(cache_on, admin_client):
    report = SENInformationReportPage.objects.get()
    response = admin_client.get(f"/admin/pages/{report.pk}/edit/preview/")
    assert response.get("X-Page-Cache") is None
    assert "public" not in response.get("Cache-Control", "")


def test_the_feedback_form_with_its_csrf_token_is_not_cached(cache_on, client):
    for _ in range(2):
        response = client.get("/feedback/")
        assert response.get("X-Page-Cache") is None
        assert response["Cache-Control"] == "private, no-cache"
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_filtered_directory_is_not_cached(cache_on, client):
    for _ in range(2):
        response = client.get(LOCAL_OFFER + "?age=7")
        assert response.get("X-Page-Cache") is None
        assert response["Cache-Control"] == "private, no-cache"
    assert state(client, LOCAL_OFFER) == (200, "miss")
    assert state(client, LOCAL_OFFER) == (200, "hit")


@pytest.mark.parametrize(
    "query", ["?utm_source=newsletter", "?x=1&y=2", "?fbclid=abc&utm_medium=email", "?&", "?x"]
)
def test_unknown_query_parameters_are_served_from_the_cache(cache_on, client, query):
    assert state(client, REPORT) == (200, "miss")
    response = client.get(REPORT + query)
    assert (response.status_code, response.get("X-Page-Cache")) == (200, "hit")
    assert response["Cache-Control"] == "public, max-age=60"


def test_a_page_first_asked_for_with_an_unknown_parameter_is_stored_as_the_bare_page(
    cache_on, client
):
    first = client.get(SECTION + "?cachebuster=12345")
    assert first.get("X-Page-Cache") == "miss"
    assert b"cachebuster" not in first.content
    assert state(client, SECTION) == (200, "hit")
    assert state(client, SECTION + "?cachebuster=67890") == (200, "hit")


def test_unknown_parameters_are_dropped_but_the_filters_kept(cache_on, client):
    # The directory still filters (and is built afresh) when a filter comes with junk.
    response = client.get(LOCAL_OFFER + "?age=99&utm_source=x")
    assert response.get("X-Page-Cache") is None
    assert "Enter an age from 0 to 25." in response.content.decode()
    assert client.get(LOCAL_OFFER + "?utm_source=x").get("X-Page-Cache") == "miss"
    assert client.get(LOCAL_OFFER + "?nonsense=1").get("X-Page-Cache") == "hit"


def test_the_feeds_paging_is_kept_and_junk_dropped(cache_on, client):
    assert state(client, FEED + "?per_page=1&junk=1") == (200, None)
    assert client.get(FEED + "?per_page=1&junk=1").json()["size"] == 1
    assert state(client, FEED + "?junk=1") == (200, "miss")
    assert state(client, FEED + "?other=2") == (200, "hit")


def test_the_feedback_forms_page_parameter_is_kept(cache_on, client):
    report = SENInformationReportPage.objects.get()
    response = client.get(f"/feedback/?page={report.pk}&utm_source=x")
    assert "You are telling us about the page" in response.content.decode()


def test_requests_with_a_session_cookie_bypass_the_cache(cache_on, client):
    client.get(SECTION)
    client.cookies["sessionid"] = "anything"
    assert state(client, SECTION) == (200, None)


def test_not_found_is_not_cached(cache_on, client):
    assert state(client, "/no-such-page/") == (404, None)
    assert client.get("/no-such-page/")["Cache-Control"] == "private, no-cache"


def test_off_switch_keeps_the_headers(demo, client, settings):
    settings.PAGE_CACHE_ENABLED = False
    response = client.get(SECTION)
    assert response.get("X-Page-Cache") is None
    assert response["Cache-Control"] == "public, max-age=60"


# --- Purging ------------------------------------------------------------------------------


def test_publishing_purges_the_page_and_the_pages_that_list_it(cache_on, client):
    warm(client, REPORT, SECTION, STATUTORY, LOCAL_OFFER, "/")
    report = SENInformationReportPage.objects.get()
    publish(report, title="Our SEN Information Report 2026", search_description="New summary")
    for url in (REPORT, SECTION, STATUTORY, LOCAL_OFFER, "/"):
        assert state(client, url) == (200, "miss"), url
    assert "Our SEN Information Report 2026" in client.get(REPORT).content.decode()
    assert "New summary" in client.get(SECTION).content.decode()


def test_unpublishing_purges(cache_on, client):
    warm(client, "/about-us/", "/")
    StandardPage.objects.get(slug="about-us").unpublish()
    assert client.get("/about-us/").status_code == 404
    assert 'href="/about-us/"' not in client.get("/").content.decode()


def test_moving_purges(cache_on, client):
    page = StandardPage.objects.get(slug="about-us")
    warm(client, "/about-us/", SECTION)
    page.move(SENDSectionPage.objects.get(), pos="last-child")
    old = client.get("/about-us/")
    assert old.get("X-Page-Cache") is None
    assert old.status_code == 404 or old["Location"].endswith("/send/about-us/")
    assert client.get("/send/about-us/").status_code == 200
    assert 'href="/send/about-us/"' in client.get(SECTION).content.decode()


def test_any_send_page_published_purges_the_statutory_and_section_pages(cache_on, client):
    warm(client, STATUTORY, SECTION)
    publish(AccessibilityPlanPage.objects.get())
    assert state(client, STATUTORY) == (200, "miss")
    assert state(client, SECTION) == (200, "miss")


def test_school_details_purge_every_page(cache_on, client):
    warm(client, "/", REPORT, FEED)
    school = SchoolSettings.objects.get()
    school.school_name = "Renamed Primary"
    school.save()
    assert "Renamed Primary" in client.get("/").content.decode()
    assert "Renamed Primary" in client.get(REPORT).content.decode()


def test_a_glossary_term_purges_the_pages_that_explain_it(cache_on, client):
    warm(client, "/send/glossary/", REPORT)
    term = GlossaryTerm.objects.get(abbreviation="SENCO")
    term.definition = "A newly worded definition."
    term.save()
    assert "A newly worded definition." in client.get("/send/glossary/").content.decode()


def test_a_service_change_purges_the_directory_and_the_feed(cache_on, client):
    warm(client, LOCAL_OFFER, FEED)
    builders.rich_service(name="Brand new sensory club")
    assert "Brand new sensory club" in client.get(LOCAL_OFFER).content.decode()
    assert "Brand new sensory club" in client.get(FEED).content.decode()
    warm(client, LOCAL_OFFER)
    Service.objects.filter(name="Brand new sensory club").delete()
    assert "Brand new sensory club" not in client.get(LOCAL_OFFER).content.decode()


def test_a_service_phone_and_its_areas_of_need_purge_the_feed(cache_on, client):
    """What localoffer registers with the page cache (localoffer/apps.py): a service's phone
    numbers, its areas of need, and a term's services (shared: every site)."""
    service = builders.service(name="Sensory club", phones=[("01632 960 100", "Office")])
    warm(client, FEED)
    phone = service.phones.get()
    phone.number = "01632 960 999"
    phone.save()
    assert state(client, FEED) == (200, "miss")

    warm(client, FEED)
    term = next(iter(builders.areas().values()))
    service.taxonomy_terms.add(term)
    service.save()
    assert state(client, FEED) == (200, "miss")

    warm(client, FEED)
    term.services.remove(service)
    assert state(client, FEED) == (200, "miss")


def test_a_page_built_before_a_purge_is_never_served_after_it(cache_on, client):
    """A request reads the site's token first; if a publish purges while it is still
    building the page (from the old content), what it stores is never read again."""
    request = RequestFactory().get(REPORT)
    site_id = store.site_id_for(request)
    key_before = store.entry_key(request, site_id, store.generation(site_id))
    old_page = client.get(REPORT)  # (stored now, under the same token)
    purge_sites([site_id])
    store.store_response(key_before, request, old_page)  # the slow request finishes
    assert state(client, REPORT) == (200, "miss")


def key_for(url):
    request = RequestFactory().get(url)
    site_id = store.site_id_for(request)
    return request, store.entry_key(request, site_id, store.generation(site_id))


def test_a_page_being_built_is_waited_for_not_built_twice(cache_on, client):
    request, key = key_for(SECTION)
    assert store.claim(key)  # another worker is building the SEND section page
    built = HttpResponse(b"<p>Built by the other worker</p>")

    def other_worker_finishes():
        time.sleep(0.2)
        store.store_response(key, request, built)
        store.release(key)

    worker = threading.Thread(target=other_worker_finishes)
    worker.start()
    response = client.get(SECTION)
    worker.join()
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b"<p>Built by the other worker</p>"


def test_a_waiter_builds_the_page_itself_if_the_other_stores_nothing(cache_on, client):
    request, key = key_for(SECTION)
    assert store.claim(key)
    threading.Timer(0.1, store.release, args=(key,)).start()
    response = client.get(SECTION)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None
    assert "SEND" in response.content.decode()


def test_the_purge_happens_again_after_the_commit(
    cache_on, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(SENInformationReportPage.objects.get(), title="Renamed report")
    client.get(REPORT)  # stored under the token set by the immediate purge
    assert state(client, REPORT) == (200, "hit")
    for callback in callbacks:
        callback()
    assert state(client, REPORT) == (200, "miss")


def test_clear_page_cache_command(cache_on, client):
    warm(client, SECTION)
    call_command("clear_page_cache", stdout=StringIO())
    assert state(client, SECTION) == (200, "miss")


# --- A CDN in front (wagtail.contrib.frontend_cache) ---------------------------------------

PURGED = []


class RecordingBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        PURGED.append(url)


def test_publishing_purges_the_cdn_for_every_page_of_the_site(
    cache_on, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(SENInformationReportPage.objects.get(), title="Renamed report")
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in PURGED}
    for path in ("send/sen-information-report/", "send/", "send/statutory-information/", ""):
        assert path in paths, sorted(paths)
    assert "openreferral/services" in paths


def test_no_cdn_configured_means_no_cdn_work(cache_on, settings, django_assert_num_queries):
    from pagecache.frontend import purge_sites_at_cdn

    settings.WAGTAILFRONTENDCACHE = {}
    with django_assert_num_queries(0):
        purge_sites_at_cdn({1})
