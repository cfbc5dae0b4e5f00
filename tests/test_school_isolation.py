"""One school never sees or uses another's material.

Two schools (`seed_demo --schools 2`), each with an unpublished draft, a document and an
image of its own. An editor of Hollins Brook (school A) opens every admin listing,
chooser, report and bulk-action page that could show Larkspur Hill's (school B's) titles:
A's show, B's never do, not even when B's ids are typed into the address. And a page of
one school cannot be saved referring to the other's page, document or image, by the
editor's form or by code.
"""

import io
import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, ReferenceIndex, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL
from home.models import StandardPage
from home.schools import group_names
from localoffer.models import Organisation, Service
from senreport.models import SENInformationReportPage
from senreport.trust import TRUST_STAFF_GROUP

Document = get_document_model()
Image = get_image_model()

A_DRAFT = "Hollins draft on sports day"
B_DRAFT = "Larkspur draft on hydrotherapy"
A_LIVE = "Hollins page on uniforms"
B_LIVE = "Larkspur page on minibuses"
A_DOC = "Hollins uniform price list"
B_DOC = "Larkspur minibus timetable"
A_IMAGE = "Hollins playground photo"
B_IMAGE = "Larkspur pool photo"
A_SERVICE, B_SERVICE = "The Nest nurture group", "Family signing class"
A_ORGANISATION, B_ORGANISATION = "Westmere CAMHS", "Eastmoor CAMHS"


def site_of(school):
    return Site.objects.select_related("root_page").get(hostname=school.hostname, port=school.port)


def png():
    data = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(data, "PNG")
    return data.getvalue()


@pytest.fixture(scope="module")
def two_schools(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both demo schools, each with a draft, a live page, a document and an image, built
    once for the module inside a transaction rolled back at its end (files go to a
    temporary folder)."""
    from django.db import transaction

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", "--schools", "2", stdout=StringIO())
            a, b = site_of(HOLLINS_BROOK), site_of(LARKSPUR_HILL)
            for site, school, draft, live, doc, image in (
                (a, HOLLINS_BROOK, A_DRAFT, A_LIVE, A_DOC, A_IMAGE),
                (b, LARKSPUR_HILL, B_DRAFT, B_LIVE, B_DOC, B_IMAGE),
            ):
                home = site.root_page
                page = StandardPage(title=draft, slug="draft-page", live=False)
                home.add_child(instance=page)
                page.save_revision()
                log(page, "wagtail.edit")
                page = StandardPage(title=live, slug="live-page")
                home.add_child(instance=page)
                page.save_revision().publish()
                collection = Collection.objects.get(name=school.name)
                Document.objects.create(
                    title=doc, collection=collection, file=ContentFile(b"x", name="doc.txt")
                )
                Image.objects.create(
                    title=image, collection=collection, file=ContentFile(png(), name="i.png")
                )
            yield a, b
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def schools(two_schools, db):
    return two_schools


def member_of(django_user_model, username, *names):
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.set(Group.objects.filter(name__in=names))
    return user


@pytest.fixture
def editor_a(schools, client, django_user_model):
    client.force_login(
        member_of(django_user_model, "editor-a", group_names(HOLLINS_BROOK.name)[0])
    )
    return client


@pytest.fixture
def approver_a(schools, client, django_user_model):
    client.force_login(
        member_of(django_user_model, "approver-a", group_names(HOLLINS_BROOK.name)[1])
    )
    return client


def page(title):
    return Page.objects.get(title=title)


def html_of(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def shows_only_a(html, a_title, b_title):
    assert a_title in html
    assert b_title not in html


# Page chooser


def test_page_chooser_starts_at_the_editors_school(editor_a, schools):
    a, b = schools
    html = html_of(editor_a, reverse("wagtailadmin_choose_page"))
    shows_only_a(html, HOLLINS_BROOK.name, LARKSPUR_HILL.name)
    html = html_of(editor_a, reverse("wagtailadmin_choose_page_child", args=[a.root_page_id]))
    shows_only_a(html, A_DRAFT, B_DRAFT)


@pytest.mark.parametrize("title", [LARKSPUR_HILL.name, B_DRAFT])
def test_page_chooser_cannot_be_opened_at_another_schools_page(editor_a, title):
    response = editor_a.get(reverse("wagtailadmin_choose_page_child", args=[page(title).pk]))
    assert response.status_code == 404
    assert B_DRAFT not in response.content.decode()


def test_page_chooser_search_finds_the_editors_school_only(editor_a):
    html = html_of(editor_a, reverse("wagtailadmin_choose_page_search"), {"q": "draft"})
    shows_only_a(html, A_DRAFT, B_DRAFT)


def test_page_chooser_chosen_pages_by_id_leave_out_another_schools(editor_a):
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    html = html_of(editor_a, url + f"?id={page(A_DRAFT).pk}&id={page(B_DRAFT).pk}")
    shows_only_a(html, A_DRAFT, B_DRAFT)


def test_page_chooser_for_a_type_only_another_school_has_starts_at_the_root(
    schools, client, django_user_model
):
    # Larkspur Hill, a special school, has no SEN support page; Hollins Brook has one.
    # Wagtail would open the chooser at Hollins Brook's SEND section.
    client.force_login(
        member_of(django_user_model, "editor-b", group_names(LARKSPUR_HILL.name)[0])
    )
    response = client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "senreport.sensupportpage"}
    )
    assert response.status_code == 200
    assert json.loads(response.content)["parent_page_id"] == Page.get_first_root_node().pk
    assert HOLLINS_BROOK.name not in response.content.decode()


@pytest.mark.parametrize("user", ["superuser", "trust staff"])
def test_superusers_and_trust_staff_choose_from_every_school(
    schools, client, django_user_model, user
):
    if user == "superuser":
        client.force_login(django_user_model.objects.create_superuser("root", password="x" * 16))
    else:
        client.force_login(member_of(django_user_model, "trust", TRUST_STAFF_GROUP))
    html = html_of(client, reverse("wagtailadmin_choose_page_search"), {"q": "draft"})
    assert A_DRAFT in html and B_DRAFT in html


# Explorer, search and page listings


def test_explorer_and_page_search_show_the_editors_school_only(editor_a, schools):
    a, b = schools
    html = html_of(editor_a, reverse("wagtailadmin_explore", args=[a.root_page_id]))
    shows_only_a(html, A_DRAFT, B_DRAFT)
    for url in (
        reverse("wagtailadmin_explore", args=[a.root_page_id]),
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailadmin_pages:search_results"),
    ):
        shows_only_a(html_of(editor_a, url, {"q": "draft"}), A_DRAFT, B_DRAFT)


def test_pages_of_a_type_listing_shows_the_editors_school_only(editor_a):
    url = reverse("wagtailadmin_pages:type_use", args=["home", "standardpage"])
    shows_only_a(html_of(editor_a, url), A_DRAFT, B_DRAFT)


def test_admin_api_lists_the_editors_schools_pages_documents_and_images(editor_a):
    pages = html_of(editor_a, "/admin/api/main/pages/", {"search": "draft"})
    shows_only_a(pages, A_DRAFT, B_DRAFT)
    shows_only_a(html_of(editor_a, "/admin/api/main/documents/"), A_DOC, B_DOC)
    shows_only_a(html_of(editor_a, "/admin/api/main/images/"), A_IMAGE, B_IMAGE)


# Reports


def test_page_types_usage_report_counts_and_names_the_editors_school_only(editor_a, schools):
    # B's live page is the standard page edited last: Wagtail's report names it.
    a, b = schools
    html = html_of(editor_a, reverse("wagtailadmin_reports:page_types_usage"))
    shows_only_a(html, A_LIVE, B_LIVE)
    results = html_of(editor_a, reverse("wagtailadmin_reports:page_types_usage_results"))
    shows_only_a(results, A_LIVE, B_LIVE)
    # Asking for the other school's pages finds none.
    other = html_of(
        editor_a, reverse("wagtailadmin_reports:page_types_usage"), {"site": b.root_page.path}
    )
    assert B_DRAFT not in other and B_LIVE not in other


def test_aging_pages_report_shows_the_approvers_school_only(approver_a):
    html = html_of(approver_a, reverse("wagtailadmin_reports:aging_pages"))
    shows_only_a(html, A_LIVE, B_LIVE)


def test_locked_pages_report_shows_the_approvers_school_only(approver_a, django_user_model):
    someone = django_user_model.objects.create_user("someone", password="x" * 16)
    for title in (A_DRAFT, B_DRAFT):
        Page.objects.filter(title=title).update(locked=True, locked_by=someone)
    html = html_of(approver_a, reverse("wagtailadmin_reports:locked_pages"))
    shows_only_a(html, A_DRAFT, B_DRAFT)


def test_site_history_shows_the_editors_school_only(editor_a):
    html = html_of(editor_a, reverse("wagtailadmin_reports:site_history"))
    shows_only_a(html, A_DRAFT, B_DRAFT)


def test_workflow_reports_show_the_editors_school_only(approver_a, django_user_model):
    someone = django_user_model.objects.create_superuser("office", password="x" * 16)
    for title in (A_DRAFT, B_DRAFT):
        draft = page(title).specific
        draft.get_workflow().start(draft, someone)
    for name in ("workflow", "workflow_tasks"):
        html = html_of(approver_a, reverse(f"wagtailadmin_reports:{name}"))
        shows_only_a(html, A_DRAFT, B_DRAFT)
    # The dashboard's "Awaiting your review" too.
    shows_only_a(html_of(approver_a, reverse("wagtailadmin_home")), A_DRAFT, B_DRAFT)


# Documents, images, Local Offer records


def test_document_and_image_choosers_offer_the_editors_collection_only(editor_a):
    # Wagtail's collection permissions do this: each school has its own collection.
    for url in (reverse("wagtaildocs_chooser:choose"), reverse("wagtaildocs:index")):
        shows_only_a(html_of(editor_a, url), A_DOC, B_DOC)
    for url in (reverse("wagtailimages_chooser:choose"), reverse("wagtailimages:index")):
        shows_only_a(html_of(editor_a, url), A_IMAGE, B_IMAGE)
    search = html_of(editor_a, reverse("wagtaildocs_chooser:choose_results"), {"q": "timetable"})
    assert B_DOC not in search
    b_doc = Document.objects.get(title=B_DOC)
    chosen = editor_a.get(reverse("wagtaildocs_chooser:chosen", args=[b_doc.pk]))
    assert B_DOC not in chosen.content.decode()


@pytest.mark.parametrize(
    "model,a_name,b_name",
    [(Service, A_SERVICE, B_SERVICE), (Organisation, A_ORGANISATION, B_ORGANISATION)],
)
def test_service_and_organisation_choosers_offer_the_editors_school_only(
    editor_a, schools, model, a_name, b_name
):
    a, b = schools
    namespace = f"wagtailsnippetchoosers_localoffer_{model._meta.model_name}"
    results = reverse(f"{namespace}:choose_results")
    own = model.objects.filter(site=a).count()
    pages = (own + 9) // 10  # ten a page
    every_page = "".join(html_of(editor_a, results, {"p": p}) for p in range(1, pages + 1))
    assert escape(a_name) in every_page and b_name not in every_page
    for name in model.objects.filter(site=a).values_list("name", flat=True):
        assert escape(name) in every_page
    # Searched by a word of the name only (the search box repeats what was typed).
    assert b_name not in html_of(editor_a, results, {"q": b_name.split()[-2]})
    own = model.objects.get(site=a, name=a_name)
    theirs = model.objects.get(site=b, name=b_name)
    assert editor_a.get(reverse(f"{namespace}:chosen", args=[own.pk])).status_code == 200
    refused = editor_a.get(reverse(f"{namespace}:chosen", args=[theirs.pk]))
    assert refused.status_code == 404 and b_name not in refused.content.decode()
    both = reverse(f"{namespace}:chosen_multiple") + f"?id={own.pk}&id={theirs.pk}"
    shows_only_a(html_of(editor_a, both), a_name, b_name)


# Bulk actions


def bulk_url(app_label, model_name, action, *ids):
    return (
        reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        + "?"
        + "&".join(f"id={pk}" for pk in ids)
    )


@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_page_bulk_action_pages_leave_out_another_schools_pages(editor_a, action):
    a_page, b_page = page(A_DRAFT), page(B_DRAFT)
    html = html_of(editor_a, bulk_url("wagtailcore", "page", action, a_page.pk, b_page.pk))
    shows_only_a(html, A_DRAFT, B_DRAFT)
    only_b = editor_a.get(bulk_url("wagtailcore", "page", action, b_page.pk))
    assert only_b.status_code == 404 and B_DRAFT not in only_b.content.decode()


def test_page_bulk_delete_of_another_schools_page_deletes_nothing(approver_a):
    b_page = page(B_DRAFT)
    approver_a.post(bulk_url("wagtailcore", "page", "delete", b_page.pk))
    assert Page.objects.filter(pk=b_page.pk).exists()


@pytest.mark.parametrize(
    "app_label,model,action,a_title,b_title",
    [
        ("wagtaildocs", Document, "delete", A_DOC, B_DOC),
        ("wagtaildocs", Document, "add_to_collection", A_DOC, B_DOC),
        ("wagtaildocs", Document, "add_tags", A_DOC, B_DOC),
        ("wagtailimages", Image, "delete", A_IMAGE, B_IMAGE),
        ("wagtailimages", Image, "add_to_collection", A_IMAGE, B_IMAGE),
        ("wagtailimages", Image, "add_tags", A_IMAGE, B_IMAGE),
    ],
)
def test_document_and_image_bulk_action_pages_leave_out_another_schools(
    editor_a, app_label, model, action, a_title, b_title
):
    own, theirs = model.objects.get(title=a_title), model.objects.get(title=b_title)
    name = model._meta.model_name
    html = html_of(editor_a, bulk_url(app_label, name, action, own.pk, theirs.pk))
    shows_only_a(html, a_title, b_title)
    assert editor_a.get(bulk_url(app_label, name, action, theirs.pk)).status_code == 404


@pytest.mark.parametrize(
    "model,a_name,b_name",
    [(Service, A_SERVICE, B_SERVICE), (Organisation, A_ORGANISATION, B_ORGANISATION)],
)
def test_local_offer_bulk_delete_page_leaves_out_another_schools_records(
    editor_a, schools, model, a_name, b_name
):
    a, b = schools
    own = model.objects.get(site=a, name=a_name)
    theirs = model.objects.get(site=b, name=b_name)
    name = model._meta.model_name
    html = html_of(editor_a, bulk_url("localoffer", name, "delete", own.pk, theirs.pk))
    shows_only_a(html, a_name, b_name)
    assert editor_a.get(bulk_url("localoffer", name, "delete", theirs.pk)).status_code == 404


# Usage listings


def test_usage_listings_name_no_page_of_another_school(editor_a, schools):
    # References made before the rule below existed (saved without validation): the
    # usage listings say a private page uses the item, not which.
    a, b = schools
    a_doc, a_image = Document.objects.get(title=A_DOC), Image.objects.get(title=A_IMAGE)
    a_page = page(A_LIVE)
    b_page = StandardPage.objects.get(title=B_LIVE)
    b_page.body = [
        {"type": "document", "value": {"document": a_doc.pk}},
        {"type": "image", "value": {"image": {"image": a_image.pk, "decorative": True}}},
        {"type": "useful_links", "value": {"links": [{"page": a_page.pk}]}},
    ]
    b_page.save(clean=False)
    ReferenceIndex.create_or_update_for_object(b_page)
    for url in (
        reverse("wagtaildocs:document_usage", args=[a_doc.pk]),
        reverse("wagtailimages:image_usage", args=[a_image.pk]),
        reverse("wagtailadmin_pages:usage", args=[a_page.pk]),
    ):
        html = html_of(editor_a, url)
        assert "(Private page)" in html, url
        assert B_LIVE not in html, url


# References


def report_of(site):
    return SENInformationReportPage.objects.descendant_of(site.root_page).get()


def refusal(page_to_check):
    with pytest.raises(ValidationError) as refused:
        page_to_check.full_clean()
    return refused.value.message_dict


def test_a_page_cannot_refer_to_another_schools_page_by_a_chooser(schools):
    a, b = schools
    report = report_of(a)
    report.complaints_procedure_page = page(B_LIVE)
    errors = refusal(report)
    assert errors["complaints_procedure_page"] == [
        f"Complaints procedure page: the page “{B_LIVE}” belongs to {LARKSPUR_HILL.name}. "
        f"Pages of {HOLLINS_BROOK.name} can only use its own pages, documents and images: "
        f"choose one of {HOLLINS_BROOK.name}'s instead."
    ]
    # Nor by saving or saving a draft from code.
    with pytest.raises(ValidationError):
        report.save_revision()
    with pytest.raises(ValidationError):
        report.save()
    assert report_of(a).complaints_procedure_page_id != page(B_LIVE).pk
    # The school's own page is accepted.
    report.complaints_procedure_page = page(A_LIVE)
    report.full_clean()


def test_a_page_cannot_refer_to_another_schools_document(schools):
    a, b = schools
    report = report_of(a)
    report.sen_policy_document = Document.objects.get(title=B_DOC)
    (message,) = refusal(report)["sen_policy_document"]
    assert f"the document “{B_DOC}” belongs to {LARKSPUR_HILL.name}" in message
    report.sen_policy_document = Document.objects.get(title=A_DOC)
    report.full_clean()


@pytest.mark.parametrize("kind", ["page", "document"])
def test_a_page_cannot_link_to_another_schools_page_or_document_in_rich_text(schools, kind):
    a, b = schools
    report = report_of(a)
    theirs = page(B_DRAFT) if kind == "page" else Document.objects.get(title=B_DOC)
    own = page(A_DRAFT) if kind == "page" else Document.objects.get(title=A_DOC)
    report.introduction = f'<p>See <a linktype="{kind}" id="{theirs.pk}">this</a>.</p>'
    (message,) = refusal(report)["introduction"]
    assert message.startswith(f"Introduction: the {kind} “{theirs.title}” belongs to")
    report.introduction = f'<p>See <a linktype="{kind}" id="{own.pk}">this</a>.</p>'
    report.full_clean()


@pytest.mark.parametrize(
    "block,value_of",
    [
        ("document", lambda doc, page_, image: {"document": doc.pk}),
        (
            "image",
            lambda doc, page_, image: {
                "image": {"image": image.pk, "decorative": True, "alt_text": ""}
            },
        ),
        (
            "useful_links",
            lambda doc, page_, image: {"links": [{"page": page_.pk}], "heading": "Links"},
        ),
    ],
)
def test_a_page_cannot_choose_another_schools_material_in_a_streamfield(schools, block, value_of):
    a, b = schools
    target = StandardPage.objects.get(title=A_LIVE)

    def body_with(doc, page_, image):
        return [{"type": block, "value": value_of(doc, page_, image)}]

    target.body = body_with(
        Document.objects.get(title=B_DOC), page(B_LIVE), Image.objects.get(title=B_IMAGE)
    )
    (message,) = refusal(target)["body"]
    assert message.startswith("Body → ")
    assert LARKSPUR_HILL.name in message
    target.body = body_with(
        Document.objects.get(title=A_DOC), page(A_DRAFT), Image.objects.get(title=A_IMAGE)
    )
    target.full_clean()


def page_form_data(title, body):
    return nested_form_data(
        {
            "title": title,
            "slug": "homework",
            "introduction": "",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )


def test_the_editors_form_refuses_another_schools_document_and_saves_nothing(editor_a, schools):
    a, b = schools
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", a.root_page_id])
    theirs = Document.objects.get(title=B_DOC)
    response = editor_a.post(
        add, page_form_data("Homework club", [("document", {"document": theirs.pk})])
    )
    assert response.status_code == 200
    html = response.content.decode()
    # (The message is shown by the StreamField's script, from JSON in the page.)
    assert B_DOC in html and f"belongs to {LARKSPUR_HILL.name}" in html
    assert not Page.objects.filter(title="Homework club").exists()
    # Editing a page of the school: the same refusal, and the page is unchanged.
    own_page = StandardPage.objects.get(title=A_LIVE)
    edit = reverse("wagtailadmin_pages:edit", args=[own_page.pk])
    data = page_form_data(A_LIVE, [("document", {"document": theirs.pk})])
    data["slug"] = own_page.slug
    revisions = own_page.revisions.count()
    response = editor_a.post(edit, data)
    assert response.status_code == 200
    assert f"belongs to {LARKSPUR_HILL.name}" in response.content.decode()
    assert own_page.revisions.count() == revisions
    assert not StandardPage.objects.get(pk=own_page.pk).get_latest_revision_as_object().body
    # The school's own document is accepted.
    own = Document.objects.get(title=A_DOC)
    response = editor_a.post(
        add, page_form_data("Homework club", [("document", {"document": own.pk})])
    )
    assert response.status_code == 302
    assert Page.objects.filter(title="Homework club").exists()


@pytest.fixture
def superuser(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x" * 16))
    return client


def test_copying_a_page_to_another_school_with_its_links_is_refused(superuser, schools):
    a, b = schools
    report = report_of(a)  # links to Hollins Brook's complaints procedure page
    section_b = report_of(b).get_parent()
    response = superuser.post(
        reverse("wagtailadmin_pages:copy", args=[report.pk]),
        {
            "new_title": "Copied report",
            "new_slug": "copied-report",
            "new_parent_page": section_b.pk,
        },
        follow=True,
    )
    html = response.content.decode()
    assert "cannot be copied to another school" in html
    assert "Complaints procedure page" in html
    assert not Page.objects.filter(title="Copied report").exists()


def test_moving_a_page_to_another_school_is_refused_while_links_would_cross(superuser, schools):
    a, b = schools
    complaints = report_of(a).complaints_procedure_page
    parent = complaints.get_parent()
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[complaints.pk, b.root_page_id])
    response = superuser.post(confirm, follow=True)
    # Hollins Brook's report links to it.
    assert "cannot be moved to another school" in response.content.decode()
    assert Page.objects.get(pk=complaints.pk).get_parent() == parent
    # Nor by the page listing's bulk "Move".
    bulk = bulk_url("wagtailcore", "page", "move", complaints.pk) + "&next=/admin/"
    response = superuser.post(bulk, {"chooser": b.root_page_id}, follow=True)
    assert "cannot be moved to another school" in response.content.decode()
    assert Page.objects.get(pk=complaints.pk).get_parent() == parent
    # A page nothing links to, linking to nothing, moves.
    draft = StandardPage(title="Hollins page to hand over", slug="handover", live=False)
    a.root_page.add_child(instance=draft)
    move = reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, b.root_page_id])
    superuser.post(move)
    assert Page.objects.get(pk=draft.pk).get_parent().pk == b.root_page_id
