"""Making English translations in tests the way wagtail-localize makes them."""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(obj, english, capture, **english_fields):
    """The English translation of a page or snippet, with `english_fields` set on it.

    `capture` is pytest-django's django_capture_on_commit_callbacks: wagtail-localize
    publishes a translated page when the transaction commits.
    """
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    with capture(execute=True):
        Translation.objects.create(source=source, target_locale=english).save_target()
    translation = obj.get_translation(english)
    if english_fields:
        for name, value in english_fields.items():
            setattr(translation, name, value)
        if hasattr(translation, "save_revision"):  # a page: publish the English texts
            with capture(execute=True):
                translation.save_revision().publish()
        else:
            translation.save()
    return translation


def translate_segments(obj, english, capture, texts):
    """Submit a Finnish page or snippet for translation and publish it as a translator's
    finished job: each segment translated from `texts` (segments not in it are copied).
    Returns the Translation."""
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    # A published page may have been submitted already (localisation/sync.py).
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=english, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=texts.get(segment.string.data, segment.string.data),
        )
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation
