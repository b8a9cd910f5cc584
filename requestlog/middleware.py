"""The request id and the access line: one JSON-ready record per request.

Outermost in MIDDLEWARE, so the duration includes the page cache and a page served from it
is logged too. The line holds the method, the path without its query string (search words
and filters are what a visitor typed, and the path is enough to find a slow page), the
status, the duration in milliseconds, whether the page cache answered and, when the request
resolved who its user is, the user's numeric id. Never the address, username or e-mail.
"""

import logging
import re
import time
import uuid

from django.utils.functional import empty

from pagecache.middleware import HEADER as PAGE_CACHE_HEADER

from .log import request_id

logger = logging.getLogger("requestlog")

HEADER = "X-Request-ID"
# What a proxy's id looks like (a UUID, nginx's $request_id, a trace id): letters, digits and
# a few separators, bounded. Anything else is replaced, so a client cannot write arbitrary
# text into the logs or the response headers.
WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,128}")
# A password reset link's path holds the account's id and a token that signs its holder in
# (Django's /password_reset/confirm/<uidb64>/<token>/): never in the log.
RESET_LINK = re.compile(r"(/password_reset/confirm/)[^/]+/[^/]+/")


def loggable_path(path):
    return RESET_LINK.sub(r"\1…/…/", path)


def incoming_or_new(request):
    incoming = request.headers.get(HEADER, "")
    if WELL_FORMED.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def resolved_user_id(request):
    """The user's id if something in the request already asked who the user is.

    Asking here would cost a session read and a user query on requests that never needed
    them (a cached page, a static file), so an unresolved user is logged as none.
    """
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = incoming_or_new(request)
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response[HEADER] = rid
            path = loggable_path(request.path)
            logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": resolved_user_id(request),
                    "page_cache": response.get(PAGE_CACHE_HEADER),
                },
            )
            return response
        finally:
            request_id.reset(token)
