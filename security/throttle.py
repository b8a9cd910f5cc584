"""Counting what one client (or one address typed into a form) does in a window of time.

The counts live in the cache, shared by every web process when it is Redis. While the cache
server is unreachable nothing is counted and no limit applies: the site keeps working, and
the limits return with the cache (pagecache/backends.py).
"""

import hashlib

from django.core.cache import cache

from .login_lockout import client_ip

HOUR = 3600


def count(key, window=HOUR):
    """Adds one to what is counted under `key` in the current window; returns the count."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # expired between the two calls
        cache.add(key, 1, window)
        return 1


def over_limit(kind, request, limit, window=HOUR):
    """Counts one more `kind` of request from this client; whether that goes over `limit`."""
    return count(f"{kind}:client:{client_ip(request)}", window) > limit


def hashed(text):
    """A key part for what a visitor typed (an address, a user name): never stored as is."""
    return hashlib.sha256(text.strip().lower().encode()).hexdigest()
