"""What translators may not do to English content even though Wagtail's page permissions
(edit and publish) would let them: delete a translation, or read visitors' feedback."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from feedback.factories import FeedbackFormPageFactory, add_feedback_fields
from localisation.roles import ADMINISTRATORS, COMMUNICATORS, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

ENGLISH_FEEDBACK = "Confidential feedback from an English visitor"


@pytest.fixture
def english_feedback_page(home, english, roles):
    """The English translation of the feedback form with one submission."""
    finnish = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(finnish)
    finnish.save_revision().publish()
    page = finnish.copy_for_translation(english)
    page.save_revision().publish()
    message = page.get_form_fields().get(field_type="multiline")
    page.get_submission_class().objects.create(
        page=page, form_data={message.clean_name: ENGLISH_FEEDBACK}
    )
    return page


def test_a_translator_cannot_delete_a_translated_page(client, sign_in, english_page):
    sign_in(TRANSLATORS)
    url = reverse("wagtailadmin_pages:delete", args=[english_page.pk])

    confirm = client.get(url, follow=True)
    client.post(url)

    assert "Translations are not deleted one by one" in confirm.content.decode()
    assert Page.objects.filter(pk=english_page.pk).exists()


def test_a_translator_cannot_bulk_delete_translated_pages(client, sign_in, english_page):
    sign_in(TRANSLATORS)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])

    client.post(f"{url}?id={english_page.pk}&childOf={english_page.get_parent().pk}")

    assert Page.objects.filter(pk=english_page.pk).exists()


def test_an_administrator_may_delete_a_translated_page(client, sign_in, english_page):
    sign_in(ADMINISTRATORS)

    client.post(reverse("wagtailadmin_pages:delete", args=[english_page.pk]))

    assert not Page.objects.filter(pk=english_page.pk).exists()


@pytest.mark.parametrize(
    ("role", "sees"),
    [(TRANSLATORS, False), (COMMUNICATORS, True), (MODERATORS, True), (ADMINISTRATORS, True)],
)
def test_english_feedback_is_read_by_those_who_answer_for_the_content(
    client, sign_in, english_feedback_page, role, sees
):
    sign_in(role)

    response = client.get(
        reverse("wagtailforms:list_submissions", args=[english_feedback_page.pk]), follow=True
    )

    assert (ENGLISH_FEEDBACK in response.content.decode()) is sees
