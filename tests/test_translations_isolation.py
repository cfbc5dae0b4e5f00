"""A school's translations belong to it (issue 20; home/translation.py, home/isolation.py).

A school's translated home page is a sibling of its English home page under the tree's
root: it gets the English home page's group permissions and workflow when it is made, so a
school's editor edits its own school's translations, and never another school's.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page, Site, WorkflowPage

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL
from home.isolation import can_see_page, school_at, schools_by_root_path
from home.languages import default_locale_id
from home.schools import group_names
from home.translation import translate_page
from senreport.models import SENInformationReportPage


@pytest.fixture(scope="module")
def two_schools(django_db_setup, django_db_blocker):
    """Both demo schools, each with its report translated into Polish, built once for the
    module inside a transaction rolled back at its end."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", "--schools", "2", stdout=StringIO())
            sites = []
            for school in (HOLLINS_BROOK, LARKSPUR_HILL):
                site = Site.objects.select_related("root_page").get(
                    hostname=school.hostname, port=school.port
                )
                report = SENInformationReportPage.objects.get(
                    path__startswith=site.root_page.path, locale_id=default_locale_id()
                )
                translate_page(report, "pl", {report.title: f"Raport: {school.name}"})
                sites.append(site)
            yield sites
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def schools(two_schools, db):
    return two_schools


def polish_report(school):
    return SENInformationReportPage.objects.get(
        title=f"Raport: {school.name}", locale=Locale.objects.get(language_code="pl")
    )


@pytest.fixture
def editor_a(schools, client, django_user_model):
    user = django_user_model.objects.create_user(username="editor-a", password="x" * 16)
    user.groups.set(Group.objects.filter(name=group_names(HOLLINS_BROOK.name)[0]))
    client.force_login(user)
    return client, user


def test_each_schools_translations_belong_to_it(schools):
    roots = schools_by_root_path()
    for site, school in zip(schools, (HOLLINS_BROOK, LARKSPUR_HILL), strict=True):
        found = school_at(polish_report(school).path, roots)
        assert found is not None and found.site_id == site.pk
        assert polish_report(school).get_site() == site


def test_a_translated_home_page_gets_the_schools_permissions_and_workflow(schools):
    site_a = schools[0]
    polish_home = Page.objects.get(
        translation_key=site_a.root_page.translation_key, locale__language_code="pl"
    )
    editors = Group.objects.get(name=group_names(HOLLINS_BROOK.name)[0])
    assert editors.page_permissions.filter(page=polish_home).exists()
    english_workflow = WorkflowPage.objects.get(page=site_a.root_page).workflow
    assert WorkflowPage.objects.get(page=polish_home).workflow == english_workflow


def test_an_editor_edits_their_schools_translation_and_not_another_schools(editor_a):
    client, user = editor_a
    own, other = polish_report(HOLLINS_BROOK), polish_report(LARKSPUR_HILL)
    assert can_see_page(user, own) and not can_see_page(user, other)
    assert own.permissions_for_user(user).can_edit()
    assert not other.permissions_for_user(user).can_edit()
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)
    listing = client.get(f"/admin/pages/{own.get_parent().pk}/").content.decode()
    assert own.title in listing and other.title not in listing
