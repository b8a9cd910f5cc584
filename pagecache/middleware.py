"""Full-page cache for anonymous visitors.

A page is served from the cache only to a request that carries no session (so never to a
logged-in editor, whose previews and drafts live under the admin anyway), asks with GET, is
not a search with a query and not under an excluded path (the admin, documents). A response
is stored only when it is a complete 200 that sets no cookie (a form always sets the CSRF
cookie) and is not marked private. The key holds the host, the full path with its query
string, the content generation (store.py) and today's date, so a published change is never
served stale, nor yesterday's project statuses.
Cache errors never fail a request: the page is rendered as if there were no cache.
"""

import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control

from .query import ReadParameters, may_be_stored
from .store import current_generation, page_cache

logger = logging.getLogger(__name__)

UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Vary headers a stored page may name: the cache serves only requests without a session
# cookie, and the page's language comes from its address, never from Accept-Language.
KEYED_OR_ALIKE_FOR_EVERY_VISITOR = {"", "cookie", "accept-language"}
HEADER = "X-Page-Cache"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        try:
            key = self._key(request)
            cached = page_cache().get(key)
        except DisallowedHost:
            return self.get_response(request)  # Django answers it with a 400
        except Exception as error:  # noqa: BLE001 (any cache or database failure)
            # One line, no traceback: during an outage every request would log one.
            logger.warning("Page cache unavailable (%s); serving uncached", error)
            return self.get_response(request)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached

        request.GET = ReadParameters.of(request)
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if settings.FRONTEND_CACHE_SECONDS:
                patch_cache_control(response, public=True, s_maxage=settings.FRONTEND_CACHE_SECONDS)
            try:
                page_cache().set(key, response, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Could not store a page in the cache", exc_info=True)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        if not settings.PAGE_CACHE_SECONDS or request.method != "GET":
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return False
        if "q" in request.GET:  # a search with a query is always fresh
            return False
        return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))

    @staticmethod
    def _cacheable_response(request, response):
        # A page that sets a cookie is this visitor's alone. That includes every form: Django
        # sends the CSRF cookie again whenever a page uses the token (tests/pagecache).
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not may_be_stored(request):
            return False
        # The key holds no request header: an answer that differs by one (the API's by
        # Accept, which can ask for another indentation) is not stored.
        varies_by = {
            header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))
        }
        if varies_by - KEYED_OR_ALIKE_FOR_EVERY_VISITOR:
            return False
        directives = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return not directives & UNCACHEABLE_DIRECTIVES

    @staticmethod
    def _key(request):
        # The parameters in a fixed order: ?a=1&b=2 and ?b=2&a=1 are one page.
        pairs = sorted(request.GET.lists())
        address = f"{request.get_host()}{request.path}?{urlencode(pairs, doseq=True)}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        # Today's date too: statuses, upcoming events and the timeline change with it.
        return f"pagecache:{current_generation()}:{timezone.localdate().isoformat()}:{digest}"
