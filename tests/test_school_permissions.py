"""A school's editors edit their own school's pages, details and services, and nothing of
another school's: not by the menus, and not by typing another school's address."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL
from home.models import SchoolSettings
from home.schools import group_names, sites_for_user
from localoffer.models import Organisation, Service
from senreport.models import SENInformationReportPage
from senreport.trust import TRUST_STAFF_GROUP


def site_of(school):
    return Site.objects.select_related("root_page").get(hostname=school.hostname, port=school.port)


@pytest.fixture
def schools(db):
    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    return site_of(HOLLINS_BROOK), site_of(LARKSPUR_HILL)


def member_of(django_user_model, username, *group_names_):
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.set(Group.objects.filter(name__in=group_names_))
    return user


@pytest.fixture
def editor_a(schools, django_user_model):
    """An editor of Hollins Brook only."""
    return member_of(django_user_model, "editor-a", group_names(HOLLINS_BROOK.name)[0])


@pytest.fixture
def client_a(client, editor_a):
    client.force_login(editor_a)
    return client


def assert_refused(response):
    """Wagtail's refusal: back to the dashboard with 'Sorry, you do not have permission',
    or a plain 403 or 404."""
    if response.status_code in (403, 404):
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "do not have permission" in messages


def report_of(site):
    return SENInformationReportPage.objects.descendant_of(site.root_page).get()


def test_groups_carry_wagtails_permissions_on_their_school_only(schools):
    a, b = schools
    editors, approvers = (Group.objects.get(name=n) for n in group_names(HOLLINS_BROOK.name))
    # The school's home page and its translations (the demo's Polish and Arabic homes).
    homes = {page.pk for page in a.root_page.get_translations(inclusive=True)}
    assert {p.page_id for p in editors.page_permissions.all()} == homes
    assert len(homes) == 3
    assert {p.permission.codename for p in editors.page_permissions.all()} == {
        "add_page",
        "change_page",
    }
    assert "publish_page" in {p.permission.codename for p in approvers.page_permissions.all()}
    assert {p.site_id for p in editors.site_permissions.all()} == {a.pk}
    # Submitting a page of the school for approval goes to that school's approvers.
    workflow = report_of(a).get_workflow()
    assert list(workflow.tasks.get().specific.groups.all()) == [approvers]
    other = report_of(b).get_workflow()
    assert other != workflow
    assert list(other.tasks.get().specific.groups.all()) == [
        Group.objects.get(name=group_names(LARKSPUR_HILL.name)[1])
    ]


def test_editor_works_on_their_own_school_only(schools, editor_a):
    assert [s.pk for s in sites_for_user(editor_a)] == [schools[0].pk]


def test_editor_edits_their_schools_pages_but_not_anothers(schools, client_a):
    a, b = schools
    assert (
        client_a.get(reverse("wagtailadmin_pages:edit", args=[report_of(a).pk])).status_code == 200
    )
    assert_refused(client_a.get(reverse("wagtailadmin_pages:edit", args=[report_of(b).pk])))
    assert_refused(
        client_a.post(
            reverse("wagtailadmin_pages:edit", args=[report_of(b).pk]),
            {"title": "Changed by another school"},
        )
    )
    assert report_of(b).title == "SEN Information Report"
    # Adding a page under another school's section is refused too.
    section_b = report_of(b).get_parent()
    assert_refused(
        client_a.get(
            reverse("wagtailadmin_pages:add", args=["home", "standardpage", section_b.pk])
        )
    )


def test_page_explorer_opens_at_the_school_and_hides_the_other(schools, client_a):
    a, b = schools
    # (Wagtail's "Site" filter names every site; the pages are what is kept apart.)
    html = client_a.get(reverse("wagtailadmin_explore", args=[a.root_page_id])).content.decode()
    assert "Special educational needs and disabilities (SEND)" in html
    b_pages = b.root_page.get_descendants(inclusive=True)
    for page in b_pages:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in html
    # Exploring the other school's pages leads back to the editor's own school or, when
    # the school's permissions also cover its translated home pages (siblings of its home
    # under the root, issue 20), opens with none of the other school's pages listed.
    other = client_a.get(reverse("wagtailadmin_explore", args=[b.root_page_id]))
    if other.status_code == 302:
        assert other["Location"] == reverse("wagtailadmin_explore", args=[a.root_page_id])
    else:
        assert other.status_code == 200
        listed = other.content.decode()
        for page in b_pages:
            assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in listed
        for page in b.root_page.get_children():
            assert f">{page.title}<" not in listed
    search = client_a.get(reverse("wagtailadmin_pages:search"), {"q": "Larkspur"})
    assert search.status_code == 200
    for page in b_pages:
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in search.content.decode()


def test_editor_edits_their_schools_details_but_not_anothers(schools, client_a):
    a, b = schools
    own = reverse("wagtailsettings:edit", args=["home", "schoolsettings", a.pk])
    other = reverse("wagtailsettings:edit", args=["home", "schoolsettings", b.pk])
    assert client_a.get(own).status_code == 200
    assert_refused(client_a.get(other))
    assert_refused(client_a.post(other, {"school_name": "Taken over"}))
    assert SchoolSettings.for_site(b).school_name == LARKSPUR_HILL.name
    # The settings menu item opens the editor's own school.
    menu = client_a.get(reverse("wagtailsettings:edit", args=["home", "schoolsettings"]))
    assert menu["Location"] == own


def test_editor_lists_only_their_schools_services(schools, client_a):
    a, b = schools
    html = client_a.get(reverse("wagtailsnippets_localoffer_service:list")).content.decode()
    assert "The Nest nurture group" in html
    for name in ("Hydrotherapy sessions", "Family signing class", "Travel training"):
        assert name not in html
    orgs = client_a.get(reverse("wagtailsnippets_localoffer_organisation:list")).content.decode()
    assert "Westmere CAMHS" in orgs and "Eastmoor CAMHS" not in orgs


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "usage"])
def test_editor_cannot_open_another_schools_service(schools, client_a, view):
    a, b = schools
    theirs = Service.objects.get(site=b, name="Hydrotherapy sessions")
    own = Service.objects.get(site=a, name="The Nest nurture group")
    url_name = f"wagtailsnippets_localoffer_service:{view}"
    assert client_a.get(reverse(url_name, args=[own.pk])).status_code == 200
    assert_refused(client_a.get(reverse(url_name, args=[theirs.pk])))


def test_editor_cannot_change_or_delete_another_schools_records(schools, client_a):
    a, b = schools
    service = Service.objects.get(site=b, name="Hydrotherapy sessions")
    organisation = Organisation.objects.get(site=b, name="Eastmoor CAMHS")
    assert_refused(
        client_a.post(
            reverse("wagtailsnippets_localoffer_service:edit", args=[service.pk]),
            {"name": "Taken over"},
        )
    )
    assert_refused(
        client_a.post(reverse("wagtailsnippets_localoffer_service:delete", args=[service.pk]))
    )
    assert_refused(
        client_a.post(
            reverse("wagtailsnippets_localoffer_organisation:delete", args=[organisation.pk])
        )
    )
    assert_refused(
        client_a.get(
            reverse("wagtailsnippets_localoffer_organisation:edit", args=[organisation.pk])
        )
    )
    # Bulk delete skips what the editor may not delete.
    bulk = (
        reverse("wagtail_bulk_action", args=["localoffer", "service", "delete"])
        + f"?id={service.pk}"
    )
    client_a.post(bulk)
    assert Service.objects.filter(pk=service.pk, name="Hydrotherapy sessions").exists()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_new_service_belongs_to_the_editors_school(schools, client_a):
    a, b = schools
    add = reverse("wagtailsnippets_localoffer_service:add")
    form = client_a.get(add).content.decode()
    # Only the school's own organisations are offered, and no choice of school.
    assert "Westmere CAMHS" in form and "Eastmoor CAMHS" not in form
    assert 'name="site"' not in form
    theirs = Organisation.objects.get(site=b, name="Eastmoor CAMHS")
    data = {
        "name": "Homework club",
        "status": "active",
        "location": "school",
        "provider": theirs.pk,
        "phones-TOTAL_FORMS": "0",
        "phones-INITIAL_FORMS": "0",
        "phones-MIN_NUM_FORMS": "0",
        "phones-MAX_NUM_FORMS": "1000",
        "opening_times-TOTAL_FORMS": "0",
        "opening_times-INITIAL_FORMS": "0",
        "opening_times-MIN_NUM_FORMS": "0",
        "opening_times-MAX_NUM_FORMS": "1000",
    }
    assert client_a.post(add, data).status_code == 200  # refused: not their organisation
    assert not Service.objects.filter(name="Homework club").exists()
    data["provider"] = ""
    assert client_a.post(add, data).status_code == 302
    assert Service.objects.get(name="Homework club").site == a


def test_editor_sees_their_schools_compliance_only(schools, client_a):
    a, b = schools
    dashboard = client_a.get(reverse("wagtailadmin_home")).content.decode()
    assert "legal duties met" in dashboard
    report = client_a.get(reverse("senreport_compliance"))
    assert report.status_code == 200
    assert HOLLINS_BROOK.name in report.content.decode()
    assert_refused(client_a.get(reverse("senreport_compliance"), {"site": b.pk}))
    # No trust overview for a school's editor.
    assert "Trust overview" not in dashboard
    assert_refused(client_a.get(reverse("senreport_trust_overview")))


def test_trust_staff_see_every_school_but_edit_none(schools, client, django_user_model):
    a, b = schools
    staff = member_of(django_user_model, "trust", TRUST_STAFF_GROUP)
    client.force_login(staff)
    overview = client.get(reverse("senreport_trust_overview"))
    assert overview.status_code == 200
    html = overview.content.decode()
    assert HOLLINS_BROOK.name in html and LARKSPUR_HILL.name in html
    dashboard = client.get(reverse("senreport_compliance"), {"site": b.pk})
    assert dashboard.status_code == 200
    assert LARKSPUR_HILL.name in dashboard.content.decode()
    assert "Trust overview" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[report_of(b).pk])))


def test_the_group_editor_sets_local_offer_permissions_per_school(schools, admin_client):
    from localoffer.forms import LocalOfferSitePermissionForm

    a, b = schools
    group = Group.objects.create(name="Office cover")
    html = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()
    assert "Local Offer permissions" in html

    def sites_with(codename):
        return set(
            group.site_permissions.filter(permission__codename=codename).values_list(
                "site_id", flat=True
            )
        )

    form = LocalOfferSitePermissionForm(
        data={"localoffer_site_permissions-sites": [a.pk, b.pk]}, instance=group
    )
    assert form.is_valid()
    form.save()
    assert sites_with("change_service") == sites_with("delete_organisation") == {a.pk, b.pk}
    form = LocalOfferSitePermissionForm(
        data={"localoffer_site_permissions-sites": [b.pk]}, instance=group
    )
    assert form.is_valid()
    form.save()
    assert sites_with("add_service") == {b.pk}
    assert LocalOfferSitePermissionForm(instance=group).initial["sites"] == [b.pk]


@pytest.mark.django_db
def test_wagtails_default_groups_reach_no_school(schools, django_user_model):
    # Someone put in Wagtail's own "Editors" or "Moderators" group, the obvious names in
    # Settings > Groups, must not be able to edit every school from the root of the tree.
    for group in ("Editors", "Moderators"):
        user = member_of(django_user_model, f"default-{group.lower()}", group)
        assert sites_for_user(user) == []
