"""Site-wide views: the human-readable sitemap and the error pages."""

import sys

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import override

from core.pages import without_placeholders
from core.site_address import public_url
from localisation.lookup import home_page_for

from .sitemaps import SITEMAPS

SITEMAP_DEPTH = 4


def sitemap(request):
    """Every live public page of the visitor's language as a nested list."""
    root = home_page_for(request)
    entries = []
    if root is not None:
        pages = (
            without_placeholders(root.get_descendants(inclusive=True))
            .live()
            .public()
            .filter(depth__lte=root.depth + SITEMAP_DEPTH - 1)
            .order_by("path")
        )
        entries = [{"page": page, "level": page.depth - root.depth} for page in pages]
    return render(request, "home/sitemap.html", {"entries": entries})


def sitemap_index(request):
    """`/sitemap.xml`: the sitemap files of home/sitemaps.py that have pages, each with
    its latest change, at the same address as the pages they list (the Wagtail Site's).

    Django's own index view would take the host of the request instead, and would list
    the empty sections too."""
    files = []
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class(request)
        if not sitemap.paginator.count:
            continue
        location = sitemap.get_wagtail_site().root_url + reverse(
            "sitemap_section", kwargs={"section": name}
        )
        lastmod = sitemap.get_latest_lastmod()
        files.append(SitemapIndexItem(location, lastmod))
        for number in range(2, sitemap.paginator.num_pages + 1):
            files.append(SitemapIndexItem(f"{location}?p={number}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )


def robots_txt(request):
    """Crawlers may read every public page but not the admin, nor search results (endless
    combinations of queries and facets, each page already reachable by links)."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {public_url(reverse('sitemap_xml'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# SQLSTATE classes of PostgreSQL that mean the server cannot serve now: connection
# exceptions, insufficient resources, operator intervention (shutdown, starting up).
SERVER_UNAVAILABLE_STATES = {"08", "53", "57"}
# How long a visitor (or a crawler) is asked to wait while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def database_unreachable(error):
    """Whether `error` came from the database being out of reach, rather than from a query
    that is wrong (SQLite reports a missing table as an OperationalError too)."""
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    state = getattr(error.__cause__, "sqlstate", None) or ""
    if state[:2] in SERVER_UNAVAILABLE_STATES:
        # The server said so (restarting, shutting down, out of connections). Checking the
        # connection again would be wrong at the end of an outage, when it is back a moment
        # later; other SQLSTATEs (deadlocks, limits) are errors of the request.
        return True
    if state:
        return False
    # No SQLSTATE: the client library's own error. Refused or dropped connections leave
    # no open connection (or psycopg marks it broken); an error of the request itself,
    # such as too many query parameters, leaves the connection as it was. This is read
    # from the failed connection, not by connecting again, which at the end of an outage
    # would succeed (`make bench-fault` saw that request answered 500).
    raw = connection.connection
    if raw is None or getattr(raw, "closed", False) or getattr(raw, "broken", False):
        return True
    return not connection.is_usable()


def server_error(request):
    """The 500 page, or 503 with Retry-After when the error is the database being out of
    reach (restarting, failing over): the site is unavailable, not broken, and search
    engines and load balancers treat the two differently. Django calls this inside its
    exception handler, so the exception is the one being handled. Both templates stand
    alone, with no tags that query the database."""
    if database_unreachable(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
