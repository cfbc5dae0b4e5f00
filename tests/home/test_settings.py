import pytest

from tests import factories


@pytest.mark.django_db
def test_school_details_appear_on_every_page(client, school):
    factories.standard_page()
    for url in ("/", "/visiting/"):
        html = client.get(url).content.decode()
        assert "Test Valley Primary School" in html
        assert '<a href="tel:01632960001">01632 960 001</a>' in html
        assert 'href="mailto:office@testvalley.example"' in html
        assert "TF1 2AB" in html
        assert "URN 100001" in html


@pytest.mark.django_db
def test_changing_the_school_name_changes_the_header(client, school):
    school.school_name = "Renamed Academy"
    school.save()
    response = client.get("/")
    assert b"Renamed Academy" in response.content
    assert b"Test Valley" not in response.content


@pytest.mark.django_db
def test_school_type_decides_mainstream_duties(school):
    school.school_type = "special"
    assert not school.is_mainstream
    school.school_type = "maintained_nursery"
    assert school.is_mainstream


@pytest.mark.django_db
def test_settings_editable_in_admin(admin_client, site, school):
    response = admin_client.get(f"/admin/settings/home/schoolsettings/{site.pk}/")
    assert response.status_code == 200
    assert b"SENDIASS" in response.content
    assert b"Test Valley Primary School" in response.content


@pytest.mark.django_db
def test_page_shell_is_accessible_markup(client, school):
    html = client.get("/").content.decode()
    assert '<html lang="en-GB" dir="ltr">' in html
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html
    assert 'media="print"' in html
