"""The read-only API (Wagtail API v2) under /api/v2/: pages of every language with their
structured fields; `?locale=fi` or `?locale=en` picks a language, `?translation_of=<id>`
finds a page's translations. Placeholders of untranslated pages are left out."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublishedPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Placeholders (aliases) only mirror the Finnish original.
        return super().get_base_queryset().filter(alias_of__isnull=True)

    def get_queryset(self):
        # A page type whose API fields follow relations says how to fetch them for a whole
        # listing at once (ProjectPage.api_prefetch), so a list costs the same at any length.
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_prefetch", None)
        return prefetch(queryset) if prefetch else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublishedPagesAPIViewSet)
