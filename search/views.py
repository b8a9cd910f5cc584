"""Site search for visitors, in the language of the page they are on."""

import re

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from home.pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's words, without control characters and cut to a sane length."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def backend_terms(query):
    """Only the words, lower-cased, for the search backend.

    Full-text engines give meaning to quotes, operators and upper-case AND/OR/NOT (SQLite's
    FTS5 even fails on a stray "&"); a visitor's query is words, not syntax.
    """
    return " ".join(re.findall(r"\w+", query.lower()))


def search(request):
    query = clean_query(request.GET.get("q", ""))
    message = ""
    results = None
    terms = backend_terms(query)
    if terms:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = paginate(request, pages.search(terms), RESULTS_PER_PAGE)
        Query.get(query).add_hit()
        if not results.paginator.count:
            message = _("No results for “%(query)s”. Try other or fewer words.") % {"query": query}
    elif "q" in request.GET:
        message = _("Type one or more words to search for.")
        query = ""
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "message": message},
    )
