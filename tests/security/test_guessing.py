"""Guessing passwords from one address is limited: page passwords, and sign-ins that try a
few passwords on many user names (django-axes locks one user name only)."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SECRET = "Vain salasanan tietäville"


@pytest.fixture
def protected_page(home):
    page = StandardPageFactory(parent=home, title="Suojattu", slug="suojattu", summary=SECRET)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="oikea-salasana"
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def test_page_passwords_are_limited_per_address(client, protected_page, settings):
    settings.PAGE_PASSWORDS_PER_CLIENT = 5
    page, form_url = protected_page
    guess = {"password": "arvaus", "return_url": page.url}

    tries = [client.post(form_url, guess) for _ in range(5)]
    refused = client.post(form_url, {**guess, "password": "oikea-salasana"})

    assert [response.status_code for response in tries] == [200] * 5
    assert refused.status_code == 429
    assert SECRET not in client.get(page.url).content.decode()
    # Another address is not held back.
    other = client.post(form_url, {**guess, "password": "oikea-salasana"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


@pytest.mark.parametrize("login", ["wagtailadmin_login", "wagtailcore_login"])
def test_sign_ins_failing_on_many_user_names_are_refused_per_address(
    client, django_user_model, settings, login
):
    settings.SIGN_IN_FAILURES_PER_CLIENT = 5
    django_user_model.objects.create_superuser("oikea", "oikea@example.fi", "Oikea-salasana-1")
    url = reverse(login)

    for n in range(5):
        client.post(url, {"username": f"kayttaja{n}", "password": "Kevät2026!"})
    refused = client.post(url, {"username": "oikea", "password": "Oikea-salasana-1"})
    elsewhere = client.post(
        url, {"username": "oikea", "password": "Oikea-salasana-1"}, REMOTE_ADDR="10.0.0.9"
    )

    assert refused.status_code == 429
    assert "_auth_user_id" not in refused.wsgi_request.session
    assert elsewhere.status_code == 302


def test_the_refusal_is_in_finnish(client, protected_page, settings):
    settings.PAGE_PASSWORDS_PER_CLIENT = 0
    _page, form_url = protected_page

    refused = client.post(form_url, {"password": "arvaus"})

    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Liian monta yritystä" in html
    assert "Osoitteestasi on kokeiltu liian monta salasanaa" in html


def test_an_ipv6_client_is_counted_by_its_network(client, django_user_model, settings):
    """An IPv6 client may use every address of its /64: changing it must not reset the count."""
    settings.SIGN_IN_FAILURES_PER_CLIENT = 3
    django_user_model.objects.create_superuser("oikea", "oikea@example.fi", "Oikea-salasana-1")
    url = reverse("wagtailadmin_login")

    for n in range(3):
        client.post(url, {"username": f"k{n}", "password": "x"}, REMOTE_ADDR=f"2001:db8::{n}")
    same_network = client.post(
        url, {"username": "oikea", "password": "Oikea-salasana-1"}, REMOTE_ADDR="2001:db8::99"
    )
    other_network = client.post(
        url, {"username": "oikea", "password": "Oikea-salasana-1"}, REMOTE_ADDR="2001:db8:1::1"
    )

    assert same_network.status_code == 429
    assert other_network.status_code == 302


def test_the_right_page_password_is_not_counted(client, protected_page, settings):
    settings.PAGE_PASSWORDS_PER_CLIENT = 2
    page, form_url = protected_page
    right = {"password": "oikea-salasana", "return_url": page.url}

    answers = [client.post(form_url, right).status_code for _ in range(4)]

    assert answers == [302] * 4
