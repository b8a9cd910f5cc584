"""A translator whose admin is in Finnish opens wagtail-localize's translation editor, a
React app whose texts come from its JavaScript catalogue (and two it writes in English,
which localisation/static/localisation/js/translation-editor-language.js translates): what
the browser shows holds no English (tests/admin_language.py)."""

import pytest

from localisation.roles import TRANSLATORS
from tests.admin_language import english_words


@pytest.fixture
def translated_page():
    """A Finnish page with its English translation; the English texts use no word of the
    detector's list, so whatever it finds is the interface's."""
    import io

    from django.core.management import call_command
    from wagtail.models import Locale, Site
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    from home.factories import StandardPageFactory
    from home.models import HomePage

    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    call_command("setup_localisation", stdout=io.StringIO())
    home = HomePage.objects.get(locale__language_code="fi")
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", summary="Meistä.")
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    texts = {"Tietoa": "Lapland", "tietoa": "lapland", "Meistä.": "Arctic region."}
    # Transactional: publishing has already run its on-commit work, so the translation
    # may exist; translate its segments and publish it as a translator would.
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=english)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={"data": texts.get(segment.string.data, segment.string.data)},
        )
    translation.save_target(publish=True)
    return page.get_translation(english)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_translation_editor_speaks_finnish_to_a_finnish_translator(
    live_server, sign_in, screenshots, translated_page, expect
):
    page = sign_in("kaantaja", TRANSLATORS)
    page.goto(f"{live_server.url}/admin/pages/{translated_page.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("section h3").first).to_have_text("Käännös: suomi → englanti")
    expect(page.locator("footer")).to_contain_text("Julkaise kieliversio: englanti")
    page.screenshot(path=str(screenshots / "translation-editor-fi-1280.png"), full_page=True)

    assert english_words(page.inner_text("body"), allow=["Lapland"]) == []
