"""Test runs: fast password hashing, plain static storage, no outside calls."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS.append("demo")  # noqa: F405
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "http://testserver"
SITE_URL_CONFIGURED = True
WAGTAILADMIN_BASE_URL = SITE_URL
LOGGING = {"version": 1, "disable_existing_loggers": False}

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_MACHINE_TRANSLATOR  # noqa: F405 (never DeepL)

# Tests roll back the database but not the memory cache, so a page cached by one test could
# be served to the next: the page cache is on only in tests/pagecache, which clear it.
PAGE_CACHE_SECONDS = 0
