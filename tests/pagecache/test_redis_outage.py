"""A Redis that stops answering costs one short wait per process, logs one line, and never
leaves a stale page behind."""

import logging
import socket
import threading

import pytest
from django.core.cache import caches

from pagecache import backends
from pagecache.backends import Breaker, GuardedClient

from .conftest import HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(page_cache):
    """The page cache on (tests/conftest.py)."""


class FrozenRedis:
    """A server that accepts connections and never answers, as a Redis stopped with SIGSTOP
    or on a stalled host. It counts the connections made to it."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


def breaker_cache(location, breaker_seconds=60):
    """The cache as config/settings/base.py configures it with REDIS_URL, timeouts shortened."""
    return {
        "BACKEND": "pagecache.backends.RedisCacheWithBreaker",
        "LOCATION": location,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
            "IGNORE_EXCEPTIONS": True,
            "BREAKER_SECONDS": breaker_seconds,
        },
    }


@pytest.fixture
def frozen_redis(settings):
    frozen = FrozenRedis()
    settings.CACHES = {**settings.CACHES, "pages": breaker_cache(frozen.url)}
    settings.PAGE_CACHE_ALIAS = "pages"
    yield frozen
    frozen.close()


def test_after_one_wait_a_frozen_redis_is_left_alone_and_logged_once(
    client, project, frozen_redis, caplog
):
    with caplog.at_level(logging.WARNING):
        answers = [client.get(project.url) for _ in range(5)]

    assert [answer.status_code for answer in answers] == [200] * 5
    assert all("Kasvua yhteistyöllä" in answer.content.decode() for answer in answers)
    # The first request's cache call waited and failed; every later call skipped Redis.
    assert len(frozen_redis.connections) == 1
    problems = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in problems] == ["pagecache.backends"]
    assert "Redis is not answering" in problems[0].getMessage()


def test_a_page_unpublished_while_redis_stalled_is_not_served_from_the_cache(
    client, project, commit, redis_cache, settings
):
    """The page is cached in the real Redis; Redis stalls while a moderator unpublishes it
    (the cache cannot be told), then answers again."""
    assert client.get(project.url)[HEADER] == "miss"
    assert client.get(project.url)[HEADER] == "hit"
    working = settings.CACHES["pages"]

    frozen = FrozenRedis()
    try:
        settings.CACHES = {**settings.CACHES, "pages": breaker_cache(frozen.url)}
        with commit():
            project.unpublish()
    finally:
        frozen.close()
    settings.CACHES = {**settings.CACHES, "pages": working}

    assert client.get(project.url).status_code == 404


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(backends.time, "monotonic", clock)
    return clock


def test_the_breaker_lets_one_call_try_again_after_its_pause(clock, caplog):
    breaker = Breaker(seconds=10)
    assert breaker.allows_a_call()

    with caplog.at_level(logging.WARNING, logger="pagecache.backends"):
        breaker.failed(TimeoutError("timed out"))
        clock.now += 9
        during_the_pause = breaker.allows_a_call()
        clock.now += 1
        first_after, second_after = breaker.allows_a_call(), breaker.allows_a_call()
        breaker.failed(TimeoutError("timed out"))  # still frozen: another pause, no new line
        clock.now += 10
        breaker.allows_a_call()
        breaker.succeeded()

    assert during_the_pause is False
    assert (first_after, second_after) == (True, False)
    assert breaker.allows_a_call() and breaker.allows_a_call()
    assert [record.getMessage() for record in caplog.records] == [
        "Redis is not answering (timed out): running without the cache, trying again every 10 s",
        "Redis answers again after 20.0 s: the cache is back in use",
    ]


def test_a_redis_that_answers_again_is_used_again(client, project, redis_cache, settings):
    working = settings.CACHES["pages"]
    answering = {**breaker_cache(working["LOCATION"], 0), "KEY_PREFIX": working["KEY_PREFIX"]}
    settings.CACHES = {**settings.CACHES, "pages": answering}
    cache = caches["pages"]
    cache.breaker.failed(TimeoutError("timed out"))

    client.get(project.url)

    assert client.get(project.url)[HEADER] == "hit"
    assert cache.breaker.down_since is None


def test_closing_the_connection_at_a_requests_end_does_not_count_as_redis_answering(clock):
    """Django closes the caches after every request; that involves no Redis answer, so it
    must not end an outage (the frozen-Redis bench caught requests waiting again)."""

    class Client:
        def close(self):
            return None

    breaker = Breaker(seconds=10)
    breaker.failed(TimeoutError("timed out"))
    clock.now += 10

    GuardedClient(Client(), breaker).close()

    assert breaker.down_since is not None
    assert breaker.allows_a_call()  # the next real call is the one that tries Redis


def test_the_threads_of_a_process_share_one_breaker_per_server(settings):
    location = FrozenRedis()
    try:
        settings.CACHES = {**settings.CACHES, "pages": breaker_cache(location.url)}
        here = caches["pages"]
        elsewhere = []
        thread = threading.Thread(target=lambda: elsewhere.append(caches["pages"]))
        thread.start()
        thread.join()
    finally:
        location.close()

    assert elsewhere[0] is not here
    assert elsewhere[0].breaker is here.breaker


def test_a_generation_that_cannot_move_is_logged_as_an_error(project, monkeypatch, caplog):
    """The change is saved, but cached pages may be old until they expire: say so."""
    from django.db import OperationalError

    from pagecache import store

    def fails(**changes):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(store.ContentGeneration.objects, "update", fails)
    with caplog.at_level(logging.ERROR, logger="pagecache.store"):
        store.advance_generation()

    assert [record.getMessage() for record in caplog.records] == [
        "Could not move the page cache's generation on"
    ]
