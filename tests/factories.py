"""Small builders for test content. Wagtail's migrations create the root and the HomePage."""

from wagtail.models import Site

from home.models import HomePage, SchoolSettings, StandardPage


def default_site():
    return Site.objects.select_related("root_page").get(is_default_site=True)


def home_page():
    return default_site().root_page.specific


def school_settings(**fields):
    school = SchoolSettings.for_site(default_site())
    values = {
        "school_name": "Test Valley Primary School",
        "phone": "01632 960 001",
        "email": "office@testvalley.example",
        "address": "1 School Road\nTestford",
        "postcode": "TF1 2AB",
        "urn": "100001",
    }
    values.update(fields)
    for name, value in values.items():
        setattr(school, name, value)
    school.save()
    return school


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard_page(parent=None, **fields):
    fields.setdefault("title", "Visiting the school")
    fields.setdefault("slug", "visiting")
    return publish_child(parent or home_page(), StandardPage(**fields))


__all__ = ["HomePage", "default_site", "home_page", "publish_child", "school_settings"]
