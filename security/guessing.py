"""Limits on guessing passwords from one address, beside django-axes.

django-axes locks one user name at one address after a few failures, which stops guessing
one account's password but not trying a few passwords on many accounts ("spraying"), and
Wagtail's page passwords (a page shared with a password) had no limit at all: a script tried
100 in a second. Both are now counted per client address in the cache (security/throttle.py):
failed sign-ins, whatever the user name, and wrong page passwords; an IPv6 client by its /64
network. Over the limit
the form answers 429 with a page that says why, and nothing is checked.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.shortcuts import render
from wagtail.views import authenticate_with_password

from .throttle import client_key, count, reached

FAILED_SIGN_INS = "failed-sign-ins"
WRONG_PAGE_PASSWORDS = "wrong-page-passwords"


@receiver(user_login_failed, dispatch_uid="security-count-failed-sign-ins")
def count_failed_sign_in(sender, credentials, request=None, **kwargs):
    if request is not None:
        count(client_key(FAILED_SIGN_INS, request))


def too_many_attempts(request):
    return render(request, "security/too_many_attempts.html", status=429)


def refuse_sign_in_spraying(view):
    """A sign-in view that refuses to check more passwords from an address that has failed
    SIGN_IN_FAILURES_PER_CLIENT times in the last hour."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        limit = settings.SIGN_IN_FAILURES_PER_CLIENT
        if request.method == "POST" and reached(FAILED_SIGN_INS, request, limit):
            return too_many_attempts(request)
        return view(request, *args, **kwargs)

    return guarded


def throttled_page_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password form, at most PAGE_PASSWORDS_PER_CLIENT wrong passwords an
    hour from one address; the right one is not counted."""
    if request.method != "POST":
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    if reached(WRONG_PAGE_PASSWORDS, request, settings.PAGE_PASSWORDS_PER_CLIENT):
        return too_many_attempts(request)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again, with "wrong password"
        count(client_key(WRONG_PAGE_PASSWORDS, request))
    return response
