"""Factories for feedback form pages and their fields; used by tests and demo content."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import FeedbackFormField, FeedbackFormPage


class FeedbackFormPageFactory(wagtail_factories.PageFactory):
    title = "Palaute"
    slug = "palaute"
    summary = "Kerro meille, mitä pidät sivustosta."
    intro = "<p>Palautteesi auttaa meitä parantamaan sivustoa.</p>"
    thank_you_text = "<p>Kiitos palautteestasi!</p>"

    class Meta:
        model = FeedbackFormPage


class FeedbackFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(FeedbackFormPageFactory)
    sort_order = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"Kysymys {n}")
    field_type = "singleline"
    required = False

    class Meta:
        model = FeedbackFormField


def add_feedback_fields(page):
    """The usual questions: a topic, a required message, an optional name and e-mail."""
    fields = [
        FeedbackFormFieldFactory(
            page=page,
            label="Aihe",
            field_type="radio",
            choices="Sivuston sisältö, Saavutettavuus, Muu asia",
        ),
        FeedbackFormFieldFactory(
            page=page,
            label="Viesti",
            field_type="multiline",
            required=True,
            help_text="Enintään 4000 merkkiä.",
        ),
        FeedbackFormFieldFactory(page=page, label="Nimi"),
        FeedbackFormFieldFactory(page=page, label="Sähköposti", field_type="email"),
    ]
    return fields
