import pytest
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from feedback.factories import FeedbackFormPageFactory, add_feedback_fields

ENGLISH = {
    "Palaute": "Feedback",
    "palaute": "feedback",
    "Kerro meille, mitä pidät sivustosta.": "Tell us what you think of the site.",
    "Palautteesi auttaa meitä parantamaan sivustoa.": "Your feedback helps us improve the site.",
    "Kiitos palautteestasi!": "Thank you for your feedback!",
    "Aihe": "Topic",
    "Sivuston sisältö, Saavutettavuus, Muu asia": "Site content, Accessibility, Something else",
    "Viesti": "Message",
    "Enintään 4000 merkkiä.": "At most 4,000 characters.",
    "Nimi": "Name",
    "Sähköposti": "Email",
}


@pytest.fixture
def feedback_page(home):
    """A published Finnish feedback form with a topic, a required message, name and e-mail."""
    page = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(page)
    return page


@pytest.fixture
def translate(english, django_capture_on_commit_callbacks):
    """Translate a Finnish page into English as a finished wagtail-localize job."""

    def translate(obj, texts=ENGLISH):
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation = Translation.objects.create(source=source, target_locale=english, enabled=True)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=texts[segment.string.data],
            )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return obj.get_translation(english).specific

    return translate


@pytest.fixture
def english_feedback_page(feedback_page, translate):
    return translate(feedback_page)


@pytest.fixture
def answers():
    """A visitor's valid answers to the feedback page's form, keyed by field name."""
    return {
        "aihe": "Saavutettavuus",
        "viesti": "Hakusivun suodattimet ovat hyödyllisiä.",
        "nimi": "Maija Meikäläinen",
        "sahkoposti": "maija@example.fi",
    }
