"""Sessions shared through the real Redis (REDIS_URL): an editor who logs in on one app
server is still logged in when the load balancer sends the next request to another."""

import json
import os
import subprocess
import sys
import uuid

import pytest
import redis
from django.contrib.auth import SESSION_KEY
from django.test import Client

from .conftest import ROOT

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")

# A second app server: a separate Python process with the same settings, reading the session
# by its key from Redis alone (the "cache" engine, so the database cannot be what answers).
SECOND_SERVER = """
import json, sys
import django
django.setup()
from django.contrib.sessions.backends.cache import SessionStore
print(json.dumps(dict(SessionStore(session_key=sys.argv[1]).load())))
"""


@pytest.fixture
def redis_sessions(settings):
    """The settings with REDIS_URL set: Redis cache under a key prefix of this test's own, which
    is deleted afterwards (other test runs share the server)."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        server.ping()
    except redis.ConnectionError:
        # As in tests/pagecache: CI must have the server; a laptop may not.
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the Redis server at {REDIS_URL}")
        pytest.skip(f"no Redis server at {REDIS_URL}")
    prefix = f"test-sessions-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def log_in(client, django_user_model):
    django_user_model.objects.create_superuser("paakayttaja", "paakayttaja@example.fi", "salasana")
    response = client.post(
        "/admin/login/", {"username": "paakayttaja", "password": "salasana"}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    return client.cookies["sessionid"].value


@pytest.mark.django_db
def test_session_in_redis_is_read_by_another_app_server(
    client, django_user_model, redis_sessions, settings
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    session_key = log_in(client, django_user_model)

    env = {
        **{name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": redis_sessions,
        "SESSION_ENGINE": "cache",
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", SECOND_SERVER, session_key],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout.splitlines()[-1])
    user = django_user_model.objects.get(username="paakayttaja")
    assert session[SESSION_KEY] == str(user.pk)


@pytest.mark.django_db
def test_cached_db_sessions_survive_redis_losing_them(
    client, django_user_model, redis_sessions, settings
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    session_key = log_in(client, django_user_model)
    server = redis.Redis.from_url(REDIS_URL)
    assert any(session_key in key.decode() for key in server.scan_iter(f"{redis_sessions}:*"))

    # Redis restarted or evicted the session: the database still has it.
    for key in server.scan_iter(f"{redis_sessions}:*"):
        server.delete(key)
    other_server = Client()
    other_server.cookies["sessionid"] = session_key
    response = other_server.get("/admin/")

    assert response.status_code == 200
    assert response.context["request"].user.username == "paakayttaja"
