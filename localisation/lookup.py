"""Showing related pages and snippets in the language of the page that shows them."""

from collections import defaultdict

from django.utils.translation import get_language


def in_locale(objects, locale):
    """Swap each page or translatable snippet for its translation in `locale`, if there is one.

    Translations share a `translation_key`; one query per model fetches them all, so a list
    costs the same whatever its length. Objects without a translation are kept as they are
    (a visitor sees the Finnish original rather than nothing). None entries are dropped.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    wanted = defaultdict(set)
    for obj in objects:
        if obj.locale_id != locale.pk:
            wanted[translation_base_model(obj)].add(obj.translation_key)
    found = {}
    for model, keys in wanted.items():
        queryset = model._default_manager.filter(translation_key__in=keys, locale=locale)
        if hasattr(queryset, "specific"):
            queryset = queryset.live().specific()
        for translation in queryset:
            found[(model, translation.translation_key)] = translation
    return [
        obj
        if obj.locale_id == locale.pk
        else found.get((translation_base_model(obj), obj.translation_key), obj)
        for obj in objects
    ]


def active_locale(request=None):
    """The Locale of the active language, looked up once per request: the menu, the footer
    and the page body each ask for it, and Wagtail's Locale.get_active() queries each time."""
    from wagtail.models import Locale

    if request is None:
        return Locale.get_active()
    language = get_language()
    cached = getattr(request, "_active_locale", None)
    if cached is None or cached[0] != language:
        cached = (language, Locale.get_active())
        request._active_locale = cached
    return cached[1]


def home_page_for(request):
    """The site's home page in the active language, or the site root if it has no translation."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.get_translation_or_none(active_locale(request)) or root


def translation_base_model(obj_or_model):
    """The model whose rows share translation keys: wagtailcore.Page for every page type
    (a translation key is unique per locale across all pages), the model itself otherwise."""
    from wagtail.models import Page

    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return Page if issubclass(model, Page) else model
