"""Anonymous visitors get cached pages, and never a stale one after a change is published."""

import pytest
from django.test import override_settings
from wagtail_localize.models import Translation, TranslationSource

from projects.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def cache_on(page_cache):
    """Every test here runs with the page cache on (tests/conftest.py)."""


def test_the_second_anonymous_visit_is_served_from_the_cache(client, project):
    first = client.get(project.url)
    second = client.get(project.url)

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_a_published_edit_is_shown_at_once(client, project, commit):
    client.get(project.url)
    with commit():
        project.title = "Kasvua ja yhteistyötä"
        project.save_revision().publish()

    response = client.get(project.url)

    assert response[HEADER] == "miss"
    assert "Kasvua ja yhteistyötä" in response.content.decode()


def test_a_new_page_appears_in_the_listing_it_belongs_to(client, project, commit):
    index = project.get_parent()
    assert "Uusi hanke" not in client.get(index.url).content.decode()
    with commit():
        ProjectPageFactory(parent=index, title="Uusi hanke")

    assert "Uusi hanke" in client.get(index.url).content.decode()


def test_a_snippet_edit_reaches_the_pages_that_show_it(client, project, commit):
    assert "Lapin liitto" in client.get(project.url).content.decode()
    with commit():
        lead = project.lead_organisation
        lead.name = "Lapin liitto – Lapplands förbund"
        lead.save()

    assert "Lapplands förbund" in client.get(project.url).content.decode()


def test_a_published_translation_is_shown_at_once(client, project, english, commit):
    source, _ = TranslationSource.get_or_create_from_instance(project.get_parent())
    with commit():
        Translation.objects.create(source=source, target_locale=english).save_target()
    source, _ = TranslationSource.get_or_create_from_instance(project)
    with commit():
        Translation.objects.create(source=source, target_locale=english).save_target()
    translation = project.get_translation(english)
    cached_url = translation.url
    client.get(cached_url)

    with commit():
        translation.title = "Growth through Cooperation"
        translation.save_revision().publish()
    translation.refresh_from_db()

    # Publishing gave the English page an address from its English title; the cached copy
    # at the old address is not served any more, the visitor is sent on.
    assert translation.url == "/en/hankkeet/growth-through-cooperation/"
    assert client.get(cached_url).headers["Location"] == translation.url
    assert "Growth through Cooperation" in client.get(translation.url).content.decode()


def test_unpublished_and_deleted_pages_are_gone_at_once(client, project, commit):
    other = ProjectPageFactory(parent=project.get_parent(), title="Toinen")
    client.get(project.url)
    client.get(other.url)

    with commit():
        project.unpublish()
    with commit():
        other.delete()

    assert client.get(project.url).status_code == 404
    assert client.get(other.url).status_code == 404


def test_logged_in_editors_are_never_served_from_the_cache(client, admin_client, project):
    client.get(project.url)
    client.get(project.url)

    response = admin_client.get(project.url)

    assert HEADER not in response
    assert response.status_code == 200


def test_a_search_with_a_query_is_never_cached(client, project):
    client.get("/haku/", {"q": "kasvua"})
    response = client.get("/haku/", {"q": "kasvua"})

    assert HEADER not in response


def test_other_query_strings_are_other_pages(client, project):
    client.get(project.get_parent().url)
    response = client.get(project.get_parent().url, {"status": "ended"})

    assert response[HEADER] == "miss"


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(client, project):
    client.get(project.url)

    assert HEADER not in client.get(project.url)


def test_with_redis_pages_are_shared_and_outdated_on_publish(client, project, commit, redis_cache):
    assert client.get(project.url)[HEADER] == "miss"
    assert client.get(project.url)[HEADER] == "hit"
    with commit():
        project.title = "Uusi otsikko"
        project.save_revision().publish()

    response = client.get(project.url)

    assert response[HEADER] == "miss"
    assert "Uusi otsikko" in response.content.decode()


def test_pages_are_served_while_the_redis_server_is_down(client, project, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1: every cache call fails at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"

    response = client.get(project.url)

    assert response.status_code == 200
    assert "Kasvua yhteistyöllä" in response.content.decode()


def test_a_cdn_may_keep_anonymous_pages_when_told(client, project, settings):
    settings.FRONTEND_CACHE_SECONDS = 120

    response = client.get(project.url)

    assert "s-maxage=120" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_publishing_purges_the_page_and_its_listings_from_the_cdn(project, settings, home):
    """A real HTTP purge endpoint (as Varnish offers) receives the addresses to drop."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from pagecache import frontend

    purged = []

    class PurgeEndpoint(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), PurgeEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        frontend.purge_listings(project)
    finally:
        server.shutdown()

    assert sorted(purged) == ["/", "/hankkeet/"]


def test_a_form_page_is_never_cached(client, home):
    from feedback.factories import FeedbackFormPageFactory, add_feedback_fields

    form = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(form)

    client.get(form.url)
    response = client.get(form.url)

    assert response.status_code == 200
    assert HEADER not in response  # it holds the visitor's CSRF token
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
