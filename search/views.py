"""Site search for visitors, in the language of the page they are on."""

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


def search(request):
    query = clean_query(request.GET.get("q", ""))
    message = ""
    results = None
    if query:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = paginate(request, pages.search(query), RESULTS_PER_PAGE)
        Query.get(query).add_hit()
        if not results.paginator.count:
            message = _("No results for “%(query)s”. Try other or fewer words.") % {
                "query": query
            }
    elif "q" in request.GET:
        message = _("Type one or more words to search for.")
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "message": message},
    )
