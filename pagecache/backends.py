"""The Redis cache with a circuit breaker: a Redis that stops answering costs one short wait
per web process, not one per cache call.

django-redis with IGNORE_EXCEPTIONS already turns a failed call into a miss, but each call
first waits out the socket timeout: a page makes several calls, so a frozen Redis (a stalled
host, a full disk, a SIGSTOP) held every request for seconds and logged a traceback per
call. Here the first failure opens the breaker: for BREAKER_SECONDS every cache call of this
process is a miss at once, without touching the network, and the site renders uncached. Then
one call (one thread) tries Redis again; its success closes the breaker. An outage logs one
warning when it starts and one when Redis answers again.

Everything that uses the cache already copes with a miss: the page cache renders the page,
the data cache queries the database; sessions are in the database (README, "Sessions").
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DEFAULT_BREAKER_SECONDS = 10


class RedisUnavailable(ConnectionError):
    """Raised instead of a network call while the breaker is open."""


class Breaker:
    def __init__(self, seconds):
        self.seconds = seconds
        self.lock = threading.Lock()
        self.down_since = None  # when the current outage started (monotonic), or None
        self.retry_at = 0.0

    def allows_a_call(self):
        if self.down_since is None:
            return True
        with self.lock:
            now = time.monotonic()
            if self.down_since is None or now >= self.retry_at:
                # This caller tries Redis; the others keep skipping it until it answers.
                self.retry_at = now + self.seconds
                return True
            return False

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            started = self.down_since is None
            if started:
                self.down_since = now
            self.retry_at = now + self.seconds
        if started:
            logger.warning(
                "Redis is not answering (%s): running without the cache, trying again every %s s",
                error,
                self.seconds,
            )

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            outage = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("Redis answers again after %.1f s: the cache is back in use", outage)


# One breaker per Redis server and process: Django gives each thread its own cache object,
# and the threads of a worker should not each wait out the timeout.
_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, seconds):
    with _breakers_lock:
        return _breakers.setdefault((str(location), seconds), Breaker(seconds))


class RedisCacheWithBreaker(RedisCache):
    """django-redis's cache; OPTIONS may hold BREAKER_SECONDS (default 10)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        seconds = options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server, seconds)

    @property
    def client(self):
        return GuardedClient(super().client, self.breaker)


class GuardedClient:
    """django-redis's client, whose calls to Redis ask the breaker first. Only calls that
    talk to Redis count: `close()`, which Django calls at the end of every request, would
    otherwise "succeed" without the network and close the breaker during an outage."""

    def __init__(self, client, breaker):
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name == "close" or name.startswith("_") or not callable(attribute):
            return attribute
        breaker = self._breaker

        def guarded(*args, **kwargs):
            if not breaker.allows_a_call():
                # The cache's IGNORE_EXCEPTIONS turns this into a miss, as for a real failure.
                raise ConnectionInterrupted(connection=None) from RedisUnavailable()
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as interrupted:
                # Only an unreachable or silent server opens the breaker; an error Redis
                # answered with (out of memory, a wrong type) shows it is there.
                if isinstance(interrupted.__cause__, (RedisConnectionError, RedisTimeoutError)):
                    breaker.failed(interrupted)
                raise
            breaker.succeeded()
            return result

        return guarded
