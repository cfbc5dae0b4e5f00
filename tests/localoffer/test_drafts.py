"""Local Offer services and organisations: drafts, publishing and each school's approval.

Through the real admin views, as a school's editors and approvers use them, and through
the public directory and the Open Referral feed, as families and aggregators see them.
"""

import importlib

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Revision, TaskState, WorkflowState

from home.schools import ensure_school_groups, group_names
from localoffer import importer
from localoffer.models import Organisation, Service
from tests.localoffer import builders
from tests.localoffer.test_admin import new_service_data

pytestmark = pytest.mark.django_db

SERVICES = "wagtailsnippets_localoffer_service"
ORGANISATIONS = "wagtailsnippets_localoffer_organisation"
DIRECTORY = "/send/local-offer/"
FEED = "/openreferral/services"


def url(name, *args, viewset=SERVICES):
    return reverse(f"{viewset}:{name}", args=args)


@pytest.fixture
def schools(school):
    """School A (the default site, with its Local Offer page) and school B, each with its
    editors, approvers and approval workflow, as home/schools.py makes them."""
    a, b = builders.site(), builders.other_site()
    builders.offer_page()
    ensure_school_groups(a, "School A")
    ensure_school_groups(b, "School B")
    return a, b


def user_in(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def people(schools, django_user_model):
    return {
        "editor_a": user_in(django_user_model, "editor-a", group_names("School A")[0]),
        "approver_a": user_in(django_user_model, "approver-a", group_names("School A")[1]),
        "approver_b": user_in(django_user_model, "approver-b", group_names("School B")[1]),
    }


@pytest.fixture
def as_user(client):
    def login(user):
        client.logout()
        client.force_login(user)
        return client

    return login


def assert_refused(response):
    """Wagtail's refusal: back to the dashboard with its "no permission" message, or 403."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "do not have permission" in messages


def public_names(client):
    """The service names the directory and the feed show to the public."""
    client.logout()
    page = client.get(DIRECTORY).content.decode()
    feed = {item["name"] for item in client.get(FEED).json()["contents"]}
    return page, feed


# --- Drafts stay off the public site until published ------------------------------------


def test_a_new_service_saved_as_draft_is_not_public_until_an_approver_publishes_it(
    client, people, as_user
):
    editor = as_user(people["editor_a"])
    response = editor.post(url("add"), new_service_data(name="Lego club"))
    assert response.status_code == 302
    service = Service.objects.get(name="Lego club")
    assert not service.live

    page, feed = public_names(client)
    assert "Lego club" not in page
    assert "Lego club" not in feed

    # An editor has no Publish: asking for it anyway only saves another draft.
    editor = as_user(people["editor_a"])
    editor.post(
        url("edit", service.pk), new_service_data(name="Lego club", **{"action-publish": "1"})
    )
    service.refresh_from_db()
    assert not service.live

    approver = as_user(people["approver_a"])
    response = approver.post(
        url("edit", service.pk), new_service_data(name="Lego club", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.live
    page, feed = public_names(client)
    assert "Lego club" in page
    assert "Lego club" in feed


def test_editing_a_live_service_keeps_the_live_version_public_until_published(
    client, people, as_user
):
    live = builders.service("Speech and language therapy")
    editor = as_user(people["editor_a"])
    response = editor.post(
        url("edit", live.pk), new_service_data(name="Speech therapy (new times)")
    )
    assert response.status_code == 302

    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert live.name == "Speech and language therapy"
    page, feed = public_names(client)
    assert "Speech and language therapy" in page and "Speech therapy (new times)" not in page
    assert feed == {"Speech and language therapy"}
    # The editor sees the draft when they open the record again.
    editor = as_user(people["editor_a"])
    assert "Speech therapy (new times)" in editor.get(url("edit", live.pk)).content.decode()

    approver = as_user(people["approver_a"])
    approver.post(
        url("edit", live.pk),
        new_service_data(name="Speech therapy (new times)", **{"action-publish": "1"}),
    )
    page, feed = public_names(client)
    assert "Speech therapy (new times)" in page and "Speech and language therapy" not in page
    assert feed == {"Speech therapy (new times)"}


def test_a_service_run_by_an_unpublished_organisation_stays_off_the_public_site(client, schools):
    draft_org = builders.organisation(name="Brand new charity", live=False)
    builders.service("Sibling group", provider=draft_org)
    page, feed = public_names(client)
    assert "Sibling group" not in page and "Brand new charity" not in page
    assert "Sibling group" not in feed
    draft_org.save_revision().publish()
    page, feed = public_names(client)
    assert "Sibling group" in page and "Brand new charity" in page
    assert "Sibling group" in feed


def test_the_service_form_offers_only_published_organisations(people, as_user):
    builders.organisation(name="Published charity")
    builders.organisation(name="Draft charity", live=False)
    html = as_user(people["editor_a"]).get(url("add")).content.decode()
    assert "Published charity" in html
    assert "Draft charity" not in html


# --- Each school's approval workflow ------------------------------------------------------


def test_an_editor_submits_to_their_own_schools_approvers_and_no_one_else(client, people, as_user):
    editor = as_user(people["editor_a"])
    # A new service can be submitted straight away, to school A's approval.
    html = editor.get(url("add")).content.decode()
    assert "Submit to School A approval" in html
    response = editor.post(
        url("add"), new_service_data(name="Lego club", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    service = Service.objects.get(name="Lego club")
    state = WorkflowState.objects.for_instance(service).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "School A approval"
    task = state.current_task_state.task.specific
    assert list(task.groups.all()) == [Group.objects.get(name=group_names("School A")[1])]
    assert not service.live

    # School B's approver: not offered the task, and refused if they try.
    approver_b = as_user(people["approver_b"])
    assert not task.get_actions(service, people["approver_b"])
    approve = url("workflow_action", service.pk, "approve", state.current_task_state.pk)
    assert_refused(approver_b.post(approve, {}))
    assert_refused(approver_b.get(url("edit", service.pk)))
    service.refresh_from_db()
    assert not service.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # School A's approver sees it awaiting review, and approving publishes it.
    approver_a = as_user(people["approver_a"])
    assert "Lego club" in approver_a.get("/admin/").content.decode()
    response = approver_a.post(approve, {})
    assert response.status_code in (200, 302)
    service.refresh_from_db()
    assert service.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.filter(workflow_state=state, finished_by=people["approver_a"])
    page, feed = public_names(client)
    assert "Lego club" in page and "Lego club" in feed


def test_a_school_b_service_goes_to_school_bs_approval(schools, django_user_model):
    _, b = schools
    service = builders.service("Forest school", site=b)
    assert service.get_workflow().name == "School B approval"
    organisation = builders.organisation(name="Forest trust", site=b)
    assert organisation.get_workflow().name == "School B approval"


def test_approvers_of_another_school_cannot_unpublish_or_view_history(people, as_user):
    service = builders.service("Speech and language therapy")
    approver_b = as_user(people["approver_b"])
    for method, name in (
        ("get", "history"),
        ("get", "workflow_history"),
        ("get", "unpublish"),
        ("post", "unpublish"),
        ("post", "lock"),
    ):
        response = getattr(approver_b, method)(url(name, service.pk), {})
        assert_refused(response)
    service.refresh_from_db()
    assert service.live and not service.locked
    # School A's own approver may take it off the site.
    approver_a = as_user(people["approver_a"])
    assert approver_a.post(url("unpublish", service.pk), {}).status_code == 302
    service.refresh_from_db()
    assert not service.live


def test_organisations_have_drafts_too(client, people, as_user):
    org = builders.organisation(name="Westmere CAMHS")
    builders.service("CAMHS drop-in", provider=org)
    editor = as_user(people["editor_a"])
    edit = url("edit", org.pk, viewset=ORGANISATIONS)
    data = {"name": "Westmere Mind Matters", "kind": "nhs", "description": "", "email": ""}
    data["website"] = ""
    assert editor.post(edit, data).status_code == 302
    page, _ = public_names(client)
    assert "Westmere CAMHS" in page and "Westmere Mind Matters" not in page
    approver = as_user(people["approver_a"])
    approver.post(edit, {**data, "action-publish": "1"})
    page, _ = public_names(client)
    assert "Westmere Mind Matters" in page and "Westmere CAMHS" not in page


# --- Records that existed, and imported records, are live ---------------------------------


def test_the_migration_makes_every_existing_record_live_and_published(schools):
    service = builders.service("Speech and language therapy")
    org = builders.organisation(name="Westmere CAMHS")
    Service.objects.update(live=False, has_unpublished_changes=True, first_published_at=None)
    Organisation.objects.update(live=False, first_published_at=None)
    migration = importlib.import_module("localoffer.migrations.0003_drafts_revisions_and_workflow")
    migration.publish_existing_records(global_apps, None)
    service.refresh_from_db()
    org.refresh_from_db()
    assert service.live and not service.has_unpublished_changes
    assert service.first_published_at is not None
    assert org.live and org.first_published_at is not None


def test_the_migration_gives_existing_approvers_publish_on_their_school_only(schools):
    from wagtail.models import GroupSitePermission

    a, b = schools
    approvers_a = Group.objects.get(name=group_names("School A")[1])
    GroupSitePermission.objects.filter(permission__codename__startswith="publish_").delete()
    migration = importlib.import_module("localoffer.migrations.0004_approvers_publish_local_offer")
    migration.give_approvers_publish(global_apps, None)
    granted = set(
        GroupSitePermission.objects.filter(permission__codename="publish_service").values_list(
            "group__name", "site_id"
        )
    )
    assert granted == {(approvers_a.name, a.pk), (group_names("School B")[1], b.pk)}


def test_imported_records_are_published_on_import(client, schools):
    _, b = schools
    provider = builders.organisation(name="Council SEND team")
    builders.rich_service(name="Council portage", provider=provider)
    records = [
        client.get(f"/openreferral/services/{item['id']}").json()
        for item in client.get(FEED).json()["contents"]
    ]
    importer.import_services(b, records, "https://council.example/oruk")
    copy_ = Service.objects.get(site=b, name="Council portage")
    assert copy_.live and not copy_.has_unpublished_changes
    assert copy_.first_published_at is not None
    assert copy_.provider.live and copy_.provider.site == b
    assert copy_ in Service.objects.public(b)


def test_a_draft_of_an_imported_service_never_brings_back_old_council_data(client, schools):
    _, b = schools
    builders.rich_service(name="Council portage", provider=builders.organisation())
    records = [
        client.get(f"/openreferral/services/{item['id']}").json()
        for item in client.get(FEED).json()["contents"]
    ]
    importer.import_services(b, records, "https://council.example/oruk")
    imported = Service.objects.get(site=b)
    imported.local_notes = "Ask the SENCO to refer you."
    draft = imported.save_revision()
    # The council renames the service; the school's note is approved afterwards.
    records[0]["name"] = "Portage home visiting"
    importer.import_services(b, records, "https://council.example/oruk")
    Revision.objects.get(pk=draft.pk).publish()  # as the approval does, from the database
    imported.refresh_from_db()
    assert imported.name == "Portage home visiting"
    assert imported.local_notes == "Ask the SENCO to refer you."


def test_publishing_follows_the_records_school_not_any_school(
    client, people, as_user, django_user_model
):
    """An editor of A who approves B may publish B's records, not A's."""
    both = user_in(django_user_model, "editor-a-approver-b", group_names("School A")[0])
    both.groups.add(Group.objects.get(name=group_names("School B")[1]))
    service = builders.service("Speech and language therapy")
    editor = as_user(both)
    assert 'name="action-publish"' not in editor.get(url("edit", service.pk)).content.decode()
    editor.post(
        url("edit", service.pk), new_service_data(name="Renamed", **{"action-publish": "1"})
    )
    service.refresh_from_db()
    assert service.name == "Speech and language therapy"
    assert_refused(editor.post(url("unpublish", service.pk), {}))
    service.refresh_from_db()
    assert service.live

    approver = as_user(people["approver_a"])
    assert 'name="action-publish"' in approver.get(url("edit", service.pk)).content.decode()
