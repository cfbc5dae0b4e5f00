"""Wagtail's own "Editors" and "Moderators" groups may edit pages from the root of the page
tree: with several schools in one installation, anyone put in them could edit every school.
Their page permissions are removed; a school's editors and approvers get theirs on that
school alone (home/schools.py). The groups stay, so that nothing that names them breaks."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_tree_root_page_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name__in=WAGTAIL_DEFAULT_GROUPS, page__depth=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_accessibility_statement_feedback_form"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(remove_tree_root_page_permissions, migrations.RunPython.noop),
    ]
