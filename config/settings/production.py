"""Production: everything from the environment; refuses to start without a secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production settings.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# includeSubDomains and preload: every host under the domain must serve HTTPS; preload only
# marks the site as eligible for browsers' built-in list (submission is a separate, manual step).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Load balancers probe /healthz over plain HTTP inside the network: answer, don't redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Logs as JSON lines on stdout unless LOG_FORMAT says otherwise (README, "Deployment").
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
if LOG_FORMAT not in LOGGING["formatters"]:  # noqa: F405
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405

# The admin's password reset mails a sign-in link; without a mail server Django's console
# backend would write it to the log, where anyone reading the logs could take over an
# account. Reset is off until EMAIL_HOST is set (security/password_reset.py checks it).
WAGTAIL_PASSWORD_RESET_ENABLED = env_bool(
    "WAGTAIL_PASSWORD_RESET_ENABLED",
    EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend",  # noqa: F405
)
