"""The read-only API (Wagtail API v2) under /api/v2/: pages of every language with their
structured fields; `?locale=fi` or `?locale=en` picks a language, `?translation_of=<id>`
finds a page's translations. Placeholders of untranslated pages are left out."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublishedPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Placeholders (aliases) only mirror the Finnish original.
        return super().get_base_queryset().filter(alias_of__isnull=True)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublishedPagesAPIViewSet)
