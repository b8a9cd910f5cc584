"""Rules about pages that every section shares, as query methods.

wagtail-localize fills an untranslated page's place in another language with a
*placeholder*: an alias of the source page that repeats its Finnish text under the other
language's address. Listings keep placeholders (a visitor sees the Finnish original rather
than a gap), but anything that presents a page as written in a language — search results,
suggestions, feeds, the calendar, the sitemap, the API, hreflang alternates — leaves them
out. `not_placeholders()` is that rule.
"""

from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


def without_placeholders(pages):
    """`pages` (any page queryset) without untranslated placeholders.

    Written as "not among the aliases" rather than `alias_of__isnull=True` so that the
    search backends accept it too: they filter only on indexed fields, such as the id.
    """
    return pages.exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("id"))


class SitePageQuerySet(PageQuerySet):
    def not_placeholders(self):
        """Pages written in their own language: no untranslated placeholders."""
        return without_placeholders(self)


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def all_pages():
    """Pages of every type, with the shared query methods (Page.objects has none)."""
    return SitePageQuerySet(Page)
