"""The admin's "Import your current report": the upload form, the review screen (move,
merge, split, leave out; all plain form posts, no JavaScript needed) and "Create draft".

The review's state is a `ReportImport` row (the upload parsed to sections), kept only
while the review lasts.
"""

import logging
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page, Site

from home.models import SchoolSettings
from home.schools import sites_for_user

from ..admin_views import site_for_admin
from ..models import ReportImport, SENDSectionPage, SENInformationReportPage
from . import audit, reading
from .analysis import (
    INTRODUCTION,
    ITEMS_BY_FIELD,
    LEAVE_OUT,
    NOT_USED,
    analyse,
    confidence_label,
    merge_with_next,
    move,
    section_words,
    split_at,
    target_choices,
    target_label,
)
from .draft import create_draft, find_report
from .errors import ImportProblem

logger = logging.getLogger(__name__)
KEEP_FOR = timedelta(days=1)


def may_import(user, site):
    """Whether the user may put a draft on the site's report (or make one)."""
    if site is None or site.pk not in {s.pk for s in sites_for_user(user)}:
        return False
    report = find_report(site)
    if report is not None:
        return report.permissions_for_user(user).can_edit()
    section = SENDSectionPage.objects.descendant_of(site.root_page).first()
    parent = section or site.root_page
    return parent.permissions_for_user(user).can_add_subpage()


def has_report(site):
    """Whether the site has an SEN Information Report, live or not, in one query."""
    return (
        Page.objects.filter(pk=site.root_page_id)
        .filter(Exists(SENInformationReportPage.objects.filter(path__startswith=OuterRef("path"))))
        .exists()
    )


def import_url(site):
    return f"{reverse('senreport_import')}?site={site.pk}"


class ImportSourceForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="A Word file (.docx), a PDF, a saved web page (.html) or a text file "
        "(.txt), up to 20 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.html,.htm,.txt"}),
    )
    url = forms.URLField(
        label="Or give the web address of your current report",
        required=False,
        assume_scheme="https",
        help_text="The page on your current website where the report is, for example "
        "https://www.yourschool.example/send-report.",
    )
    text = forms.CharField(
        label="Or paste the text of your report",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Put each heading on a line of its own, with a blank line between paragraphs.",
    )

    def clean(self):
        data = super().clean()
        given = [name for name in ("file", "url", "text") if data.get(name)]
        if not given:
            raise forms.ValidationError(
                "Choose a file, give a web address or paste the text of your report."
            )
        if len(given) > 1:
            raise forms.ValidationError(
                "Give one of these at a time: a file, a web address or pasted text."
            )
        try:
            if data.get("file"):
                self.document = reading.read_upload(data["file"])
            elif data.get("url"):
                self.document = reading.read_url(data["url"])
            else:
                self.document = reading.read_text(data["text"])
            self.title, self.sections = analyse(self.document)
        except ImportProblem as exc:
            raise forms.ValidationError(str(exc)) from None
        return data


class SiteImportMixin:
    def dispatch(self, request, *args, **kwargs):
        self.site = self.get_site()
        if not may_import(request.user, self.site):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["site"] = self.site
        context["school_name"] = SchoolSettings.for_site(self.site).school_name or str(self.site)
        context["report"] = find_report(self.site)
        return context


class ImportStartView(SiteImportMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "senreport/admin/import_start.html"
    form_class = ImportSourceForm
    page_title = "Import your current report"
    header_icon = "upload"

    def get_site(self):
        return site_for_admin(self.request, strict=True)

    def form_valid(self, form):
        ReportImport.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
        document = form.document
        row = ReportImport.objects.create(
            site=self.site,
            user=self.request.user,
            source=document.source[:500],
            kind=document.kind,
            title=form.title[:500],
            images=document.images,
            sections=form.sections,
        )
        logger.info(
            "Import started: %s (%s, %s sections) for %s",
            row.source,
            row.kind,
            len(row.sections),
            self.site.hostname,
        )
        return redirect("senreport_import_review", row.pk)


class ImportReviewView(SiteImportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "senreport/admin/import_review.html"
    page_title = "Check the imported report"
    header_icon = "upload"

    def get_site(self):
        self.row = get_object_or_404(
            ReportImport.objects.select_related("site"), pk=self.kwargs["pk"]
        )
        return self.row.site

    def post(self, request, *args, **kwargs):
        sections = self.row.sections
        choices = {value for value, _ in target_choices()}
        for index in range(len(sections)):
            target = request.POST.get(f"item-{index}")
            if target is not None and target in choices:
                move(sections, index, target)
        action = request.POST.get("action", "save")
        name, _, number = action.partition("-")
        index = int(number) if number.isdigit() and int(number) < len(sections) else None
        if action == "cancel":
            self.row.delete()
            messages.info(request, "The import was cancelled. Nothing was changed.")
            return redirect("wagtailadmin_home")
        if name == "merge" and index is not None:
            merge_with_next(sections, index)
        elif name == "split" and index is not None:
            at = request.POST.get(f"split_at-{index}", "")
            if at.isdigit():
                split_at(sections, index, int(at))
        elif action == "create":
            return self.create(sections)
        self.row.sections = sections
        self.row.save(update_fields=["sections"])
        anchor = f"#section-{index}" if index is not None else ""
        return redirect(reverse("senreport_import_review", args=[self.row.pk]) + anchor)

    def create(self, sections):
        try:
            report, revision, notes = create_draft(self.site, sections, user=self.request.user)
        except ImportProblem as exc:
            messages.error(self.request, str(exc))
            return redirect("senreport_import_review", self.row.pk)
        if self.row.images:
            notes.append(
                f"{self.row.images} picture{'s were' if self.row.images != 1 else ' was'} "
                "left out: add any that parents need in the editor."
            )
        self.row.delete()
        messages.success(
            self.request,
            f"A draft of the SEN Information Report was made from {self.row.source}. It is "
            "not published: check each section, then publish as usual.",
        )
        for note in notes:
            messages.info(self.request, note)
        return redirect("wagtailadmin_pages:edit", report.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mainstream = SchoolSettings.for_site(self.site).is_mainstream
        sections = self.row.sections
        rows = []
        for index, section in enumerate(sections):
            rows.append(
                {
                    "index": index,
                    "section": section,
                    "heading": section["heading"],
                    "target": section["item"],
                    "target_label": target_label(section["item"]),
                    "confidence": confidence_label(section),
                    "words": section_words(section),
                    "paragraphs": [
                        (number, text[:60]) for number, text in enumerate(section["texts"])
                    ][1:],
                    "matched_label": ITEMS_BY_FIELD[section["matched"]].question
                    if section["matched"]
                    else "",
                    "is_last": index == len(sections) - 1,
                }
            )
        context.update(
            {
                "row": self.row,
                "rows": rows,
                "choices": target_choices(),
                "not_used": [r for r in rows if r["target"] == NOT_USED],
                "left_out": [r for r in rows if r["target"] == LEAVE_OUT],
                "audit": audit.run(sections, mainstream=mainstream),
                "INTRODUCTION": INTRODUCTION,
            }
        )
        return context


class ImportReportPanel(Component):
    """On the dashboard, for a school with no SEN Information Report yet."""

    name = "send_import_report"
    template_name = "senreport/admin/import_panel.html"
    order = 40

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        # One query on the usual dashboard (the school has a report); the site is the one
        # the compliance panel also finds (Wagtail keeps it on the request).
        site = Site.find_for_request(self.request)
        if site is None or has_report(site):
            return ""
        site = site_for_admin(self.request)
        if site is None or find_report(site) is not None:
            return ""
        if not may_import(self.request.user, site):
            return ""
        self.site = site
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {"import_url": import_url(self.site), "request": self.request}
