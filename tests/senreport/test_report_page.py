import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SchoolSettings
from home.publishing import unguarded
from home.text import has_text, plain_text
from senreport.compliance import registry
from senreport.models import DisabilityAccessPage, SENInformationReportPage
from senreport.report_items import REPORT_ITEMS, SENCO, TEXT_ITEMS
from tests.senreport.helpers import form_data_for

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")

REPORT_URL = "/send/sen-information-report/"


def report_page():
    return SENInformationReportPage.objects.get()


def add_url(section):
    return f"/admin/pages/add/senreport/seninformationreportpage/{section.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


# How an editor empties each *must* item that guards publishing. Keyed by check id, so a
# new must check without an entry here fails `test_every_guarding_check_is_covered`.
def _blank_text(field):
    return lambda data, school: data.update({field: _empty_rich_text()})


def _rich_text(html):
    from wagtail.test.utils.form_data import rich_text

    return rich_text(html)


def _empty_rich_text():
    return _rich_text("")


EMPTIERS = {
    item.check_id: _blank_text(item.field)
    for item in TEXT_ITEMS
    if item.must and item.text_required
}
EMPTIERS.update(
    {
        "sir.reviewed": lambda data, school: data.update({"last_reviewed": ""}),
        "sir.senco": lambda data, school: data.update({"senco_email": "", "senco_phone": ""}),
        "sir.support_services": lambda data, school: school.update(sendiass_name=""),
        "sir.local_offer": lambda data, school: school.update(local_authorities=[]),
    }
)


# Not an empty item but a forbidden one: the privacy guard every page type shares
# (home/publishing.py) refuses pupil data in a section.
def add_pupil_data(data):
    data.update({"pupils": _rich_text("<p>Jay Smith, DOB 12/03/2016, chose his own targets.</p>")})


def guarding_must_checks():
    return [
        c
        for c in registry.for_page_model(SENInformationReportPage)
        if c.is_must and c.guards_publish
    ]


def test_every_guarding_check_is_covered():
    assert {c.id for c in guarding_must_checks()} == set(EMPTIERS)


@pytest.mark.django_db
class TestPublishingRule:
    @pytest.fixture(autouse=True)
    def setup(self, demo, admin_client):
        self.client = admin_client
        self.report = report_page()
        self.school = SchoolSettings.objects.get()

    def post(self, data, action="action-publish"):
        data = dict(data)
        if action:
            data[action] = action.split("-", 1)[1]
        return self.client.post(edit_url(self.report), data, follow=True)

    @pytest.mark.parametrize("check_id", sorted(EMPTIERS))
    def test_publish_refused_naming_the_missing_item(self, check_id):
        check = registry[check_id]
        data = form_data_for(self.report)
        school_changes = {}
        EMPTIERS[check_id](data, school_changes)
        for name, value in school_changes.items():
            setattr(self.school, name, value)
        self.school.save()
        live_before = self.report.live_revision_id

        response = self.post(data)

        content = response.content.decode()
        assert "cannot be published until" in content
        name = check.name_on_page(self.report) if check.name_on_page else check.title
        assert f"“{name}”" in content.replace("&#x27;", "'")
        # Issue 16: the editor's changes are kept as a draft; the live version stays.
        assert "Your changes are saved as a draft." in content
        self.report.refresh_from_db()
        assert self.report.live_revision_id == live_before
        assert self.report.has_unpublished_changes
        assert self.report.live

    def test_several_missing_items_are_all_named_in_one_message(self):
        data = form_data_for(self.report)
        EMPTIERS["sir.wellbeing"](data, {})
        EMPTIERS["sir.transition"](data, {})
        content = self.post(data).content.decode().replace("&#x27;", "'")
        assert "these 2 items are filled in" in content
        assert "“What support is there for emotional, mental and social development?”" in content
        assert "How are pupils supported when they move between phases" in content

    def test_missing_fields_are_marked_in_place(self):
        data = form_data_for(self.report)
        EMPTIERS["sir.wellbeing"](data, {})
        response = self.post(data)
        form = response.context["form"]
        assert form.errors["wellbeing"] == [
            "The section “What support is there for emotional, mental and social development?” "
            "is empty."
        ]

    def test_renamed_heading_is_used_in_the_refusal(self):
        data = form_data_for(self.report, wellbeing_heading="How do you look after feelings?")
        EMPTIERS["sir.wellbeing"](data, {})
        content = self.post(data).content.decode().replace("&#x27;", "'")
        assert "“How do you look after feelings?”" in content

    def test_submitting_for_moderation_is_refused_too(self):
        data = form_data_for(self.report)
        EMPTIERS["sir.parents"](data, {})
        content = self.post(data, action="action-submit").content.decode()
        assert "cannot be published until" in content
        self.report.refresh_from_db()
        assert self.report.current_workflow_state is None

    def test_draft_saves_with_items_missing(self):
        data = form_data_for(self.report)
        for check_id in ("sir.wellbeing", "sir.transition", "sir.reviewed"):
            EMPTIERS[check_id](data, {})
        before = self.report.latest_revision_id
        response = self.post(data, action=None)
        assert response.status_code == 200
        assert "cannot be published" not in response.content.decode()
        self.report.refresh_from_db()
        assert self.report.latest_revision_id != before
        assert self.report.has_unpublished_changes
        draft = self.report.get_latest_revision_as_object()
        assert not has_text(draft.wellbeing)

    def test_complete_report_publishes(self):
        data = form_data_for(self.report, senco_phone="01632 960 999")
        self.post(data)
        self.report.refresh_from_db()
        assert self.report.senco_phone == "01632 960 999"
        assert not self.report.has_unpublished_changes


@pytest.mark.django_db
def test_rendered_report_holds_every_item(demo, client):
    report = report_page()
    html = client.get(REPORT_URL).content.decode().replace("&#x27;", "'")
    for item in REPORT_ITEMS:
        assert f'id="{item.anchor}"' in html
        assert f'<a href="#{item.anchor}">' in html
        assert report.heading_for(item) in html
    # The SENCO's contact, the Local Offer and SENDIASS as visible links.
    assert "Contact the SENCO" in html
    assert '<a href="mailto:senco@hollinsbrook.example">' in html
    assert '<a href="tel:01632960215">01632 960 215</a>' in html
    assert '<a href="https://www.westmere.example/send/local-offer">' in html
    assert '<a href="https://www.westmere-sendiass.example/">' in html
    # The review dates near the top.
    top = plain_text(html.split('id="contents-heading"')[0])
    assert f"Last reviewed {report.last_reviewed:%-d %B %Y}" in top
    assert f"next review {report.next_review:%-d %B %Y}" in top
    # The disability items, with the two pages linked both ways.
    for anchor in (
        "disabled-pupils-admissions",
        "disabled-pupils-fair-treatment",
        "disabled-pupils-facilities",
        "accessibility-plan",
    ):
        assert f'id="{anchor}"' in html
    assert 'href="/send/disability-and-access/"' in html
    access_html = client.get("/send/disability-and-access/").content.decode()
    assert f'href="{REPORT_URL}"' in access_html


@pytest.mark.django_db
def test_anchors_stay_the_same_when_headings_change(demo, client):
    report = report_page()
    before = client.get(REPORT_URL).content.decode()
    report.wellbeing_heading = "Feelings, friendships and bullying"
    report.save_revision().publish()
    after = client.get(REPORT_URL).content.decode()
    assert "Feelings, friendships and bullying" in after
    assert 'id="wellbeing"' in before and 'id="wellbeing"' in after
    assert '<a href="#wellbeing">Feelings, friendships and bullying</a>' in after


@pytest.mark.django_db
def test_report_reads_without_the_senco_box_when_no_senco(demo, client):
    report = report_page()
    report.senco_name = ""
    # The guard refuses this for a mainstream school; a report live from before must
    # still read well.
    with unguarded():
        report.save_revision().publish()
    html = client.get(REPORT_URL).content.decode()
    assert "Contact the SENCO" not in html


def render_query_count(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Pinned: the site, Wagtail's routing and privacy checks, the settings, the navigation (the
# menu, the footer's statutory links and the accessibility plan's link), the disability page
# the report shows, its complaints procedure page and the glossary terms. The breadcrumb
# comes from the routing. A change here is a decision, not an accident.
# issue 15: -2, routing finds the steps in one query; +1 in issue 19: the "Previous
# versions" list (one query, flat: test_editions_pdf.py).
# +1 in issue 20: Wagtail's routing looks up the active language's Locale.
REPORT_QUERIES = 12


@pytest.mark.django_db
def test_report_render_query_count_is_pinned_and_flat(demo, client):
    short = render_query_count(client, REPORT_URL)
    report = report_page()
    for item in TEXT_ITEMS:
        setattr(
            report,
            item.field,
            "".join(f"<p>Paragraph {n} of a long answer.</p>" for n in range(40)),
        )
    report.save_revision().publish()
    long = render_query_count(client, REPORT_URL)
    assert short == long == REPORT_QUERIES


@pytest.mark.django_db
def test_report_reachable_in_two_clicks_from_home(demo, client):
    home = client.get("/").content.decode()
    assert 'href="/send/"' in home
    section = client.get("/send/").content.decode()
    assert f'href="{REPORT_URL}"' in section


@pytest.mark.django_db
def test_special_school_need_not_publish_mainstream_items(demo, admin_client):
    school = SchoolSettings.objects.get()
    school.school_type = "special"
    school.save()
    report = report_page()
    data = form_data_for(report)
    EMPTIERS["sir.identification"](data, {})
    data["action-publish"] = "publish"
    admin_client.post(edit_url(report), data)
    report.refresh_from_db()
    assert not has_text(report.identification)
    assert SENCO.mainstream_only
    assert DisabilityAccessPage.objects.live().exists()


@pytest.mark.django_db
def test_pupil_data_refusal_quotes_the_words(demo, admin_client):
    report = report_page()
    data = form_data_for(report)
    add_pupil_data(data)
    data["action-publish"] = "publish"
    content = admin_client.post(edit_url(report), data, follow=True).content.decode()
    assert "cannot be published: it seems to hold personal data about pupils" in content
    assert "a date of birth: “DOB 12/03/2016”" in content
    report.refresh_from_db()
    assert "DOB" not in plain_text(report.pupils)


@pytest.mark.django_db
def test_editor_shows_the_reading_ease(demo, admin_client):
    report = report_page()
    html = admin_client.get(edit_url(report)).content.decode()
    assert "How easy is this report to read?" in html
    assert "(the target is 60 or more)" in html
