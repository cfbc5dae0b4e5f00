"""Small project-wide request helpers: the Permissions-Policy header, refusing NUL
characters, the lockout page. (The client address, for rate limits and django-axes, is
home.ratelimit.client_ip.)"""

from django.conf import settings
from django.http import HttpResponseBadRequest


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` (settings.PERMISSIONS_POLICY) to every response.

    Django has no setting for it. It sits outside the page cache, so cached pages get it too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


NUL_REFUSED = (
    "This address or form contains a NUL character (an invisible control code), which "
    "this site does not accept. Remove it and try again."
)


def _has_nul(querydict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in querydict.lists()
    )


class RejectNulCharactersMiddleware:
    """Answers 400 to a request whose path, query string or form fields hold a NUL
    character (U+0000).

    PostgreSQL cannot store or even compare text with a NUL in it: psycopg refuses the
    query, so a search box, an API filter or a form field given `%00` would otherwise end
    in a 500 (and SQLite would quietly store it). No legitimate request carries one, so
    it is refused here, once, before any view, cache or form sees it. Uploaded files are
    not looked at: binary files hold NULs by nature and are stored as files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path_info
            or _has_nul(request.GET)
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            return HttpResponseBadRequest(NUL_REFUSED, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page: what happened, for how long, and what to do (HTTP 429)."""
    from axes.helpers import get_client_username, get_cool_off
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": get_client_username(request, credentials) or "",
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else 0,
    }
    return render(request, "account_locked.html", context, status=429)
