"""After saving a snippet the editor lands on its listing in the language they worked in,
filtered by Wagtail's own language filter, with no hidden error."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from core.factories import OrganisationFactory
from localisation.roles import COMMUNICATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def communicator(client, home, django_user_model):
    call_command("setup_localisation", stdout=io.StringIO())
    user = django_user_model.objects.create_user("viestija", "v@example.fi", "x")
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    client.force_login(user)
    return user


def listed_names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(
        link.get_text(strip=True) for link in soup.select("tbody td.title .title-wrapper a")
    )


def test_saving_a_finnish_snippet_returns_to_the_finnish_listing(client, communicator, english):
    lapland = OrganisationFactory(name="Lapin liitto")
    lapland.copy_for_translation(english).save()  # "Lapin liitto" listed twice if unfiltered
    OrganisationFactory(name="Digipolis")

    response = client.post(
        reverse("wagtailsnippets_core_organisation:add"),
        {"name": "Lapin yliopisto", "short_name": "", "kind": "university", "website": ""},
        follow=True,
    )

    assert response.redirect_chain[-1][0].endswith("?locale=fi")
    assert listed_names(response) == ["Digipolis", "Lapin liitto", "Lapin yliopisto"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select(".error-message, .w-field--error, .errorlist")
