from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import guard_admin, publishing
from .schools import SCHOOL_SITE_PERMISSIONS_HOOK


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def school_details_permissions():
    """A school's editors keep their own school details (Settings > School details)."""
    return ["home.change_schoolsettings"]


# The publish guard in the admin (home/publishing.py has the rule, home/guard_admin.py
# shows it). The bulk actions come after Wagtail's own (order), and so replace them.

hooks.register("before_publish_page", guard_admin.refuse_publish_from_editor)
hooks.register("before_delete_page", guard_admin.warn_before_delete)
hooks.register("construct_admin_api", guard_admin.guard_admin_api)
for _action in (
    guard_admin.GuardedPublishBulkAction,
    guard_admin.GuardedMoveBulkAction,
    guard_admin.ConfirmingUnpublishBulkAction,
    guard_admin.ConfirmingDeleteBulkAction,
):
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("register_log_actions")
def publish_guard_log_actions(actions):
    @actions.register_action(publishing.REFUSED_LOG_ACTION)
    class PublishRefused(LogFormatter):
        label = "Publishing refused"

        def format_message(self, log_entry):
            # The page's history says why, in the words the editor was e-mailed.
            return "Publishing refused. " + log_entry.data.get("reason", "")
