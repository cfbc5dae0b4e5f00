"""The public side of translations (home/translation.py): `lang` and `dir` of the page,
the language switcher, the `hreflang` links and the "translated from" note."""

from django import template
from django.utils import formats, timezone, translation

from home.languages import default_language, default_locale_id, text_direction
from home.translation import page_languages, translation_status
from home.translation_text import text_for

register = template.Library()

_LANGUAGES_ATTRIBUTE = "_home_page_languages"


def html_code(code):
    """ "en-gb" -> "en-GB", as HTML's lang attribute writes it."""
    language, _, region = (code or "").partition("-")
    return f"{language}-{region.upper()}" if region else language


@register.simple_tag(takes_context=True)
def page_language(context):
    """{"lang": ..., "dir": ...} of the page's text: the active language, except an alias
    (a translated home page not yet translated), which shows its English page's text."""
    page = context.get("page")
    code = translation.get_language() or default_language()
    if page is not None and (
        getattr(page, "alias_of_id", None) is not None
        or getattr(page, "locale_id", None) == default_locale_id()
    ):
        # An English page (served at a language's address when it has no translation yet:
        # Wagtail falls back to it), or an alias, which shows its English page's text.
        code = default_language()
    return {"lang": html_code(code), "dir": text_direction(code)}


@register.simple_tag(takes_context=True)
def languages_of_page(context):
    """The page in the school's languages (see home.translation.page_languages), once a
    request: the head's hreflang links and the switcher share it."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return []
    found = getattr(request, _LANGUAGES_ATTRIBUTE, None)
    if found is None or found[0] is not page:
        found = (page, page_languages(page, request))
        setattr(request, _LANGUAGES_ATTRIBUTE, found)
    return [
        {
            **vars(item),
            "lang": html_code(item.code),
            "absolute_url": request.build_absolute_uri(item.url),
        }
        for item in found[1]
    ]


@register.inclusion_tag("includes/translation_note.html", takes_context=True)
def translation_note(context):
    """At the top of a translated page: the English version it was made from, and whether
    the English page has changed since."""
    page = context.get("page")
    status = translation_status(page) if page is not None else None
    if status is None:
        return {"status": None}
    text, code = text_for(translation.get_language())
    when = ""
    if status.source_published_at is not None:
        with translation.override(code):
            when = formats.date_format(timezone.localtime(status.source_published_at), "j E Y")
    return {
        "status": status,
        "lang": html_code(code),
        "dir": text_direction(code),
        "translated_from": (
            text["translated_from"].format(date=when) if when else text["translated_from_undated"]
        ),
        "changed": text["changed"],
        "read_english": text["read_english"],
        "english_url": status.source_page.get_url(context.get("request")),
    }


@register.simple_tag
def languages_heading():
    return text_for(translation.get_language())[0]["languages"]
