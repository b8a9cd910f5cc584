"""The environment alone decides where media, search and sessions live (config/settings)."""

import pytest

from .conftest import run_settings

S3 = {
    "AWS_STORAGE_BUCKET_NAME": "arctic-media",
    "AWS_S3_REGION_NAME": "eu-north-1",
}


def test_without_environment_everything_stays_on_one_machine(settings_with):
    settings = settings_with()

    assert settings["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert settings["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.backends"
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert settings["LOGGING"]["handlers"]["console"]["formatter"] == "plain"


def test_production_logs_json_unless_told_otherwise(settings_with):
    production = {"SECRET_KEY": "k" * 50}

    json_settings = settings_with(production, module="config.settings.production")
    plain_settings = settings_with(
        {**production, "LOG_FORMAT": "plain"}, module="config.settings.production"
    )

    assert json_settings["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    assert plain_settings["LOGGING"]["handlers"]["console"]["formatter"] == "plain"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "k" * 50, "LOG_FORMAT": "xml"}, "LOG_FORMAT must be json or plain"),
    ],
)
def test_production_refuses_to_start_misconfigured(environ, message):
    result = run_settings("config.settings.production", environ)

    assert result.returncode != 0
    assert message in result.stderr


def test_bucket_moves_media_to_private_object_storage(settings_with):
    settings = settings_with(S3)

    default = settings["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "arctic-media"
    assert options["region_name"] == "eu-north-1"
    assert options["endpoint_url"] is None
    assert options["location"] == "media"
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["file_overwrite"] is False
    # Static files stay with whitenoise on each app server.
    assert "whitenoise" in settings["STORAGES"]["staticfiles"]["BACKEND"]
    for policy in ("SECURITY_CSP", "SECURITY_CSP_ADMIN"):
        assert "https://arctic-media.s3.amazonaws.com" in settings[policy]["img-src"]


def test_other_providers_and_a_cdn_domain(settings_with):
    settings = settings_with(
        {
            **S3,
            "AWS_S3_ENDPOINT_URL": "https://fi-hel2.upcloudobjects.com",
            "AWS_S3_CUSTOM_DOMAIN": "media.arcticsmartness.fi",
            "AWS_LOCATION": "prod",
        }
    )

    options = settings["STORAGES"]["default"]["OPTIONS"]
    assert options["endpoint_url"] == "https://fi-hel2.upcloudobjects.com"
    assert options["addressing_style"] == "path"
    assert options["custom_domain"] == "media.arcticsmartness.fi"
    assert options["location"] == "prod"
    # The CDN reads the bucket itself: its addresses are plain and cacheable.
    assert options["querystring_auth"] is False
    assert "https://media.arcticsmartness.fi" in settings["SECURITY_CSP"]["img-src"]
    assert "https://media.arcticsmartness.fi" in settings["SECURITY_CSP"]["media-src"]


def test_opensearch_url_switches_search_to_the_cluster(settings_with):
    settings = settings_with(
        {
            "OPENSEARCH_URL": "https://search:secret@os1.example.fi:9200,https://os2.example.fi:9200",
            "OPENSEARCH_INDEX_PREFIX": "arctic_staging_",
        }
    )

    backend = settings["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "search.cluster"
    assert backend["ENGINE"] == "opensearch3"
    assert backend["URLS"] == [
        "https://search:secret@os1.example.fi:9200",
        "https://os2.example.fi:9200",
    ]
    assert backend["INDEX_PREFIX"] == "arctic_staging_"
    assert backend["LANGUAGE_ANALYZERS"] == {"fi": "finnish_text", "en": "english_text"}


def test_search_backend_chooses_the_opensearch_version(settings_with):
    settings = settings_with({"OPENSEARCH_URL": "http://os:9200", "SEARCH_BACKEND": "opensearch2"})

    assert settings["WAGTAILSEARCH_BACKENDS"]["default"]["ENGINE"] == "opensearch2"


@pytest.mark.parametrize(
    ("environ", "engine"),
    [
        # The database even with Redis: the breaker skips Redis writes during an outage, and
        # a sign-out then left its session in Redis, valid again once Redis answered.
        ({"REDIS_URL": "redis://redis:6379/0"}, "db"),
        ({"REDIS_URL": "redis://redis:6379/0", "SESSION_ENGINE": "cached_db"}, "cached_db"),
        ({"REDIS_URL": "redis://redis:6379/0", "SESSION_ENGINE": "cache"}, "cache"),
    ],
)
def test_sessions_stay_in_the_database_unless_told(settings_with, environ, engine):
    settings = settings_with(environ)

    assert settings["SESSION_ENGINE"] == f"django.contrib.sessions.backends.{engine}"


def test_unknown_search_backend_is_refused_at_start():
    result = run_settings("config.settings.base", {"SEARCH_BACKEND": "elasticsearch9"})

    assert result.returncode != 0
    assert "SEARCH_BACKEND must be database, opensearch2 or opensearch3" in result.stderr


def test_cache_sessions_without_redis_are_refused():
    result = run_settings("config.settings.base", {"SESSION_ENGINE": "cache"})

    assert result.returncode != 0
    assert "SESSION_ENGINE=cache needs REDIS_URL" in result.stderr


def test_production_without_a_mail_server_has_no_password_reset(settings_with):
    production = {"SECRET_KEY": "k" * 50}

    without = settings_with(production, module="config.settings.production")
    with_mail = settings_with(
        {**production, "EMAIL_HOST": "smtp.example.fi"}, module="config.settings.production"
    )

    assert without["WAGTAIL_PASSWORD_RESET_ENABLED"] is False
    assert with_mail["WAGTAIL_PASSWORD_RESET_ENABLED"] is True


def test_one_public_address_feeds_the_admin_and_the_api_links(settings_with):
    settings = settings_with({"SITE_URL": "https://arcticsmartness.fi/"})

    assert settings["SITE_URL"] == "https://arcticsmartness.fi"
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://arcticsmartness.fi"
    assert settings["WAGTAILAPI_BASE_URL"] == "https://arcticsmartness.fi"


def test_production_has_no_demo_content_commands_unless_a_throwaway_site_asks(settings_with):
    """The demo app (demo content, the site generator, local accounts with printed
    passwords) is for development; a benchmark's throwaway site turns it on."""
    production = {"SECRET_KEY": "k" * 50}

    plain = settings_with(production, module="config.settings.production")
    throwaway = settings_with(
        {**production, "DEMO_TOOLS": "true"}, module="config.settings.production"
    )

    assert "demo" not in plain["INSTALLED_APPS"]
    assert "demo" in throwaway["INSTALLED_APPS"]
    assert "demo" in settings_with(module="config.settings.dev")["INSTALLED_APPS"]
