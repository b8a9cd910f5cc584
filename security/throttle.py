"""Counting what one client (or one address typed into a form) does in a window of time.

The counts live in the cache, shared by every web process when it is Redis. While the cache
server is unreachable nothing is counted and no limit applies: the site keeps working, and
the limits return with the cache (pagecache/backends.py).
"""

import hashlib
import ipaddress

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


def client_key(kind, request):
    """The key under which `kind` is counted for this client: its IPv4 address, or the /64
    network of an IPv6 one (a single client may have all of its addresses)."""
    address = client_ip(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"{kind}:client:{hashed(address)}"
    if ip.version == 6:
        if ip.ipv4_mapped:  # ::ffff:192.0.2.1 is that IPv4 client
            return f"{kind}:client:{ip.ipv4_mapped}"
        return f"{kind}:client:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"{kind}:client:{ip}"


def over_limit(kind, request, limit, window=HOUR):
    """Counts one more `kind` of request from this client; whether that goes over `limit`."""
    return count(client_key(kind, request), window) > limit


def reached(kind, request, limit):
    """Whether this client's count of `kind` has reached `limit`, counting nothing."""
    return (cache.get(client_key(kind, request)) or 0) >= limit


def hashed(text):
    """A key part for what a visitor typed (an address, a user name): never stored as is."""
    return hashlib.sha256(text.strip().lower().encode()).hexdigest()
