"""Small project-wide request helpers: the Permissions-Policy header and the client address."""

from django.conf import settings


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


def client_ip(request):
    """The address of the person making the request, for login rate limiting.

    Behind TRUSTED_PROXY_COUNT proxies, each appends the address it received the request
    from to X-Forwarded-For, so the client is that many entries from the end; anything
    before that was written by the client and cannot be trusted. Without proxies (0), the
    socket's address.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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
