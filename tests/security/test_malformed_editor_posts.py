"""A form post that no editor's browser could send is refused with 400 and changes nothing;
any other failure stays a server error."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from home.factories import StandardPageFactory
from tests.editor_forms import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", summary="Ennallaan.")


def post_edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_streamfield_without_its_block_count_is_a_bad_request(admin_client, page):
    data = page_form(page, summary="Muutettu")
    del data["body-count"]

    revisions = page.revisions.count()

    response = post_edit(admin_client, page, data)

    assert response.status_code == 400
    assert page.revisions.count() == revisions
    page.refresh_from_db()
    assert page.summary == "Ennallaan."
    assert not page.has_unpublished_changes


def test_raw_html_where_the_rich_text_editor_posts_json_is_a_bad_request(admin_client, page):
    data = page_form(
        page, summary="Muutettu", body=streamfield([("paragraph", "<p>Suoraan HTML:ää</p>")])
    )

    revisions = page.revisions.count()

    response = post_edit(admin_client, page, data)

    assert response.status_code == 400
    assert page.revisions.count() == revisions


def test_other_failures_while_saving_stay_server_errors(admin_client, page, monkeypatch):
    """The 400 is only for data read by a form widget; a bug elsewhere must still show."""
    from home.models import StandardPage

    def broken(self, *args, **kwargs):
        raise ValueError("a bug, not the editor's input")

    monkeypatch.setattr(StandardPage, "full_clean", broken)
    admin_client.raise_request_exception = False

    response = post_edit(admin_client, page, page_form(page, summary="Muutettu"))

    assert response.status_code == 500
