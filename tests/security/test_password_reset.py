"""The admin's password reset cannot be used to take over an account (issue 15, item 1):
no reset link reaches a log, and resets are throttled per address and per client."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from security.password_reset import check_reset_mail_is_delivered

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("toimittaja", "toimittaja@example.fi", "x")


def field_error(response):
    html = BeautifulSoup(response.content, "html.parser")
    return (
        html.select_one("#id_email")
        .find_parent(attrs={"data-field": True})
        .select_one(".error-message")
    )


def test_an_address_gets_three_resets_an_hour(client, editor, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
    answers = [client.post(RESET, {"email": editor.email}) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    error = field_error(answers[-1])
    assert (
        error.get_text(strip=True)
        == "Liian monta salasanan palautuspyyntöä. Yritä tunnin päästä uudelleen."
    )


def test_the_address_is_counted_however_it_is_typed(client, editor, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    client.post(RESET, {"email": editor.email})

    answer = client.post(RESET, {"email": f"  {editor.email.upper()} "})

    assert answer.status_code == 429
    assert len(mail.outbox) == 1


def test_one_client_cannot_probe_many_addresses(client, settings):
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 5
    answers = [client.post(RESET, {"email": f"person{n}@example.fi"}) for n in range(6)]

    assert [answer.status_code for answer in answers] == [302] * 5 + [429]


def test_a_reset_that_would_be_logged_stops_the_site(settings):
    settings.DEBUG = False
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    assert [error.id for error in check_reset_mail_is_delivered(None)] == ["security.E010"]
    with pytest.raises(SystemCheckError, match="security.E010"):
        call_command("check")

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert check_reset_mail_is_delivered(None) == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False
    assert check_reset_mail_is_delivered(None) == []


def test_the_reset_page_is_gone_when_reset_is_off(client, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False

    assert client.get(RESET).status_code == 404
    assert client.post(RESET, {"email": "toimittaja@example.fi"}).status_code == 404
    assert not mail.outbox
    login = BeautifulSoup(client.get("/admin/login/").content, "html.parser")
    assert login.select_one("a.reset-password") is None


def test_the_access_log_never_holds_a_reset_link(client, editor, caplog):
    client.post(RESET, {"email": editor.email})
    link = next(line for line in mail.outbox[0].body.split() if "/password_reset/confirm/" in line)
    path = link[link.index("/admin/") :]
    uid, token = path.rstrip("/").split("/")[-2:]

    with caplog.at_level(logging.INFO, logger="requestlog"):
        client.get(path)

    logged = [record for record in caplog.records if record.name == "requestlog"]
    assert logged and all(
        uid not in record.getMessage() and token not in record.path for record in logged
    )
    assert logged[0].path == "/admin/password_reset/confirm/…/…/"
