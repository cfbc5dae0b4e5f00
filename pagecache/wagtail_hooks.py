from wagtail import hooks

from .store import mark_cacheable


# Registered after Wagtail's own view-restriction check (order 0), so this runs only when
# the visitor may see the page: for an anonymous visitor without a session (the only one
# whose response is stored), that means the page has no login, group or password
# restriction. Wagtail serves only live pages here; previews go through the admin.
@hooks.register("on_serve_page", order=100)
def mark_served_pages_cacheable(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if page.live:
            mark_cacheable(request)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
