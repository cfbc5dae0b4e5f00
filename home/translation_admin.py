"""The admin's "Translate" offers the languages the school offers (school details), no other.

wagtail-localize's own view, at its own address (home/admin_urls.py answers first), with its
list of languages narrowed to the school's. Ticking a language in the school details makes
its Locale, so the school's editors need no access to Wagtail's Locales settings.
"""

from wagtail.models import Locale
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .models import SchoolSettings


class SchoolSubmitPageTranslationView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        site = self.object.get_site()
        offered = SchoolSettings.for_site(site).languages if site is not None else []
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(language_code__in=offered or [])
        return form


def make_school_locales(sender, instance, **kwargs):
    """post_save of the school details: a Locale for each language the school offers."""
    for code in instance.languages or []:
        Locale.objects.get_or_create(language_code=code)
