"""Where the content generation is kept, and how a change moves it on.

Every cached page's key holds the generation current when it was stored; moving the
generation on makes every stored page unreachable at once (they expire on their own).
A shared cache (Redis) keeps the number itself, so a cache hit costs no database query; the
default per-process memory cache cannot tell the other web processes, so the number is then
read from the database, one cheap query per anonymous request.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.db.models import F

from .models import ContentGeneration

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def is_shared(cache):
    """Whether every web process sees the same cache (not so for the memory cache)."""
    return not isinstance(cache, LocMemCache)


def current_generation():
    cache = page_cache()
    if is_shared(cache):
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, 1, timeout=None)
            generation = cache.get(GENERATION_KEY, 1)
        return generation
    return ContentGeneration.objects.values_list("value", flat=True).first() or 0


def advance_generation():
    """Move the generation on: every page cached so far is out of date."""
    cache = page_cache()
    try:
        if is_shared(cache):
            try:
                cache.incr(GENERATION_KEY)
            except ValueError:  # not set yet (a new or restarted cache): nothing to outdate
                cache.add(GENERATION_KEY, 1, timeout=None)
        elif not ContentGeneration.objects.update(value=F("value") + 1):
            ContentGeneration.objects.create(value=1)
    except DatabaseError:
        # Content saved by the migrations before this app's table exists: nothing is cached.
        logger.debug("No content generation table yet", exc_info=True)
    except Exception:
        # A cache server that is down holds no pages to outdate; the change itself is saved.
        logger.exception("Could not move the page cache's generation on")
