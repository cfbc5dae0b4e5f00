"""The Local Offer admin's forms: a group's schools (Settings > Groups), and the service
and organisation forms, which offer only the schools the user works on."""

from django import forms
from django.db import models
from django.template.loader import render_to_string
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupSitePermission, Site

from home.schools import (
    permissions_by_label,
)

from .models import Organisation, TaxonomyTerm
from .open_rules import open_service_problems
from .permissions import local_offer_permissions, school_sites


class LocalOfferSitePermissionForm(forms.Form):
    """On a group's page in Settings > Groups: the schools whose Local Offer (services and
    organisations) the group looks after. Ticking a school gives the group the per-site
    permissions to add, change and delete that school's records."""

    template_name = "wagtailsettings/permissions/includes/site_permission_form.html"
    icon = "site"
    sites = forms.ModelMultipleChoiceField(
        queryset=Site.objects.order_by("site_name", "hostname"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Schools",
    )

    def __init__(self, *args, instance=None, **kwargs):
        kwargs.setdefault("prefix", "localoffer_site_permissions")
        self.instance = instance
        self.permissions = permissions_by_label(local_offer_permissions())
        if instance is not None and instance.pk is not None:
            kwargs["initial"] = {
                "sites": list(self.existing().values_list("site_id", flat=True).distinct())
            }
        super().__init__(*args, **kwargs)

    def existing(self):
        return GroupSitePermission.objects.filter(
            group=self.instance, permission__in=self.permissions
        )

    def as_admin_panel(self):
        return render_to_string(
            self.template_name,
            {
                "heading": "Local Offer permissions",
                "form": self,
                "panel_id": "localoffer-site-permissions",
            },
        )

    def save(self):
        chosen = {site.pk for site in self.cleaned_data["sites"]}
        self.existing().exclude(site_id__in=chosen).delete()
        have = set(self.existing().values_list("site_id", "permission_id"))
        GroupSitePermission.objects.bulk_create(
            GroupSitePermission(group=self.instance, site_id=site_id, permission=permission)
            for site_id in chosen
            for permission in self.permissions
            if (site_id, permission.pk) not in have
        )


class SiteScopedForm(WagtailAdminModelForm):
    """The school field offers the schools the user works on, and is hidden when that is
    one school: a new record then belongs to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            sites = school_sites(self.for_user, self._meta.model)
        else:
            sites = Site.objects.all()
        self.school_sites = list(sites.order_by("site_name", "hostname"))
        if "site" not in self.fields:
            return
        if len(self.school_sites) < 2:
            del self.fields["site"]
            if self.instance.pk is None and self.school_sites:
                self.instance.site = self.school_sites[0]
        else:
            allowed = [site.pk for site in self.school_sites]
            self.fields["site"].queryset = Site.objects.filter(pk__in=allowed)
            if self.instance.pk is None and self.initial.get("site") not in allowed:
                # The model's default is the default site, which may not be theirs.
                self.initial["site"] = allowed[0]


class ServiceForm(SiteScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "taxonomy_terms" in self.fields:
            self.fields["taxonomy_terms"].queryset = TaxonomyTerm.objects.areas_of_need()
        if "provider" in self.fields:
            # Published organisations only: a service run by a draft one would stay off
            # the public directory until the organisation is published.
            self.fields["provider"].queryset = Organisation.objects.filter(
                models.Q(live=True) | models.Q(pk=self.instance.provider_id),
                site__in=[site.pk for site in self.school_sites],
            )

    def clean(self):
        cleaned_data = super().clean()
        provider = cleaned_data.get("provider")
        site = cleaned_data.get("site") or getattr(self.instance, "site", None)
        if provider is not None and site is not None and provider.site_id != site.pk:
            self.add_error("provider", "Choose an organisation of the same school.")
        if not self.is_deferred_validation:  # publishing or submitting, not a draft
            self.refuse_closed_as_open(cleaned_data)
        return cleaned_data

    def refuse_closed_as_open(self, cleaned_data):
        """A service published as running needs a way to reach it and a last day still to
        come (localoffer/open_rules.py), each said beside its field."""
        phones = self.formsets.get("phones")
        numbers = []
        if phones is not None and phones.is_valid():
            numbers = [
                form.cleaned_data.get("number", "")
                for form in phones.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
        problems = open_service_problems(
            cleaned_data.get("status", self.instance.status),
            cleaned_data.get("email", self.instance.email),
            numbers,
            cleaned_data.get("runs_until", self.instance.runs_until),
            imported=self.instance.is_imported,
        )
        for field, reason in problems:
            self.add_error(field if field in self.fields else None, reason)


class OrganisationForm(SiteScopedForm):
    pass
