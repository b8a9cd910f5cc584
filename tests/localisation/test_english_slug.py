"""The English address of a translated page is English even when the translator never
opened the Promote tab."""

import pytest

from home.factories import StandardPageFactory
from tests.translations import translate_segments

pytestmark = pytest.mark.django_db

FINNISH = {"title": "Pohjoisen datatalouden kiihdyttämö", "slug": "datatalous"}


@pytest.fixture
def finnish_page(home):
    return StandardPageFactory(parent=home, **FINNISH)


def test_an_untranslated_slug_is_made_from_the_english_title(
    client, finnish_page, english, django_capture_on_commit_callbacks
):
    texts = {FINNISH["title"]: "Northern Data Economy Accelerator"}

    translate_segments(finnish_page, english, django_capture_on_commit_callbacks, texts)

    translated = finnish_page.get_translation(english)
    assert translated.slug == "northern-data-economy-accelerator"
    assert translated.url == "/en/northern-data-economy-accelerator/"
    assert client.get(translated.url).status_code == 200
    assert translated.get_latest_revision_as_object().slug == "northern-data-economy-accelerator"


def test_a_slug_the_translator_wrote_is_kept(
    finnish_page, english, django_capture_on_commit_callbacks
):
    texts = {FINNISH["title"]: "Northern Data Economy Accelerator", "datatalous": "data-economy"}

    translate_segments(finnish_page, english, django_capture_on_commit_callbacks, texts)

    assert finnish_page.get_translation(english).slug == "data-economy"
