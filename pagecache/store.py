"""Where the content generation is kept, and how a change moves it on.

Every cached page's key holds the generation current when it was stored; moving the
generation on makes every stored page unreachable at once (they expire on their own).
The number lives in the database, never only in the cache: a change is saved in the
database, so the same write that can save it can outdate the cache. When the generation was
kept in Redis, a Redis that stalled during an unpublish kept the old number, and visitors
were served the unpublished page for minutes after Redis came back. Reading the number is
one query on the primary key per anonymous request; the page itself is then one cache call.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import F

from .models import ContentGeneration

logger = logging.getLogger(__name__)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    return ContentGeneration.objects.values_list("value", flat=True).first() or 0


def advance_generation():
    """Move the generation on: every page cached so far is out of date."""
    try:
        if not ContentGeneration.objects.update(value=F("value") + 1):
            ContentGeneration.objects.create(value=1)
    except DatabaseError:
        if _table_exists():
            # The change is saved but cached pages may show the old content until they
            # expire (PAGE_CACHE_SECONDS): an operator must know.
            logger.exception("Could not move the page cache's generation on")
        else:
            # Content saved by the migrations before this table exists: nothing is cached.
            logger.debug("No content generation table yet")


def _table_exists():
    try:
        return ContentGeneration._meta.db_table in connection.introspection.table_names()
    except DatabaseError:
        return True
