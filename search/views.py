"""Site search for visitors, in the language of the page they are on."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core.pages import all_pages
from core.pagination import paginate
from localisation.lookup import in_locale
from security.throttle import over_limit

from .facets import SearchFiltering
from .models import SearchWithoutResults

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Fewer results than this in the visitor's language, and the other languages are counted.
FEW_RESULTS = 3
# The most relevant matches a search goes through: the facets count, and the pages list,
# at most these. A word found on thousands of pages would otherwise cost a visitor seconds
# on a large site for results nobody pages through; they are told to add words instead.
MOST_RELEVANT = 500


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
    elsewhere = []
    promotions = []
    terms = backend_terms(query)
    filtering = None
    too_many = False
    if terms:
        locale = Locale.get_active()
        ranked_ids = [page.pk for page in _search_pages(locale, terms)[: MOST_RELEVANT + 1]]
        too_many = len(ranked_ids) > MOST_RELEVANT
        ranked_ids = ranked_ids[:MOST_RELEVANT]
        filtering = SearchFiltering(request.GET, locale, ranked_ids)
        results = paginate(request, filtering.ranked(), RESULTS_PER_PAGE)
        results.object_list = _pages_in_order(results.object_list)
        logged = _log_search(request, query, found=bool(ranked_ids))
        promotions = _promotions(logged, locale) if logged else []
        if results.paginator.count < FEW_RESULTS:
            elsewhere = _matches_in_other_languages(locale, terms, query)
        if not results.paginator.count and filtering.active and ranked_ids:
            message = _("No results with these filters. Remove some of them.")
        elif not results.paginator.count:
            message = _("No results for “%(query)s”. Try other or fewer words.") % {"query": query}
    elif "q" in request.GET:
        message = _("Type one or more words to search for.")
        query = ""
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "too_many": too_many,
            "most_relevant": MOST_RELEVANT,
            "message": message,
            "elsewhere": elsewhere,
            "promotions": promotions,
            "filtering": filtering,
            # No results, no facets: only facets with something to choose are listed.
            "facets": filtering.facets() if filtering else [],
        },
    )


def _pages_in_order(ids):
    """The specific pages for one page of results, in ranking order (one query per type)."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]


def _log_search(request, query, found):
    """Count the search for the editors' Search terms report; the query's row, or None.

    Each new query writes rows, so one client's searches are logged up to
    SEARCH_LOG_LIMIT_PER_CLIENT an hour: a scanner's thousands of junk terms are answered
    but stay out of the report. Beyond the limit an existing query still shows its
    promoted results."""
    if over_limit("search-log", request, settings.SEARCH_LOG_LIMIT_PER_CLIENT):
        return Query.objects.filter(query_string=normalise_query_string(query)).first()
    logged = Query.get(query)
    logged.add_hit()
    if not found:
        SearchWithoutResults.record(logged)
    return logged


def _promotions(logged_query, locale):
    """The editors' promoted results for this query (Settings → Promoted search results),
    pages shown in the visitor's language."""
    picks = [
        pick
        for pick in logged_query.editors_picks.select_related("page").order_by("sort_order")
        if pick.page is None or pick.page.live
    ]
    pages = dict(
        zip(
            [pick.pk for pick in picks if pick.page],
            in_locale([pick.page.specific for pick in picks if pick.page], locale),
            strict=True,
        )
    )
    return [
        {
            "title": pages[pick.pk].title if pick.page else pick.external_link_text,
            "url": pages[pick.pk].url if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks
    ]


def _search_pages(locale, terms):
    return all_pages().live().public().filter(locale=locale).not_placeholders().search(terms)


def _matches_in_other_languages(locale, terms, query):
    """[{language, count, url}] for the other languages that have matches: a visitor who
    finds little in English may find the Finnish original (one count query per language)."""
    found = []
    for code, _name in settings.LANGUAGES:
        if code == locale.language_code:
            continue
        other = Locale.objects.filter(language_code=code).first()
        if other is None:
            continue
        # Parsed and ranked as that language (the backend reads the active language).
        with translation.override(code):
            count = _search_pages(other, terms).count()
            url = f"{reverse('search')}?{urlencode({'q': query})}"
        if count:
            found.append(
                {
                    "code": code,
                    "name": get_language_info(code)["name_translated"],
                    "count": count,
                    "url": url,
                }
            )
    return found
