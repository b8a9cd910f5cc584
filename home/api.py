"""The read-only API (Wagtail API v2) under /api/v2/: pages of every language with their
structured fields; `?locale=fi` or `?locale=en` picks a language, `?translation_of=<id>`
finds a page's translations. Placeholders of untranslated pages are left out."""

from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

MAX_QUERY_STRING_LENGTH = 4000


class PublishedPagesAPIViewSet(PagesAPIViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # /find/ redirects with the query string, and Django refuses a redirect longer than
        # 16 384 characters with an HTML error page; no real query comes near this.
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING_LENGTH:
            raise BadRequestError(
                _("The query string is too long (at most %(limit)d characters).")
                % {"limit": MAX_QUERY_STRING_LENGTH}
            )
        check_parameters(request.GET)

    def get_base_queryset(self):
        # Placeholders (aliases) only mirror the Finnish original.
        return super().get_base_queryset().filter(alias_of__isnull=True)

    def get_queryset(self):
        # A page type whose API fields follow relations says how to fetch them for a whole
        # listing at once (ProjectPage.api_prefetch), so a list costs the same at any length.
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_prefetch", None)
        return prefetch(queryset) if prefetch else queryset


def check_parameters(params):
    """Refuse with 400 Bad Request what Wagtail's API would otherwise fail on with a server
    error: a NUL character (PostgreSQL cannot compare text containing one), a
    `search_operator` other than "and" or "or", and a `site` that is not one of the sites
    (Wagtail passes both on unchecked)."""
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(_("The query parameters cannot contain NUL characters."))
    if params.get("search_operator", "and") not in ("and", "or"):
        raise BadRequestError(_('search_operator: use "and" or "or".'))
    if "site" in params:
        hostname, _colon, port = params["site"].partition(":")
        if port and not (port.isascii() and port.isdecimal()):
            raise BadRequestError(_("site: the port must be a number."))
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=int(port))
        if not sites.exists():
            raise BadRequestError(_("site: there is no such site."))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublishedPagesAPIViewSet)
