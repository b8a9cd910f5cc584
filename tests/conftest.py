import pytest
from django.core.cache import caches
from wagtail.models import Locale, Site

from home.models import HomePage


@pytest.fixture(autouse=True)
def no_counts_from_other_tests():
    """The memory cache outlives each test's database: what one test counted (searches and
    password resets of a client, sites' root paths) must not limit the next."""
    caches["default"].clear()


@pytest.fixture
def finnish(db):
    return Locale.objects.get(language_code="fi")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(db):
    """The Finnish home page the migrations create, served as the default site."""
    page = HomePage.objects.get(locale__language_code="fi")
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return page


@pytest.fixture
def admin_client_in(client, django_user_model):
    """`admin_client_in(language)`: the test client signed in as the superuser "editor",
    whose admin is in `language`."""
    from wagtail.users.models import UserProfile

    def sign_in(language):
        user = django_user_model.objects.create_superuser("editor", "editor@example.fi", "x")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def admin_client(admin_client_in):
    # Messages are asserted in English; Finnish editors get the same ones from the catalogue.
    return admin_client_in("en")


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production, and empty (tests otherwise run without it: the
    memory cache outlives each test's database)."""
    settings.PAGE_CACHE_SECONDS = 600
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()
