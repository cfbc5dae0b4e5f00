"""Which English version each translation was made from (home/translation.py).

wagtail-localize keeps the English text a translation is built from (its TranslationSource,
refreshed when someone syncs it from the English page) but not whether the English page has
changed since. Two small records keep that, so that a translation is never shown as current
when it is not:

- `SourceSync`, per English page: its live revision when its translation source was last
  synchronised from it (every translation built afterwards is built from that text);
- `TranslationRecord`, per translated page: that revision, copied when the translation is
  published. The translation is current while the English page's live revision is still
  the recorded one: English published again (before or after the translation source was
  synchronised) makes it out of date until the source is synchronised and the translation
  published again.
"""

from django.db import models


class SourceSync(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_source_sync"
    )
    # The English page's live revision when the source was synchronised (None: not live).
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField()

    class Meta:
        verbose_name = "translation source sync"

    def __str__(self):
        return f"English page {self.page_id} synced at revision {self.revision_id}"


class TranslationRecord(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_record"
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_records"
    )
    # The English version the published translation was made from, and when it was published.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_published_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)
    translated_at = models.DateTimeField()

    class Meta:
        verbose_name = "translation record"

    def __str__(self):
        return f"Page {self.page_id} translated from revision {self.source_revision_id}"

    def is_current(self, source_page=None):
        source = source_page or self.source_page
        return source.live and source.live_revision_id == self.source_revision_id
