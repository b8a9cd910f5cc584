"""Brute-force protection of the admin sign-in (django-axes): what an attacker, the locked-out
editor and the administrator who unlocks them each see."""

import logging

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

LOGIN = "/admin/login/"
PASSWORD = "oikea-salasana-123"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "viestija", "viestija@example.fi", PASSWORD, is_staff=False
    )


def sign_in(client, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": "viestija", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, limit, **kwargs):
    """Sign in with a wrong password `times` times: the form comes back with its error until
    the attempt that reaches the limit, which already gets the lockout page."""
    for attempt in range(1, times + 1):
        response = sign_in(client, "väärä", **kwargs)
        assert response.status_code == (429 if attempt >= limit else 200)


@pytest.mark.django_db
def test_a_wrong_password_keeps_the_sign_in_form_until_the_limit(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 1, settings.AXES_FAILURE_LIMIT)

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302  # signed in: the limit was not reached
    # A success forgets the earlier failures (AXES_RESET_ON_SUCCESS).
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_after_the_limit_even_the_right_password_is_refused(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    # In Finnish, as the admin's sign-in page itself is for a visitor not yet signed in.
    text = response.content.decode()
    assert "Liian monta epäonnistunutta kirjautumisyritystä" in text
    assert "Yritä uudelleen 60 minuutin kuluttua." in text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_each_failure_is_logged_and_recorded_without_the_password(client, editor, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)

    attempt = AccessAttempt.objects.get(username="viestija")
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT
    assert attempt.ip_address == "203.0.113.7"
    assert "väärä" not in str(attempt.post_data)
    assert any("Locking out" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_failures_from_elsewhere_do_not_lock_the_editor_out(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT, address="198.51.100.9")

    response = sign_in(client, PASSWORD, address="203.0.113.7")

    assert response.status_code == 302


@pytest.mark.django_db
def test_an_administrator_unlocks_the_account(client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, PASSWORD).status_code == 429

    call_command("axes_reset_username", "viestija")

    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_behind_the_load_balancer_the_forwarded_address_counts(client, editor, settings):
    """With one trusted proxy, the address it appended is the client's; whatever the client
    wrote before it is ignored, so changing it does not escape the lockout."""
    settings.LOGIN_PROXY_COUNT = 1
    for spoofed in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(
            client,
            "väärä",
            address="10.0.0.2",  # the load balancer
            HTTP_X_FORWARDED_FOR=f"192.0.2.{spoofed}, 203.0.113.7",
        )
        assert response.status_code == 200

    response = sign_in(
        client, "väärä", address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7"
    )

    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


@pytest.mark.django_db
def test_an_administrator_unlocks_the_account_in_the_admin(client, admin_client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get()

    listing = admin_client.get(reverse("sign_in_lockouts:index"))
    assert listing.status_code == 200
    assert "viestija" in listing.content.decode()
    assert "203.0.113.7" in listing.content.decode()
    assert "<title>Sign-in lockouts" in listing.content.decode()

    unlock_url = reverse("sign_in_lockouts:delete", args=[attempt.pk])
    confirm = admin_client.get(unlock_url)
    assert "Yes, unlock" in confirm.content.decode()
    admin_client.post(unlock_url)

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_lockouts_are_neither_added_nor_edited_by_hand(admin_client, client, editor, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get()

    assert admin_client.get(reverse("sign_in_lockouts:add")).status_code == 302
    assert admin_client.get(reverse("sign_in_lockouts:edit", args=[attempt.pk])).status_code == 302
    assert AccessAttempt.objects.get().failures_since_start == settings.AXES_FAILURE_LIMIT


@pytest.mark.django_db
def test_an_editor_without_the_permission_cannot_see_or_unlock(client, settings, django_user_model):
    from django.contrib.auth.models import Permission

    fail(client, settings.AXES_FAILURE_LIMIT, settings.AXES_FAILURE_LIMIT, address="198.51.100.1")
    staff = django_user_model.objects.create_user("toimittaja", password="x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    attempt = AccessAttempt.objects.get()

    assert client.get(reverse("sign_in_lockouts:index")).status_code == 302
    client.post(reverse("sign_in_lockouts:delete", args=[attempt.pk]))

    assert AccessAttempt.objects.exists()
