"""Data migration: each existing row of the translatable inline panels gets its page's
locale and a translation key of its own, before 0018 makes the pair unique (Wagtail's
documented way to make existing models translatable)."""

import uuid

from django.db import migrations

ROW_MODELS = (
    "EasyReadLine",
    "AccessibilityPlanAction",
    "EqualityObjective",
    "InclusionBarrier",
    "InclusionActivity",
)


def fill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for name in ROW_MODELS:
        model = apps.get_model("senreport", name)
        rows = list(model.objects.filter(translation_key__isnull=True))
        locales = dict(
            Page.objects.filter(pk__in={row.page_id for row in rows}).values_list(
                "pk", "locale_id"
            )
        )
        for row in rows:
            row.translation_key = uuid.uuid4()
            row.locale_id = locales[row.page_id]
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("senreport", "0016_translatable_rows_bootstrap"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
