"""`make run` gives a newcomer three accounts to try the roles with, in development only."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("create_local_accounts", stdout=out)
    return out.getvalue()


@override_settings(DEBUG=True)
def test_local_accounts_sign_in_with_the_printed_passwords_and_have_their_roles():
    output = run()
    passwords = dict(re.findall(r"^  (admin|viestija|kaantaja)\s+(\S+)", output, re.MULTILINE))
    assert set(passwords) == {"admin", "viestija", "kaantaja"}

    admin = authenticate(username="admin", password=passwords["admin"])
    communicator = authenticate(username="viestija", password=passwords["viestija"])
    translator = authenticate(username="kaantaja", password=passwords["kaantaja"])
    assert admin.is_superuser
    assert [g.name for g in communicator.groups.all()] == ["Communicators"]
    assert [g.name for g in translator.groups.all()] == ["Translators"]
    assert not communicator.is_superuser and not translator.is_superuser

    # Running it again keeps the accounts and their passwords.
    assert "already exists" in run()
    assert authenticate(username="kaantaja", password=passwords["kaantaja"]) == translator


@override_settings(DEBUG=False)
def test_local_accounts_are_refused_outside_development():
    with pytest.raises(CommandError, match="local development"):
        run()
