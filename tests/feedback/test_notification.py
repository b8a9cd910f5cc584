"""Staff get an e-mail about new feedback only when the page has a to-address and the site
has an SMTP server (EMAIL_HOST); otherwise the feedback is just stored."""

import smtplib

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

pytestmark = pytest.mark.django_db

SMTP = override_settings(EMAIL_HOST="smtp.example.fi")


@pytest.fixture(autouse=True)
def posts_commit(client, django_capture_on_commit_callbacks, monkeypatch):
    """Each post ends as a real request's transaction does: the mail goes after the commit."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    monkeypatch.setattr(client, "post", post_and_commit)


@pytest.fixture
def notifying_page(feedback_page):
    feedback_page.to_address = "palaute@example.fi, toinen@example.fi"
    feedback_page.save()
    return feedback_page


@SMTP
def test_staff_are_emailed_the_answers_when_smtp_and_a_to_address_are_set(
    client, notifying_page, answers
):
    client.post(notifying_page.url, answers)

    [message] = mail.outbox
    assert message.to == ["palaute@example.fi", "toinen@example.fi"]
    assert message.reply_to == ["maija@example.fi"]  # staff answer the visitor directly
    assert message.from_email == "arcticsmartness@lapinliitto.fi"
    assert "Palaute" in message.subject and "\n" not in message.subject
    for text in ("Viesti:\nHakusivun suodattimet ovat hyödyllisiä.", "Aihe:\nSaavutettavuus"):
        assert text in message.body
    submission_list = f"http://testserver/admin/forms/submissions/{notifying_page.pk}/"
    assert submission_list in message.body
    assert FormSubmission.objects.count() == 1


@SMTP
def test_the_editors_subject_and_from_address_are_used(client, notifying_page, answers):
    notifying_page.subject = "Uutta palautetta"
    notifying_page.from_address = "sivusto@example.fi"
    notifying_page.save()

    client.post(notifying_page.url, answers)

    assert mail.outbox[0].subject == "Uutta palautetta"
    assert mail.outbox[0].from_email == "sivusto@example.fi"


@SMTP
def test_without_an_email_answer_there_is_no_reply_to(client, notifying_page, answers):
    client.post(notifying_page.url, {**answers, "sahkoposti": ""})

    assert mail.outbox[0].reply_to == []


def test_no_email_without_an_smtp_server_but_the_feedback_is_stored(
    client, notifying_page, answers, settings
):
    settings.EMAIL_HOST = ""

    response = client.post(notifying_page.url, answers)

    assert response.status_code == 200
    assert mail.outbox == []
    assert FormSubmission.objects.count() == 1


@SMTP
def test_no_email_without_a_to_address(client, feedback_page, answers):
    client.post(feedback_page.url, answers)

    assert mail.outbox == []
    assert FormSubmission.objects.count() == 1


@SMTP
def test_no_email_for_invalid_feedback(client, notifying_page, answers):
    client.post(notifying_page.url, {**answers, "viesti": ""})

    assert mail.outbox == []


@SMTP
def test_a_failing_mail_server_does_not_lose_the_feedback(
    client, notifying_page, answers, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("connection closed")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)

    response = client.post(notifying_page.url, answers)

    assert response.status_code == 200
    assert "Kiitos palautteestasi!" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    assert "Could not e-mail the feedback" in caplog.text


@SMTP
def test_english_feedback_reaches_staff_with_the_finnish_labels(
    client, english_feedback_page, answers
):
    english_feedback_page.to_address = "palaute@example.fi"
    english_feedback_page.save()

    client.post(
        english_feedback_page.url,
        {**answers, "aihe": "Accessibility", "viesti": "The search filters are useful."},
    )

    [message] = mail.outbox
    assert "Viesti:\nThe search filters are useful." in message.body
    assert "Aihe:\nAccessibility" in message.body
    assert "Message:" not in message.body
