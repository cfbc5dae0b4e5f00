"""Build the page editor's POST data from a page instance, as a browser would send it."""

from django.db import models
from wagtail.fields import RichTextField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

# An accessibility plan action's editable fields, as the editor's inline form posts them.
ACTION_FIELDS = (
    "strand",
    "action",
    "target",
    "owner",
    "target_date",
    "resources",
    "success_criteria",
    "status",
)


def form_data_for(page, **overrides):
    """POST data for the page's editor holding the instance's values (and `overrides`).

    Rich text is given as HTML; InlinePanel children as a list of dicts under their
    relation name.
    """
    form_class = type(page).get_edit_handler().get_form_class()
    data = {}
    model_fields = {f.name for f in page._meta.get_fields()}
    for name in form_class._meta.fields:
        if name not in model_fields:
            continue
        field = page._meta.get_field(name)
        value = overrides.pop(name) if name in overrides else getattr(page, field.attname)
        data[name] = _form_value(field, value)
    # As a browser does, post every InlinePanel's rows: the page's own unless given.
    for name, formset in getattr(form_class, "formsets", {}).items():
        if name not in overrides and hasattr(page, name):
            fields = [f for f in formset.form._meta.fields if f not in ("id", "ORDER")]
            overrides[name] = child_rows(getattr(page, name).all(), fields)
    for name, rows in list(overrides.items()):
        if isinstance(rows, list):
            data[name] = inline_formset(rows)
            overrides.pop(name)
    data.update(overrides)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


def _form_value(field, value):
    if isinstance(field, RichTextField):
        return rich_text(str(getattr(value, "source", value) or ""))
    if isinstance(field, models.BooleanField):
        return "on" if value else None
    if isinstance(field, models.DateField):
        return value.isoformat() if hasattr(value, "isoformat") else (value or "")
    if value is None:
        return ""
    return value


def child_rows(objects, fields):
    return [{name: _plain(getattr(obj, name)) for name in fields} for obj in objects]


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value
