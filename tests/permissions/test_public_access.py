"""What an anonymous visitor can never reach: private pages, previews and drafts."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from tests.editor_forms import page_form
from tests.sitemaps import client_fetch, sitemap_entries

from .conftest import DRAFT_TEXT

pytestmark = pytest.mark.django_db

SECRET = "Vain kirjautuneille tarkoitettu sisältö"


@pytest.fixture
def private_pages(home):
    """A page for signed-in users only and a password-protected one."""
    for_members = StandardPageFactory(
        parent=home, title="Sisäinen", slug="sisainen", summary=SECRET
    )
    PageViewRestriction.objects.create(page=for_members, restriction_type=PageViewRestriction.LOGIN)
    with_password = StandardPageFactory(
        parent=home, title="Suojattu", slug="suojattu", summary=SECRET
    )
    PageViewRestriction.objects.create(
        page=with_password, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    return for_members, with_password


def test_anonymous_visitor_is_asked_to_sign_in_for_a_login_only_page(client, private_pages):
    for_members, _with_password = private_pages
    response = client.get(for_members.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert SECRET not in client.get(for_members.url, follow=True).content.decode()


@pytest.mark.parametrize(
    ("next_page", "lands_on"), [(None, "/"), ("/sisainen/", "/sisainen/"), ("//evil.example/", "/")]
)
def test_signing_in_leads_to_the_page_asked_for_or_home(
    client, private_pages, django_user_model, next_page, lands_on
):
    """Without a `next` (or with one pointing elsewhere) Django sent people to
    /accounts/profile/, which does not exist here."""
    django_user_model.objects.create_user("jasen", "jasen@example.fi", "Salasana-123")
    form = {"username": "jasen", "password": "Salasana-123"}
    if next_page:
        form["next"] = next_page

    response = client.post(reverse("wagtailcore_login"), form)

    assert response.status_code == 302
    assert response["Location"] == lands_on
    assert client.get(lands_on).status_code == 200


def test_anonymous_visitor_gets_a_password_form_not_the_content(client, private_pages):
    _for_members, with_password = private_pages
    response = client.get(with_password.url)
    html = response.content.decode()
    assert 'type="password"' in html
    assert SECRET not in html


def test_private_pages_stay_out_of_search_and_the_sitemap(client, private_pages):
    assert SECRET not in client.get("/haku/?q=kirjautuneille").content.decode()
    listed = sitemap_entries(client_fetch(client))
    assert listed, "the sitemap lists the public pages"
    assert not [address for address in listed if "/sisainen/" in address or "/suojattu/" in address]


def test_draft_content_is_never_on_the_public_page(client, published_page):
    response = client.get(published_page.url)
    assert response.status_code == 200
    assert "Julkaistu." in response.content.decode()
    assert DRAFT_TEXT not in response.content.decode()


def test_anonymous_visitor_cannot_open_a_preview_or_a_draft(client, published_page):
    login = reverse("wagtailadmin_login")
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[published_page.id])
    for response in [
        client.get(reverse("wagtailadmin_pages:view_draft", args=[published_page.id])),
        client.post(preview, page_form(published_page, summary="Vuotanut esikatselu")),
        client.get(preview),
    ]:
        assert response.status_code == 302
        assert response["Location"].startswith(login)
        assert DRAFT_TEXT not in response.content.decode()
