"""Page titles suggested as a visitor types in a search box (static/js/search-suggest.js)."""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from core.pages import all_pages
from search.views import backend_terms, clean_query

MAX_SUGGESTIONS = 8
# One letter matches too many titles to help, and every keystroke would hit the database.
MIN_TERMS_LENGTH = 2


@require_safe
def suggestions(request):
    """JSON {query, suggestions: [{title, url, type}]}: live public pages of the active
    language whose titles begin like the visitor's words."""
    query = clean_query(request.GET.get("q", ""))
    terms = backend_terms(query)
    found = []
    if len(terms) >= MIN_TERMS_LENGTH:
        found = _suggest(request, Locale.get_active(), terms)
    response = JsonResponse({"query": query, "suggestions": found})
    # Titles change rarely and each language has its own address, so a short shared cache
    # spares the database the same keystrokes from many visitors.
    patch_cache_control(response, public=True, max_age=60)
    response["X-Robots-Tag"] = "noindex"
    return response


def _suggest(request, locale, terms):
    # Autocomplete matches the last word as a prefix ("Portf" finds "Portfolio") against
    # Page.search_fields' AutocompleteField("title"): FTS5 prefix queries on SQLite, the
    # unstemmed "simple" configuration on PostgreSQL, so it works alike in both languages.
    pages = (
        all_pages()
        .live()
        .public()
        .filter(locale=locale)
        .not_placeholders()
        .defer_streamfields()
        .specific()
        .autocomplete(terms)
    )[:MAX_SUGGESTIONS]
    found = []
    for page in pages:
        url = page.get_url(request=request)
        if url is None:  # not routable: in no site's tree
            continue
        found.append(
            {
                "title": page.title,
                "url": url,
                "type": str(page.get_verbose_name()),  # capitalised, translated
            }
        )
    return found
