"""A Finnish page that is deleted or unpublished takes its other-language versions with it:
the moderator's dialog names them, and afterwards no English page, placeholder, sitemap entry
or listing is left behind."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from home.factories import StandardPageFactory
from localisation.roles import MODERATORS
from tests.sitemaps import client_fetch, sitemap_entries

pytestmark = pytest.mark.django_db


def sitemap_locations(client):
    return set(sitemap_entries(client_fetch(client)))


def test_the_delete_dialog_names_the_translation_that_goes_with_the_page(
    client, sign_in, published_page, english_page
):
    sign_in(MODERATORS)

    response = client.get(reverse("wagtailadmin_pages:delete", args=[published_page.pk]))

    listed = BeautifulSoup(response.content, "html.parser").select("[data-deleted-with] li")
    assert [" ".join(item.get_text().split()) for item in listed] == [
        f"About (English) {english_page.url}"
    ]


def test_deleting_a_finnish_page_deletes_its_english_translation(
    client, sign_in, published_page, english_page
):
    finnish_url = published_page.url
    assert client.get(english_page.url).status_code == 200
    sign_in(MODERATORS)

    client.post(reverse("wagtailadmin_pages:delete", args=[published_page.pk]))

    assert not Page.objects.filter(translation_key=english_page.translation_key).exists()
    client.logout()
    assert client.get(finnish_url).status_code == 404
    assert client.get(english_page.url).status_code == 404
    assert not {loc for loc in sitemap_locations(client) if loc.endswith(("/tietoa/", "/about/"))}


def test_bulk_deleting_a_finnish_page_deletes_its_english_translation(
    client, sign_in, published_page, english_page
):
    sign_in(MODERATORS)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    parent = published_page.get_parent()

    client.post(f"{url}?id={published_page.pk}&childOf={parent.pk}")

    assert not Page.objects.filter(translation_key=english_page.translation_key).exists()


def test_unpublishing_a_finnish_page_unpublishes_its_english_translation(
    client, sign_in, published_page, english_page
):
    sign_in(MODERATORS)

    client.post(reverse("wagtailadmin_pages:unpublish", args=[published_page.pk]))

    english_url = english_page.url
    english_page.refresh_from_db()
    assert not english_page.live
    client.logout()
    assert client.get(english_url).status_code == 404


def test_deleting_a_draft_leaves_no_placeholder_to_take_its_slug(client, sign_in, home, english):
    """wagtail-localize gives a new page a placeholder in English at once; deleting the draft
    deletes the placeholder, so the next page with that name gets the same slug there."""
    sign_in(MODERATORS)
    draft = StandardPageFactory(parent=home, title="Uusi sivu", slug="uusi-sivu", live=False)
    placeholder = draft.copy_for_translation(english, copy_parents=True, alias=True)

    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))

    assert not Page.objects.filter(pk=placeholder.pk).exists()
    again = StandardPageFactory(parent=home, title="Uusi sivu", slug="uusi-sivu")
    assert again.copy_for_translation(english, alias=True).slug == "uusi-sivu"
