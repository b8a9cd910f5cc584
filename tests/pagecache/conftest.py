"""What the page cache tests share: a cached project page, a commit that runs its
callbacks, and the real Redis server."""

import os
import socket
import uuid
from decimal import Decimal

import pytest
from django.core.cache import caches

from core.factories import OrganisationFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

HEADER = "X-Page-Cache"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a real commit runs after the block (the cache's generation moves on then)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def project(home, commit):
    index = ProjectIndexPageFactory(parent=home)
    lead = OrganisationFactory(name="Lapin liitto")
    with commit():
        page = ProjectPageFactory(
            parent=index,
            title="Kasvua yhteistyöllä",
            total_budget=Decimal(1000),
            lead_organisation=lead,
        )
    return page


def redis_url():
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable():
    from urllib.parse import urlparse

    address = urlparse(redis_url())
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache(settings):
    if not redis_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the Redis server at {redis_url()}")
        pytest.skip(f"no Redis server at {redis_url()}")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    yield caches["pages"]
    caches["pages"].clear()
