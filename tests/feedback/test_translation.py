"""The English feedback form is a wagtail-localize translation of the Finnish one."""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail_localize.models import StringSegment, TranslationSource

from feedback.forms import HONEYPOT_FIELD
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_translators_get_the_labels_help_texts_and_choices_but_not_the_addresses(
    feedback_page,
):
    feedback_page.to_address = "palaute@example.fi"
    feedback_page.subject = "Uutta palautetta"
    feedback_page.save()

    source, _ = TranslationSource.get_or_create_from_instance(feedback_page)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))

    assert {
        "Aihe",
        "Sivuston sisältö, Saavutettavuus, Muu asia",
        "Viesti",
        "Enintään 4000 merkkiä.",
        "Nimi",
        "Sähköposti",
        "Palautteesi auttaa meitä parantamaan sivustoa.",
        "Kiitos palautteestasi!",
    } <= texts
    assert not texts & {"palaute@example.fi", "Uutta palautetta", "aihe", "viesti", "sahkoposti"}


def test_english_visitor_sees_english_labels_and_choices(client, english_feedback_page):
    response = client.get(english_feedback_page.url)
    html = response.content.decode()

    assert english_feedback_page.url == "/en/feedback/"
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Your feedback helps us improve the site." in html
    assert '<legend class="form-field__label">Topic</legend>' in html
    assert 'value="Something else"' in html
    assert 'for="id_viesti">Message <span' in html
    assert "At most 4,000 characters." in html
    assert parse(html).select_one('input[type="email"]')["autocomplete"] == "email"
    assert "Viesti" not in html and "Saavutettavuus" not in html


def test_field_names_stay_the_same_in_every_language(feedback_page, english_feedback_page):
    finnish = list(feedback_page.form_fields.values_list("clean_name", flat=True))
    english = list(english_feedback_page.form_fields.values_list("clean_name", flat=True))

    assert english == finnish == ["aihe", "viesti", "nimi", "sahkoposti"]


def test_english_feedback_is_stored_and_confirmed_in_english(client, english_feedback_page):
    response = client.post(
        english_feedback_page.url,
        {"aihe": "Accessibility", "viesti": "Great site.", HONEYPOT_FIELD: ""},
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Thank you for your feedback!" in html
    assert "Kiitos" not in html
    submission = FormSubmission.objects.get()
    assert submission.page_id == english_feedback_page.pk
    assert submission.form_data["aihe"] == "Accessibility"


def test_english_form_refuses_the_finnish_choice(client, english_feedback_page):
    response = client.post(english_feedback_page.url, {"aihe": "Saavutettavuus", "viesti": "x"})

    assert "aihe" in response.context["form"].errors
    assert not FormSubmission.objects.exists()
