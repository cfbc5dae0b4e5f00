"""The yearly record in the admin, for governors and staff: a statutory page's approved
versions, each with its optional sign-off document (a minute or signed approval), and
what the latest version (a draft awaiting approval, or the live page) changes since the
last approved version, section by section, in plain words (no JavaScript needed).

At /admin/editions/<page id>/, linked from the page's header ("Approved versions").
Only users who may edit the page see it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.test import RequestFactory
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Page

from home.isolation import can_see, check_references

from . import editions as record
from .models import Edition


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["minutes"]
        widgets = {"minutes": AdminDocumentChooser}


def page_request(page):
    """A visitor's request for the page on its own site, to render it as the public sees
    it (its school's details, its glossary) whoever asks in the admin."""
    from django.contrib.auth.models import AnonymousUser

    site = page.get_site()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(page.url_path, HTTP_HOST=host)
    request.user = AnonymousUser()
    request.session = {}
    request.csp_nonce = ""
    return request


def render_html(page_object, request):
    response = page_object.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode(response.charset or "utf-8")


def latest_comparison(page):
    """(baseline edition, [Change], counts) of the page's latest revision against the last
    approved version before it; (None, [], None) when there is none."""
    latest = page.latest_revision
    baseline = (
        Edition.objects.filter(page_id=page.pk)
        .exclude(revision_id=latest.pk if latest else None)
        .order_by("-approved_on", "-published_at")
        .first()
    )
    if baseline is None or latest is None:
        return None, [], None
    request = page_request(page)
    old = record.sections_of(render_html(baseline.as_page(), request))
    new = record.sections_of(render_html(latest.as_object(), request))
    changes = record.compare(old, new)
    return baseline, changes, record.count(changes)


def editions_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not record.keeps_editions(page):
        raise PermissionDenied
    versions = list(
        Edition.objects.filter(page_id=page.pk).select_related("minutes").order_by("-approved_on")
    )
    if request.method == "POST":
        edition = get_object_or_404(Edition, pk=request.POST.get("edition"), page_id=page.pk)
        form = MinutesForm(request.POST, instance=edition, prefix=f"edition-{edition.pk}")
        if form.is_valid():
            document = form.cleaned_data["minutes"]
            try:
                if document is not None and not can_see(request.user, document):
                    raise ValidationError("Choose one of your school's documents.")
                check_references(form.instance, page.path)
            except ValidationError as error:
                form.add_error("minutes", error)
            else:
                form.save()
                messages.success(request, "The sign-off document is saved.")
                return redirect("senreport_editions", page_id=page.pk)
        forms_by_edition = {edition.pk: form}
    else:
        forms_by_edition = {}
    rows = [
        (
            version,
            forms_by_edition.get(version.pk)
            or MinutesForm(instance=version, prefix=f"edition-{version.pk}"),
        )
        for version in versions
    ]
    baseline, changes, counts = latest_comparison(page)
    latest = page.latest_revision
    return TemplateResponse(
        request,
        "senreport/admin/editions.html",
        {
            "page": page,
            "header_title": f"Approved versions: {page.title}",
            "rows": rows,
            "edition": baseline,
            "changes": changes,
            "counts": counts,
            "latest_is_draft": latest is not None and latest.pk != page.live_revision_id,
        },
    )
