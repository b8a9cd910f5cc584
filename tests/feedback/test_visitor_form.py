"""A visitor sends feedback: stored on success, clear errors otherwise, never a 500."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.contrib.forms.models import FormSubmission

from feedback.forms import HONEYPOT_FIELD, MULTI_LINE_MAX_LENGTH
from tests.html import checked_values, parse, text

pytestmark = pytest.mark.django_db


def submit(client, page, data):
    return client.post(page.url, data)


def test_visitor_sees_the_form_with_a_label_for_every_input(client, feedback_page):
    response = client.get(feedback_page.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "feedback/feedback_form_page.html"
    assert "Palautteesi auttaa meitä parantamaan sivustoa." in html
    assert '<legend class="form-field__label">Aihe</legend>' in html
    for name in ("viesti", "nimi", "sahkoposti"):
        assert f'for="id_{name}"' in html and f'id="id_{name}"' in html
    label = parse(html).select_one('label.form-field__label[for="id_viesti"]')
    assert label.contents[0] == "Viesti " and label.contents[1].name == "span"
    assert 'maxlength="4000"' in html
    assert 'aria-describedby="id_viesti_helptext"' in html
    assert 'id="id_viesti_helptext"' in html


def test_valid_feedback_is_stored_and_thanked_for(client, feedback_page, answers):
    response = submit(client, feedback_page, answers)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "feedback/feedback_form_page_landing.html"
    assert "Kiitos palautteestasi!" in response.content.decode()
    submission = FormSubmission.objects.get(page=feedback_page)
    assert submission.form_data == answers


def test_optional_fields_may_be_left_empty(client, feedback_page):
    submit(client, feedback_page, {"viesti": "Pelkkä viesti."})

    data = FormSubmission.objects.get().form_data
    assert data == {"aihe": "", "viesti": "Pelkkä viesti.", "nimi": "", "sahkoposti": ""}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"viesti": ""}, "viesti", "Tämä kenttä vaaditaan."),
        ({"viesti": "   "}, "viesti", "Tämä kenttä vaaditaan."),
        ({"sahkoposti": "maija(at)example"}, "sahkoposti", "Syötä kelvollinen sähköpostiosoite."),
        (
            {"viesti": "x" * (MULTI_LINE_MAX_LENGTH + 1)},
            "viesti",
            "enintään 4000 merkkiä pitkä (tällä hetkellä 4001)",
        ),
        ({"nimi": "n" * 256}, "nimi", "enintään 255 merkkiä pitkä"),
        ({"aihe": "Jotain muuta"}, "aihe", "Valitse oikea vaihtoehto."),
    ],
)
def test_invalid_feedback_is_shown_again_with_errors_and_not_stored(
    client, feedback_page, answers, changes, field, message
):
    response = submit(client, feedback_page, {**answers, **changes})
    html = response.content.decode()

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "feedback/feedback_form_page.html"
    assert not FormSubmission.objects.exists()
    # The summary at the top is announced and links to the field; the field's own error
    # is tied to its input.
    page = parse(html)
    summary = page.select_one('div.error-summary[role="alert"]')
    assert summary and message in text(summary)
    target = f"id_{field}_0" if field == "aihe" else f"id_{field}"
    assert f"#{target}" in [link["href"] for link in summary.select("a[href]")]
    assert f'id="{target}"' in html
    assert f'id="id_{field}_error"' in html
    described = [
        element["aria-describedby"].split() for element in page.select("[aria-describedby]")
    ]
    assert any(f"id_{field}_error" in ids for ids in described)
    if field != "aihe":
        invalid = page.select_one(f"#id_{field}")
        assert invalid.name in ("input", "textarea") and invalid.get("aria-invalid") == "true"
    with translation.override("fi"):
        error = pgettext("prefix of the page title when a form has errors", "Error")
    assert f"<title>{error}: Palaute" in html


def test_values_typed_are_kept_when_the_form_comes_back(client, feedback_page, answers):
    response = submit(client, feedback_page, {**answers, "sahkoposti": "ei-osoite"})
    html = response.content.decode()

    assert 'value="ei-osoite"' in html
    assert "Hakusivun suodattimet ovat hyödyllisiä.</textarea>" in html
    assert "Saavutettavuus" in checked_values(html, "aihe")
    assert response.context["form"].errors.keys() == {"sahkoposti"}


def test_a_bot_that_fills_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client, feedback_page, answers, settings
):
    settings.EMAIL_HOST = "smtp.example.fi"
    feedback_page.to_address = "palaute@example.fi"
    feedback_page.save()

    response = submit(client, feedback_page, {**answers, HONEYPOT_FIELD: "http://spam.example"})

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "feedback/feedback_form_page_landing.html"
    assert "Kiitos palautteestasi!" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_a_bot_is_thanked_even_when_the_rest_of_its_form_is_invalid(client, feedback_page):
    response = submit(client, feedback_page, {HONEYPOT_FIELD: "buy now", "sahkoposti": "x"})

    assert "Kiitos palautteestasi!" in response.content.decode()
    assert "error-summary" not in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, feedback_page):
    html = client.get(feedback_page.url).content.decode()

    trap = parse(html).select_one('div.feedback-form__trap[aria-hidden="true"]')
    assert trap, "the trap must sit in an aria-hidden container"
    label = trap.select_one(f'label[for="id_{HONEYPOT_FIELD}"]')
    assert label and label.get_text() == "Jätä tämä kenttä tyhjäksi"
    field = trap.select_one(f'input[name="{HONEYPOT_FIELD}"]')
    assert field["tabindex"] == "-1" and field["autocomplete"] == "off"


def test_an_empty_honeypot_is_not_stored_with_the_answers(client, feedback_page, answers):
    submit(client, feedback_page, {**answers, HONEYPOT_FIELD: ""})

    assert HONEYPOT_FIELD not in FormSubmission.objects.get().form_data


def test_a_megabyte_message_gets_an_error_not_a_crash(client, feedback_page, answers):
    response = submit(client, feedback_page, {**answers, "viesti": "ä" * 1_000_000})

    assert response.status_code == 200
    assert "viesti" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_a_post_over_the_upload_limit_is_refused_with_400(client, feedback_page, answers):
    response = submit(client, feedback_page, {**answers, "viesti": "x" * 3_000_000})

    assert response.status_code == 400
    assert not FormSubmission.objects.exists()


def test_unknown_fields_are_ignored_and_not_stored(client, feedback_page, answers):
    response = submit(client, feedback_page, {**answers, "is_admin": "1", "page": "7"})

    assert response.status_code == 200
    assert FormSubmission.objects.get().form_data == answers


def test_null_characters_are_refused(client, feedback_page, answers):
    response = submit(client, feedback_page, {**answers, "viesti": "a\x00b"})

    assert response.status_code == 200
    assert "viesti" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_a_list_where_one_value_is_expected_is_handled(client, feedback_page, answers):
    response = client.post(feedback_page.url, {**answers, "aihe": ["Saavutettavuus", "Muu asia"]})

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_refused_with_405(client, feedback_page, method):
    response = getattr(client, method)(feedback_page.url, "viesti=x")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"
    assert not FormSubmission.objects.exists()


def test_options_lists_the_methods_the_form_answers(client, feedback_page):
    response = client.options(feedback_page.url)

    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"


def test_head_answers_like_get(client, feedback_page):
    assert client.head(feedback_page.url).status_code == 200


def test_landing_page_without_thank_you_text_still_thanks(client, feedback_page, answers):
    feedback_page.thank_you_text = ""
    feedback_page.save()

    html = submit(client, feedback_page, answers).content.decode()

    with translation.override("fi"):
        thanks = gettext("Thank you for your feedback.")
    first = parse(html).select_one("div.feedback-thanks > :first-child")
    assert first.name == "p" and first.get_text() == thanks


@pytest.mark.parametrize("failing_step", ["thank-you page", "after the thank-you page"])
def test_feedback_meeting_a_database_outage_is_not_stored_so_a_retry_is_not_a_duplicate(
    client, feedback_page, answers, monkeypatch, settings, failing_step
):
    """The database fails after the answers were written: the visitor is told to try again,
    so nothing may be kept (found by a penetration test: the retry stored a second copy)."""
    from django.db import OperationalError
    from django.template.response import TemplateResponse

    from feedback.models import FeedbackFormPage

    render = TemplateResponse.render

    def render_fails(response):
        raise OperationalError("server closed the connection unexpectedly")

    if failing_step == "thank-you page":
        monkeypatch.setattr(TemplateResponse, "render", render_fails)
    else:
        landing = FeedbackFormPage.render_landing_page

        def landing_then_failure(self, request, *args, **kwargs):
            landing(self, request, *args, **kwargs)
            raise OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(FeedbackFormPage, "render_landing_page", landing_then_failure)
    client.raise_request_exception = False

    response = client.post(feedback_page.url, {**answers, HONEYPOT_FIELD: ""})

    monkeypatch.setattr(TemplateResponse, "render", render)
    assert response.status_code >= 500
    assert FormSubmission.objects.count() == 0
