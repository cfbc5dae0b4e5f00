"""The page cache's per-worker copies (pagecache/store.py LocalEntries): a hit needs no
read of the shared page entry, yet a purge made by any worker is seen at once."""

import pytest
from django.core.cache import caches

from pagecache import store
from senreport.models import SENInformationReportPage

REPORT = "/send/sen-information-report/"


@pytest.fixture
def cache_on(settings, demo):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    store.local_entries.clear()
    return demo


def test_a_hit_is_served_from_the_workers_copy(cache_on, client, settings, monkeypatch):
    client.get(REPORT)
    shared_reads = []
    real_get = caches[settings.PAGE_CACHE_ALIAS].get
    monkeypatch.setattr(
        caches[settings.PAGE_CACHE_ALIAS],
        "get",
        lambda key, *a, **kw: shared_reads.append(key) or real_get(key, *a, **kw),
    )
    response = client.get(REPORT)
    assert response["X-Page-Cache"] == "hit"
    assert not [key for key in shared_reads if ":page:" in key]


def test_a_purge_by_another_worker_is_seen_at_once(cache_on, client, settings):
    client.get(REPORT)
    assert client.get(REPORT)["X-Page-Cache"] == "hit"
    page = SENInformationReportPage.objects.get()
    # Another worker publishes: the database and the shared store change, this worker's
    # copies stay as they were.
    SENInformationReportPage.objects.filter(pk=page.pk).update(title="Renamed by a colleague")
    store._bump({page.get_site().pk})
    response = client.get(REPORT)
    assert response["X-Page-Cache"] == "miss"
    assert "Renamed by a colleague" in response.content.decode()


def test_copies_are_bounded_by_size():
    local = store.LocalEntries(max_bytes=10)
    local.set("a", {"content": b"12345"})
    local.set("b", {"content": b"12345"})
    local.get("a")  # used last: kept
    local.set("c", {"content": b"12345"})
    assert local.get("a") is not None
    assert local.get("b") is None
    assert local.get("c") is not None
    local.set("big", {"content": b"x" * 11})
    assert local.get("big") is None
