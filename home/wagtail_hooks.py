from wagtail import hooks

from .schools import SCHOOL_SITE_PERMISSIONS_HOOK


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def school_details_permissions():
    """A school's editors keep their own school details (Settings > School details)."""
    return ["home.change_schoolsettings"]


@hooks.register("register_page_cache_query_parameters")
def feedback_query_parameters():
    """The feedback form's `?page=` names the page being reported (kept by the page cache)."""
    from .models.feedback import SENT_FROM_PARAMETER

    return [SENT_FROM_PARAMETER]
