"""The translation editor says when each segment was translated, without English month
names in a Finnish session."""

from django.utils import timezone, translation
from wagtail_localize.models import StringTranslation

from home.factories import StandardPageFactory
from tests.translations import translate_segments


def test_a_segment_says_when_it_was_translated_in_numbers(
    home, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, title="Tietoa", summary="Meistä.")
    translate_segments(page, english, django_capture_on_commit_callbacks, {"Meistä.": "About."})
    segment = StringTranslation.objects.get(data="About.")
    segment.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL  # as the editor saves
    day = timezone.now()

    with translation.override("fi"):
        comment = segment.get_comment()

    assert comment == f"Käännetty manuaalisesti {day.day}.{day.month}.{day.year}"
