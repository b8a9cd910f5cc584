"""`make run` gives a newcomer four accounts to try the roles with, in development only."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings

pytestmark = pytest.mark.django_db


def sign_in(username, password):
    # django-axes checks every sign-in against the address it comes from.
    return authenticate(
        RequestFactory().post("/admin/login/"), username=username, password=password
    )


def run():
    out = io.StringIO()
    call_command("create_local_accounts", stdout=out)
    return out.getvalue()


@override_settings(DEBUG=True)
def test_local_accounts_sign_in_with_the_printed_passwords_and_have_their_roles():
    output = run()
    passwords = dict(
        re.findall(r"^  (admin|viestija|moderaattori|kaantaja)\s+(\S+)", output, re.MULTILINE)
    )
    assert set(passwords) == {"admin", "viestija", "moderaattori", "kaantaja"}

    admin = sign_in("admin", passwords["admin"])
    communicator = sign_in("viestija", passwords["viestija"])
    moderator = sign_in("moderaattori", passwords["moderaattori"])
    translator = sign_in("kaantaja", passwords["kaantaja"])
    assert admin.is_superuser
    assert [g.name for g in communicator.groups.all()] == ["Communicators"]
    assert [g.name for g in moderator.groups.all()] == ["Moderators"]
    assert [g.name for g in translator.groups.all()] == ["Translators"]
    assert not any(user.is_superuser for user in (communicator, moderator, translator))

    # Running it again keeps the accounts and their passwords.
    assert "already exists" in run()
    assert sign_in("kaantaja", passwords["kaantaja"]) == translator


@override_settings(DEBUG=False)
def test_local_accounts_are_refused_outside_development():
    with pytest.raises(CommandError, match="local development"):
        run()


@override_settings(DEBUG=True, SITE_URL="http://127.0.0.1:8202")
def test_the_served_address_is_printed_and_used_for_the_sites_links(home):
    """`make run PORT=8202` sets SITE_URL; pages and e-mails link to the same address."""
    from wagtail.models import Site

    output = run()

    assert "sign in at http://127.0.0.1:8202/admin/" in output
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8202"
    assert home.full_url == "http://127.0.0.1:8202/"
