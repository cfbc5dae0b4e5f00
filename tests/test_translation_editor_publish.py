"""Publishing from wagtail-localize's translation editor (issue 20), the route a translator
uses in the admin. wagtail-localize writes a translation's words into its live page row
at once, before any publish (which it leaves to the transaction's commit): pupil data
typed into a translation is refused at that write, the live page keeps its words, and the
translator is told why."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.languages import default_locale_id
from home.models import SchoolSettings
from home.publishing import PublishRefused
from home.translation import translate_page
from senreport.models import SENInformationReportPage

POLISH_TITLE = "Raport o specjalnych potrzebach edukacyjnych"
PUPIL_DATA = "Raport, Jan Kowalski DOB 12/03/2016"


def translator_types(translation, english, words):
    po = translation.export_po()
    for entry in po:
        if entry.msgid == english:
            entry.msgstr = words
    translation.import_po(po)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["editor's publish", "draft saved by code"])
def test_pupil_data_typed_in_the_translation_editor_never_reaches_parents(demo, client, route):
    site = demo
    school = SchoolSettings.for_site(site)
    school.languages = ["pl"]
    school.save()
    report = SENInformationReportPage.objects.get(locale_id=default_locale_id())
    translate_page(report, "pl", {report.title: POLISH_TITLE})
    polish = report.get_translation(Locale.objects.get(language_code="pl"))
    translation = Translation.objects.get(
        source__object_id=report.translation_key, target_locale__language_code="pl"
    )
    translator_types(translation, report.title, PUPIL_DATA)
    admin = get_user_model().objects.create_superuser("translator", "t@example.com", "x" * 16)
    client.force_login(admin)

    if route == "editor's publish":
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[polish.pk]), {"action": "publish"}
        )
        # Back on the editor, told what was refused and why.
        assert response.status_code == 302
        said = " ".join(str(m) for m in get_messages(response.wsgi_request))
        assert "DOB 12/03/2016" in said
        assert "personal data about pupils" in said
    else:
        # A draft saved by code (wagtail-localize writes the live row even then).
        with pytest.raises(PublishRefused, match="DOB 12/03/2016"):
            translation.save_target(user=admin, publish=False)
    # Parents still read the translation as it was.
    polish.refresh_from_db()
    assert polish.title == POLISH_TITLE
    client.logout()
    page = client.get(polish.get_url()).content.decode()
    assert POLISH_TITLE in page
    assert "DOB 12/03/2016" not in page
