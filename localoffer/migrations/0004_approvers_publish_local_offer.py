"""A school's approvers may publish, lock and unlock its Local Offer records.

New schools get these permissions from home/schools.py; this gives them to the approvers of
schools that exist: every group that may publish a school's pages (on its home page) and
already looks after that school's Local Offer.
"""

from django.db import migrations

ACTIONS = ("publish", "lock", "unlock")


def give_approvers_publish(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Site = apps.get_model("wagtailcore", "Site")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")

    permissions = []
    for model in ("service", "organisation"):
        content_type, _ = ContentType.objects.get_or_create(app_label="localoffer", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)

    for site in Site.objects.all():
        publishers = set(
            GroupPagePermission.objects.filter(
                page_id=site.root_page_id, permission__codename="publish_page"
            ).values_list("group_id", flat=True)
        )
        local_offer_editors = set(
            GroupSitePermission.objects.filter(
                site=site,
                permission__content_type__app_label="localoffer",
                permission__codename="change_service",
            ).values_list("group_id", flat=True)
        )
        for group_id in publishers & local_offer_editors:
            for permission in permissions:
                GroupSitePermission.objects.get_or_create(
                    group_id=group_id, site=site, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("localoffer", "0003_drafts_revisions_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give_approvers_publish, migrations.RunPython.noop)]
