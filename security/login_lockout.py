"""What django-axes needs from us: the visitor's real address, and a lockout page in the
visitor's language (axes' own is a one-line English text)."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    """The address a login attempt came from. Behind LOGIN_PROXY_COUNT trusted proxies
    (the load balancer, a CDN) that is the entry they appended to X-Forwarded-For; the entries
    before them are whatever the client claimed, so an attacker cannot choose its own address.
    With no proxy configured the header is ignored altogether."""
    proxies = settings.LOGIN_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "axes/lockout.html", context, status=429)
