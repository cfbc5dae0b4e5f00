from django.urls import reverse
from wagtail import hooks

from .models import SchoolSettings
from .privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from .schools import SCHOOL_SITE_PERMISSIONS_HOOK


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def school_details_permissions():
    """A school's editors keep their own school details (Settings > School details)."""
    return ["home.change_schoolsettings"]


@hooks.register(PUPIL_DATA_SOURCES_HOOK)
def school_details_pupil_data_source():
    """The school details show in every page's header and footer: the scan reads them."""
    return [
        RecordSource(
            "school details",
            SchoolSettings,
            edit_url=lambda school: reverse(
                "wagtailsettings:edit", args=["home", "schoolsettings", school.site_id]
            ),
        )
    ]
