import os

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import InMemoryStorage
from django.utils._os import safe_join
from wagtail.users.models import UserProfile

from localisation.roles import COMMUNICATORS, apply_roles


def sign_in(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def communicator_client(client, home, django_user_model):
    """Signed in as a communicator (the group's real permissions), admin in English."""
    apply_roles()
    user = django_user_model.objects.create_user("viestija", "viestija@example.fi", "x")
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    sign_in(client, user, "en")
    return client


@pytest.fixture
def superuser_client(client, home, django_user_model):
    user = django_user_model.objects.create_superuser("paakayttaja", "admin@example.fi", "x")
    sign_in(client, user, "en")
    return client


@pytest.fixture(params=["communicator", "superuser"])
def uploader(request):
    """Each upload test runs as a communicator and as a superuser."""
    return request.getfixturevalue(f"{request.param}_client")


@pytest.fixture
def finnish_uploader(client, home, django_user_model):
    apply_roles()
    user = django_user_model.objects.create_user("viestija", "viestija@example.fi", "x")
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    sign_in(client, user, "fi")
    return client


class RemoteStorage(InMemoryStorage):
    """Files kept in memory but, like object storage, without a local path, so Wagtail
    streams documents from the storage (InMemoryStorage claims a path that does not exist)."""

    def _relative_path(self, name):
        return os.path.relpath(safe_join(self.location, name), self.location)

    def path(self, name):
        raise NotImplementedError("This storage has no local paths.")


@pytest.fixture
def fresh_storage(settings):
    """An empty file storage for this test alone (the test settings' one lives as long as
    the process), so stored files can be counted."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.security.conftest.RemoteStorage"},
    }
