"""The visitor's side of the languages: the switcher, hreflang alternates and the notice on
pages that are not translated yet.

Every language in settings.LANGUAGES is offered, so adding one needs no change here (only
its catalogue in locale/, which `manage.py check` insists on).
"""

from django import template
from django.conf import settings
from django.db.models import Subquery
from django.urls import Resolver404, resolve, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core.pages import without_placeholders

register = template.Library()


def live_versions(request, page):
    """{language code: page} for each live, really translated version of `page` (aliases,
    which only mirror the Finnish source, do not count). One query, cached per request."""
    cache = request.__dict__.setdefault("_live_versions", {})
    if page.pk not in cache:
        versions = without_placeholders(
            Page.objects.filter(translation_key=page.translation_key, live=True)
        ).select_related("locale")
        cache[page.pk] = {version.locale.language_code: version for version in versions}
    return cache[page.pk]


def _home_url(request, language_code):
    """The site's home page in the given language (one query), or that language's prefix."""
    site = Site.find_for_request(request)
    home = None
    if site is not None:
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
        home = Page.objects.filter(
            translation_key=Subquery(root_key), locale__language_code=language_code, live=True
        ).first()
    if home is None:
        return translate_url("/", language_code)
    return home.get_url(request)


def _is_page_address(request):
    try:
        return resolve(request.path_info).url_name == "wagtail_serve"
    except Resolver404:
        return True


@register.inclusion_tag("localisation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to this page in each other language, or to that language's home page with a
    note (in that language) when this page has no translation."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if request is None:
        return {"links": links}
    versions = live_versions(request, page) if isinstance(page, Page) else None
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if versions is not None:
            version = versions.get(code)
            url = version.get_url(request) if version else None
        elif _is_page_address(request):
            # No page behind a page address: the not-found page. Its address in another
            # language would not be found either.
            url = None
        else:
            # A view that is not a page (search, sitemap): the same view in that language.
            translated = translate_url(request.get_full_path(), code)
            url = translated if translated != request.get_full_path() else None
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url or _home_url(request, code),
                "available": url is not None,
            }
        )
    return {"links": links}


@register.inclusion_tag("localisation/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="alternate" hreflang> for each live translation, plus x-default (the
    Finnish original). Untranslated placeholders are not alternates."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {"alternates": []}
    versions = live_versions(request, page)
    alternates = [
        {"hreflang": code, "href": versions[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in versions
    ]
    default = versions.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append({"hreflang": "x-default", "href": default.get_full_url(request)})
    return {"alternates": alternates}


@register.simple_tag
def untranslated_language(page):
    """For a placeholder (an alias of a page in another language): that language's code, so
    its text can be marked up as such. None for a real translation or original."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    # An alias inside the same language tree is just a page shown in two places.
    return (
        Page.objects.filter(pk=page.alias_of_id)
        .exclude(locale_id=page.locale_id)
        .values_list("locale__language_code", flat=True)
        .first()
    )


@register.filter
def placeholder_lang(page):
    """` lang="fi"` for a placeholder listed in another language's menu or breadcrumbs: its
    title is the Finnish one. Every language syncs from the default one (see
    localisation.sync.ensure_languages), so the default language is the placeholder's."""
    if getattr(page, "alias_of_id", None) and get_language() != settings.LANGUAGE_CODE:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag
def language_name(code):
    """A language's name in the visitor's language: "Finnish" in English, "suomi" in Finnish."""
    return get_language_info(code)["name_translated"]
