"""Whatever fails, a visitor gets a plain error page in their language, and never a stack
trace, an exception's text or a setting."""

import json

import pytest
from django.conf import settings
from django.test import Client

from tests.security.error_urls import SECRET_DETAIL

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.error_urls")]

HEADINGS = {
    "400": {"fi": "Pyyntöä ei voitu käsitellä", "en": "The request could not be handled"},
    "403": {
        "fi": "Sinulla ei ole pääsyä tälle sivulle",
        "en": "You do not have access to this page",
    },
    "500": {"fi": "Jokin meni vikaan", "en": "Something went wrong"},
    "503": {
        "fi": "Sivusto ei ole hetkeen käytettävissä",
        "en": "The site is temporarily unavailable",
    },
    "csrf": {"fi": "Lomaketta ei voitu lähettää", "en": "The form could not be sent"},
    "404": {"fi": "Sivua ei löytynyt", "en": "Page not found"},
}
FRONT_PAGE_LINK = {
    "fi": '<a href="/">Siirry etusivulle</a>',
    "en": '<a href="/en/">Go to the front page</a>',
}
PREFIX = {"fi": "", "en": "/en"}


@pytest.fixture
def visitor(home):
    """An anonymous browser; failures come back as the visitor sees them, not as exceptions."""
    return Client(raise_request_exception=False)


def assert_nothing_leaks(body):
    for leak in (
        SECRET_DETAIL,
        "hunter2",
        "Traceback",
        'File "',
        "table_that_does_not_exist",
        "SECRET_KEY",
        settings.SECRET_KEY,
        "DATABASES",
    ):
        assert leak not in body, leak


def assert_error_page(response, status, kind, language):
    body = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in body
    assert HEADINGS[kind][language] in body
    assert_nothing_leaks(body)
    return body


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [("400", 400, "400"), ("403", 403, "403"), ("500", 500, "500"), ("500-database", 500, "500")],
)
def test_failing_view_shows_an_error_page_in_the_visitors_language(
    visitor, language, code, status, kind
):
    response = visitor.get(f"{PREFIX[language]}/testivirhe/{code}/")

    body = assert_error_page(response, status, kind, language)
    assert FRONT_PAGE_LINK[language] in body


@pytest.mark.parametrize("language", ["fi", "en"])
def test_an_unreachable_database_means_unavailable_not_broken(visitor, language, monkeypatch):
    """A restarting database is a 503 with Retry-After, which load balancers, crawlers and
    monitoring treat as temporary; a query that is wrong stays a 500 (above). The outage is
    simulated: the view's query fails and the connection no longer answers."""
    from django.db import connection

    monkeypatch.setattr(connection, "is_usable", lambda: False)
    response = visitor.get(f"{PREFIX[language]}/testivirhe/503-database-down/")

    assert_error_page(response, 503, "503", language)
    assert response["Retry-After"] == "30"


def test_a_connection_error_at_the_end_of_an_outage_is_still_unavailable(visitor):
    """The request failed while PostgreSQL restarted; when the error page is chosen the
    server answers again. Found by `make bench-fault`: that request was a 500."""
    response = visitor.get("/testivirhe/503-database-starting/")

    assert response.status_code == 503


@pytest.mark.parametrize("language", ["fi", "en"])
def test_missing_page_shows_the_not_found_page(visitor, language):
    response = visitor.get(f"{PREFIX[language]}/ei-ole-olemassa/")

    assert_error_page(response, 404, "404", language)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_form_posted_without_a_valid_token_is_refused_and_explained(home, language):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(f"{PREFIX[language]}/testilomake/", {"nimi": "Testi"})

    body = assert_error_page(response, 403, "csrf", language)
    assert "lomake-tallennettu" not in body
    assert "CSRF" not in body  # Django's reason for the refusal is for developers
    assert "Referer" not in body


def test_refused_host_gets_the_bad_request_page(visitor, settings):
    """The page for a request whose Host header is not ours reads nothing from the request."""
    settings.ALLOWED_HOSTS = ["testserver"]

    response = visitor.get("/", headers={"host": "hyokkaaja.example"})

    assert_error_page(response, 400, "400", "fi")
    assert "hyokkaaja" not in response.content.decode()


def test_server_error_page_needs_no_database_or_context_processors(visitor, settings):
    """The 500 page renders even when every context processor would fail."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "OPTIONS": {"context_processors": ["no.such.processor"]}}
    ]

    response = visitor.get("/en/testivirhe/500/")

    assert_error_page(response, 500, "500", "en")


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/api/v2/pages/?limit=paljon", 400),
        ("/api/v2/pages/?order=<script>", 400),
        ("/api/v2/pages/?fields=salasana", 400),
        ("/api/v2/pages/?type=auth.User", 400),
        ("/api/v2/pages/999999/", 404),
    ],
)
def test_api_errors_are_short_json_messages(visitor, address, status):
    response = visitor.get(address)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert set(data) == {"message"}
    assert_nothing_leaks(response.content.decode())
    # Echoed input stays data: browsers neither render JSON nor sniff it as HTML.
    assert response["X-Content-Type-Options"] == "nosniff"


class _ClientSideError(Exception):
    """What psycopg raises for a failure of its own: no SQLSTATE."""

    sqlstate = None


def _unreachable_with(monkeypatch, raw_connection):
    from types import SimpleNamespace

    from django.db import OperationalError

    from home import views

    monkeypatch.setattr(
        views, "connection", SimpleNamespace(connection=raw_connection, is_usable=lambda: True)
    )
    try:
        raise OperationalError("client-side failure") from _ClientSideError()
    except OperationalError as error:
        return views.database_unreachable(error)


def test_a_refused_connection_is_unavailable_even_if_the_server_is_back_by_then(monkeypatch):
    """psycopg's "connection refused" carries no SQLSTATE and leaves no connection; the
    server may answer again by the time the error page is chosen, so it is not asked."""
    from types import SimpleNamespace

    assert _unreachable_with(monkeypatch, None)
    assert _unreachable_with(monkeypatch, SimpleNamespace(closed=False, broken=True))


def test_a_client_side_error_of_the_request_stays_a_server_error(monkeypatch):
    """E.g. a query with too many parameters: the connection is fine, the request is not."""
    from types import SimpleNamespace

    assert not _unreachable_with(monkeypatch, SimpleNamespace(closed=False, broken=False))
