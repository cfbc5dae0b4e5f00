"""The editor guide inside the admin: `docs/editor-guide.md`, one admin page per `##`
section, with its screenshots, linked from the admin's Help menu (home/wagtail_hooks.py).

The guide is the project's own file, written by its developers, so its HTML is trusted;
nothing an editor types reaches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

GUIDE_FILE = "editor-guide.md"
SCREENSHOTS = "screenshots"


def docs_dir():
    return settings.BASE_DIR / "docs"


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: str
    html: str


@dataclass(frozen=True)
class Guide:
    title: str
    intro: str
    pages: tuple[GuidePage, ...]

    def page(self, slug):
        return next((page for page in self.pages if page.slug == slug), None)


def _anchor(heading):
    return slugify(heading.replace("'", ""))


def split_sections(text):
    """(title, intro lines, [(heading, lines)]): the guide cut at its `##` headings."""
    title, intro, sections = "Editor guide", [], []
    for line in text.splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            # One level up: the section's own `###` become the page's second-level headings.
            sections[-1][1].append(line[1:] if line.startswith("###") else line)
        else:
            intro.append(line)
    return title, intro, sections


def render(lines, anchors):
    html = markdown.markdown(
        "\n".join(lines),
        extensions=["tables", "toc"],
        extension_configs={"toc": {"slugify": lambda v, s: _anchor(v)}},
    )

    # Links to another section's heading go to that section's page.
    def link(match):
        anchor = match.group(1)
        target = anchors.get(anchor)
        if target is None:
            return match.group(0)
        url = reverse("school_editor_guide_page", args=[target])
        return f'href="{url}#{anchor}"' if anchor != target else f'href="{url}"'

    html = re.sub(r'href="#([\w-]+)"', link, html)
    screenshots = reverse("school_editor_guide_screenshot", args=["x.png"])[: -len("x.png")]
    html = html.replace(f'src="{SCREENSHOTS}/', f'src="{screenshots}')
    # Wide tables scroll on their own on a phone.
    html = html.replace("<table>", '<div class="editor-guide__table"><table>').replace(
        "</table>", "</table></div>"
    )
    return mark_safe(html)  # noqa: S308 - the project's own guide, see the docstring


@cache
def _guide(mtime):
    text = (docs_dir() / GUIDE_FILE).read_text(encoding="utf-8")
    title, intro, sections = split_sections(text)
    anchors = {}
    for heading, lines in sections:
        slug = _anchor(heading)
        anchors[slug] = slug
        for line in lines:
            if line.startswith("## "):
                anchors[_anchor(line[3:].strip())] = slug
    pages = tuple(
        GuidePage(_anchor(heading), heading, render(lines, anchors)) for heading, lines in sections
    )
    return Guide(title, render(intro, anchors), pages)


def guide():
    """The guide as the file is now (read again when it changes)."""
    return _guide((docs_dir() / GUIDE_FILE).stat().st_mtime)


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/editor_guide.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        self.guide = guide()
        slug = kwargs.get("slug")
        self.guide_page = self.guide.page(slug) if slug else None
        if slug and self.guide_page is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.guide_page.title if self.guide_page else self.guide.title

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("school_editor_guide"), "label": "Editor guide"},
        ]
        if self.guide_page:
            items.append({"url": "", "label": self.guide_page.title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"guide": self.guide, "guide_page": self.guide_page})
        return context


def screenshot(request, name):
    """A screenshot of the guide, from docs/screenshots (PNG only, no sub-folders)."""
    if not re.fullmatch(r"[\w-]+\.png", name):
        raise Http404
    path = docs_dir() / SCREENSHOTS / name
    if not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
