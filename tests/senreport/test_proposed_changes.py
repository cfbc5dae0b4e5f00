"""Proposals are not law: the dated call-out box and the glossary words parents meet."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from home.send_blocks import ProposedChangesBlock
from senreport.models import GlossaryTerm, SENSupportPage
from tests import factories

PROPOSALS = {
    "heading": "Changes that are proposed, not yet law",
    "checked_on": date(2026, 11, 30),
    "proposals": [
        {"name": "Individual Support Plans", "description": "A written plan for every child."},
        {"name": "National inclusion standards", "description": "One set of standards."},
    ],
    "what_it_means_now": "<p>Nothing has changed yet for your child.</p>",
    "source_url": "",
    "source_title": "",
}


@pytest.fixture
def section(site):
    factories.school_settings()
    return factories.send_section()


def callout(client):
    response = client.get("/send/sen-support/")
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return main.select_one(".callout--proposed")


@pytest.mark.django_db
@time_machine.travel(date(2026, 12, 1), tick=False)
def test_box_says_not_law_with_its_date_and_what_has_not_changed(client, section):
    factories.sen_support_page(section, body=[("proposed_changes", PROPOSALS)])
    box = callout(client)
    assert box["aria-label"] == "Changes that are proposed, not yet law"
    text = box.get_text(" ", strip=True)
    assert "They are not law." in text
    assert box.time["datetime"] == "2026-11-30"
    dated = " ".join(box.select_one(".callout__date").get_text().split())
    assert dated == "Correct on 30 November 2026."
    assert [li.strong.get_text() for li in box.select("li")] == [
        "Individual Support Plans",
        "National inclusion standards",
    ]
    assert "Nothing has changed yet for your child." in text
    assert "may be out of date" not in text


@pytest.mark.django_db
@time_machine.travel(date(2027, 7, 1), tick=False)
def test_box_checked_more_than_six_months_ago_warns_it_may_be_out_of_date(client, section):
    factories.sen_support_page(section, body=[("proposed_changes", PROPOSALS)])
    text = callout(client).get_text(" ", strip=True)
    assert "checked more than six months ago and may be out of date" in text


@pytest.mark.parametrize(
    "missing, field",
    [("checked_on", "checked_on"), ("proposals", "proposals"), ("what_it_means_now", None)],
)
def test_box_needs_its_date_a_proposal_and_what_it_means_now(missing, field):
    block = ProposedChangesBlock()
    raw = {**PROPOSALS, "checked_on": "2026-11-30"}
    raw[missing] = [] if missing == "proposals" else ""
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


@pytest.mark.django_db
def test_demo_sen_support_page_says_the_white_paper_is_not_law(demo, client):
    page = SENSupportPage.objects.live().get(slug="sen-support")
    types = [block.block_type for block in page.body]
    assert "proposed_changes" in types
    text = callout(client).get_text(" ", strip=True)
    assert "Individual Support Plans" in text and "Nothing has changed yet" in text
    terms = {t.term: t.definition for t in GlossaryTerm.objects.all()}
    assert "not law" in terms["Individual Support Plan"]
    assert "not a law" in terms["SEND White Paper"]
