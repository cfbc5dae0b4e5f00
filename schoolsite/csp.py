"""The Content-Security-Policy: strict with a nonce for the public, looser for editors.

Public pages get settings.CONTENT_SECURITY_POLICY: scripts and styles from this site or
carrying the request's nonce, nothing else inline. The Wagtail admin, and public pages
read by a logged-in user (they carry the Wagtail userbar, whose scripts, styles and
accessibility checker are not written for a nonce), get
settings.EDITOR_CONTENT_SECURITY_POLICY. Logged-in responses are never cached, so a
cached public page always carries the public policy.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


def is_editor_request(request):
    admin_prefix = "/admin/"
    if request.path_info.startswith(admin_prefix):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SchoolCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_editor_request(request):
            parts.config = default_config(settings.EDITOR_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            # A nonce would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts
