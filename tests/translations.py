"""Making English translations in tests the way wagtail-localize makes them."""

from wagtail_localize.models import Translation, TranslationSource


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
