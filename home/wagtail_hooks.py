from wagtail import hooks

from .schools import SCHOOL_SITE_PERMISSIONS_HOOK


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def school_details_permissions():
    """A school's editors keep their own school details (Settings > School details)."""
    return ["home.change_schoolsettings"]
