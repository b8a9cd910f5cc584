"""Editors build the form in the admin and read the submissions under Forms."""

import pytest
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from feedback.forms import HONEYPOT_FIELD
from feedback.models import FeedbackFormField, FeedbackFormPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


class TreeRules(WagtailPageTestCase):
    def test_the_form_lives_under_the_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(FeedbackFormPage, {HomePage})
        self.assertAllowedSubpageTypes(FeedbackFormPage, {})


def test_admin_lists_the_submissions_without_the_honeypot(
    client, admin_client, feedback_page, answers
):
    client.post(feedback_page.url, {**answers, HONEYPOT_FIELD: ""})
    client.post(feedback_page.url, {**answers, "viesti": "Roskaa", HONEYPOT_FIELD: "spam"})

    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[feedback_page.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Hakusivun suodattimet ovat hyödyllisiä." in html
    assert "maija@example.fi" in html
    assert "Roskaa" not in html
    assert HONEYPOT_FIELD not in html
    assert FormSubmission.objects.count() == 1


def test_the_forms_menu_lists_the_feedback_page(admin_client, feedback_page):
    response = admin_client.get(reverse("wagtailforms:index"))

    assert response.status_code == 200
    assert reverse("wagtailforms:list_submissions", args=[feedback_page.pk]) in (
        response.content.decode()
    )


def test_visitors_cannot_read_the_submissions(client, feedback_page):
    response = client.get(reverse("wagtailforms:list_submissions", args=[feedback_page.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def form_page_data(fields, **changes):
    return nested_form_data(
        {
            "title": "Palaute",
            "slug": "palaute",
            "summary": "",
            "intro": rich_text("<p>Kerro meille.</p>"),
            "thank_you_text": rich_text("<p>Kiitos!</p>"),
            "form_fields": inline_formset(fields, min=1),
            "to_address": "",
            "from_address": "",
            "subject": "",
            **changes,
        }
    )


def test_editor_can_create_a_feedback_form(home, admin_client):
    case = WagtailPageTestCase()
    case.client = admin_client
    case.assertCanCreate(
        home,
        FeedbackFormPage,
        form_page_data(
            [
                {"label": "Viesti", "field_type": "multiline", "required": "on"},
                {"label": "Sähköposti", "field_type": "email"},
            ]
        ),
    )
    page = FeedbackFormPage.objects.get()
    assert list(page.form_fields.values_list("clean_name", "locale__language_code")) == [
        ("viesti", "fi"),
        ("sahkoposti", "fi"),
    ]


def test_editor_is_told_a_label_is_reserved_by_the_spam_trap(home, admin_client):
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["feedback", "feedbackformpage", home.pk]),
        form_page_data([{"label": "Extra info", "field_type": "singleline"}]),
    )

    assert response.status_code == 200
    assert "This label is reserved by the spam protection" in response.content.decode()
    assert not FeedbackFormField.objects.exists()


def test_editor_is_told_when_a_to_address_is_not_an_email_address(home, admin_client):
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["feedback", "feedbackformpage", home.pk]),
        form_page_data(
            [{"label": "Viesti", "field_type": "multiline"}], to_address="palaute(at)lapinliitto"
        ),
    )

    assert response.status_code == 200
    assert not FeedbackFormPage.objects.exists()
