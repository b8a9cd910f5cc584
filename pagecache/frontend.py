"""A CDN or caching proxy in front of the site (wagtail.contrib.frontend_cache).

When one is configured (settings from the environment), Wagtail's own handlers purge a page's
addresses when it is published or unpublished; this adds the pages that list it — its parent
index and its language's home page — so that a new news item does not wait for the CDN's
copy of the news index to expire. Other pages that mention it (related cards, feeds, the
sitemap) follow within FRONTEND_CACHE_SECONDS, the time the CDN may keep a page.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def purge_listings(instance, **kwargs):
    parent = instance.get_parent()
    home = instance.get_ancestors().filter(depth=2).first()
    listings = {page.pk: page for page in (parent, home) if page is not None and page.depth >= 2}
    batch = PurgeBatch()
    batch.add_pages(listings.values())
    batch.purge()


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
