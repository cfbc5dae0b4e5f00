"""Each school's brand: colours checked for contrast as they are saved, CSS custom
properties on every page, logo (and the favicon made from it), photo and main website link."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.colours import contrast_ratio, nearest_passing
from home.models import SchoolSettings


def test_contrast_ratio_matches_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


def test_a_pale_brand_colour_is_refused_with_its_ratio_and_the_nearest_passing_shade(school):
    school.brand_colour = "#ffcc00"
    with pytest.raises(ValidationError) as refused:
        school.full_clean()
    message = " ".join(refused.value.message_dict["brand_colour"])
    assert "contrast of 1.5:1" in message
    assert "at least 4.5:1" in message
    shade = nearest_passing("#ffcc00")
    assert f"The nearest shade that passes is {shade}." in message
    assert contrast_ratio(shade, "#ffffff") >= 4.5


def test_a_faint_accent_colour_needs_three_to_one(school):
    school.accent_colour = "#aaaaaa"
    with pytest.raises(ValidationError) as refused:
        school.full_clean()
    assert "at least 3:1" in " ".join(refused.value.message_dict["accent_colour"])
    school.accent_colour = "#767676"
    school.full_clean()


def test_a_colour_not_written_as_hex_is_refused(school):
    school.brand_colour = "navy"
    with pytest.raises(ValidationError) as refused:
        school.full_clean()
    assert "six hexadecimal digits" in " ".join(refused.value.message_dict["brand_colour"])


def test_pages_carry_the_schools_colours(client, school):
    school.brand_colour = "#5b2a6e"
    school.accent_colour = "#b0470a"
    school.save()
    html = client.get("/").content.decode()
    assert ":root{--brand:#5b2a6e;--accent:#b0470a}" in html


def test_logo_needs_its_text_alternative_and_becomes_the_favicon(client, school):
    school.logo = Image.objects.create(title="Crest", file=get_test_image_file())
    with pytest.raises(ValidationError):
        school.full_clean()
    school.logo_alt = "Test Valley crest"
    school.full_clean()
    school.save()
    html = client.get("/").content.decode()
    assert 'alt="Test Valley crest"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and "fill-64x64" in response["Location"]


def test_home_photo_is_described_or_marked_decorative(client, school):
    school.home_photo = Image.objects.create(title="School", file=get_test_image_file())
    with pytest.raises(ValidationError) as refused:
        school.full_clean()
    assert "home_photo_alt" in refused.value.message_dict
    school.home_photo_decorative = True
    school.full_clean()
    school.save()
    html = client.get("/").content.decode()
    assert 'class="hero__photo"' in html and 'alt=""' in html


def test_header_links_the_main_school_website(client, school):
    school.main_website_url = "https://www.testvalley.example/"
    school.save()
    html = client.get("/").content.decode()
    assert 'href="https://www.testvalley.example/">Main school website</a>' in html


def test_demo_schools_have_different_brands(db):
    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    schools = list(SchoolSettings.objects.all())
    assert len({(s.brand_colour, s.accent_colour) for s in schools}) == 2
    assert all(s.logo_id and s.logo_alt for s in schools)
