"""Refusals are explained in the reader's admin language (issue 14, item 9): a Finnish
translator who tries to unpublish or delete a Finnish page reads why not in Finnish."""

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from localisation.roles import TRANSLATORS
from tests.admin_language import english_words, visible_text


@pytest.fixture
def finnish_translator(sign_in):
    user = sign_in(TRANSLATORS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    return user


@pytest.mark.parametrize(
    ("action", "refusal"),
    [
        ("unpublish", "Sinulla ei ole oikeutta poistaa tätä sivua julkaisusta"),
        ("delete", "Oikeutesi eivät riitä tämän sivun poistamiseen"),
    ],
)
def test_a_bulk_action_on_a_finnish_page_is_refused_in_finnish(
    client, finnish_translator, published_page, action, refusal
):
    response = client.get(f"/admin/bulk/wagtailcore/page/{action}/?id={published_page.pk}")

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert refusal in html.select_one("main").get_text(" ", strip=True)
    assert not english_words(visible_text(response.content), allow=[published_page.title])


def test_opening_a_finnish_pages_unpublish_view_is_refused_in_finnish(
    client, finnish_translator, published_page
):
    response = client.get(f"/admin/pages/{published_page.pk}/unpublish/", follow=True)

    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == ["Pahoittelut, mutta sinulla ei ole pääsyä tähän osioon."]
