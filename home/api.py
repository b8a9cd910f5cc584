"""The read-only API (Wagtail API v2) under /api/v2/: pages of every language with their
structured fields; `?locale=fi` or `?locale=en` picks a language, `?translation_of=<id>`
finds a page's translations. Placeholders of untranslated pages are left out."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

from core.pages import without_placeholders

from .views import RETRY_AFTER_SECONDS, database_unreachable

logger = logging.getLogger(__name__)

MAX_QUERY_STRING_LENGTH = 4000


UNCHECKED_FIELDS = (models.BooleanField, models.CharField, models.TextField)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's filter by field (`?start_date=2020-01-01`), which converts only numbers and
    true/false: a date, an amount or a related page that is not one reached the database
    and failed there with a server error. Every value is now converted and checked as the
    field itself would (its type, its range) first; a bad one is a 400."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":  # locale has a filter of its own
                continue
            field = queryset.model._meta.get_field(name)
            checked = field.target_field if field.is_relation else field
            if isinstance(checked, UNCHECKED_FIELDS):
                continue  # true/false Wagtail converts itself; any text is a valid filter
            try:
                checked.run_validators(checked.to_python(value))
            except (ValidationError, ValueError, TypeError) as error:
                raise BadRequestError(
                    _("%(name)s: “%(value)s” is not a valid value.")
                    % {"name": name, "value": value}
                ) from error
        return super().filter_queryset(request, queryset, view)


class PublishedPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

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

    def handle_exception(self, exc):
        response = super().handle_exception(exc) if _answered_by_the_api(exc) else None
        if response is not None:
            return response
        if database_unreachable(exc):
            response = Response({"message": _("The site is temporarily unavailable.")}, 503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        # Anything else is our bug: logged with its traceback, and answered in JSON like
        # every other API answer rather than with the site's HTML error page.
        logger.error("API request failed", exc_info=exc)
        return Response({"message": _("The server could not answer this request.")}, status=500)

    def get_base_queryset(self):
        return without_placeholders(super().get_base_queryset())

    def get_queryset(self):
        # A page type whose API fields follow relations says how to fetch them for a whole
        # listing at once (ProjectPage.api_prefetch), so a list costs the same at any length.
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_prefetch", None)
        return prefetch(queryset) if prefetch else queryset


def _answered_by_the_api(exc):
    return isinstance(exc, (APIException, BadRequestError, Http404, PermissionDenied))


def _page_id(value):
    return value.isascii() and value.isdecimal() and int(value) < 2**63


def check_parameters(params):
    """Refuse with 400 Bad Request what Wagtail's API would otherwise fail on with a server
    error: a NUL character (PostgreSQL cannot compare text containing one), a
    `search_operator` other than "and" or "or", and a `site` that is not one of the sites
    (Wagtail passes both on unchecked)."""
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(_("The query parameters cannot contain NUL characters."))
    if "id" in params and not _page_id(params["id"]):
        # /find/ passes it to the database unconverted.
        raise BadRequestError(_("id: use a page's number."))
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
