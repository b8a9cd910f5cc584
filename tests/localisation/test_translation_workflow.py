"""The translation workflow as communicators and translators live it.

Communicators write and publish Finnish; translators produce English in wagtail-localize.
Publishing a Finnish page (or saving a Finnish snippet) refreshes what translators see at
once, the English page stays as it was until a translator publishes, and the translation
backlog report tells everyone what is waiting.

wagtail-localize publishes a translated page in `transaction.on_commit`, and so does the
sync-on-publish, so every publication here happens inside
`django_capture_on_commit_callbacks(execute=True)`.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
)
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.factories import OrganisationFactory
from core.models import Organisation
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from localisation.report import translation_backlog
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectGoal, ProjectPage, ProjectWorkPackage

pytestmark = pytest.mark.django_db

# What the translator types for each Finnish text of the project used here.
ENGLISH = {
    "Hankkeet": "Projects",
    "hankkeet": "projects",
    "Kestävää kasvua Lappiin": "Sustainable Growth for Lapland",
    "kestavaa-kasvua-lappiin": "sustainable-growth-for-lapland",
    "Hanke vahvistaa yritysten yhteistyötä.": "The project strengthens cooperation of companies.",
    "Tausta": "Background",
    "Lapin teollisuus kasvaa nopeasti.": "Industry in Lapland is growing fast.",
    "Hanke kokoaa yritykset yhteen.": "The project brings companies together.",
    "Lisätä yhteistyötä.": "Increase cooperation.",
    "Vahvistaa osaamista.": "Strengthen skills.",
    "Viestintä": "Communication",
    "Hanke viestii tuloksistaan.": "The project communicates its results.",
    # The communicator's edit.
    "Hanke kokoaa yritykset ja tutkijat yhteen.": (
        "The project brings companies and researchers together."
    ),
    "Luoda uusia työpaikkoja.": "Create new jobs.",
}
CHANGED_PARAGRAPH = "Hanke kokoaa yritykset ja tutkijat yhteen."
NEW_GOAL = "Luoda uusia työpaikkoja."


# --- Helpers: what a translator and a communicator do -------------------------------------


def untranslated_segments(translation):
    """The source's segments that have no translation in the target language yet."""
    return [
        segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        )
        if not StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
        ).exists()
    ]


def translated_texts(translation):
    """{Finnish text: English text} for the segments that are translated."""
    texts = {}
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        english = StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
        ).first()
        if english is not None:
            texts[segment.string.data] = english.data
    return texts


def type_translations(translation, english=ENGLISH):
    """Type an English text for every untranslated segment, as in the translation editor."""
    for segment in untranslated_segments(translation):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=english[segment.string.data],
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )


def publish_translation(translation, capture):
    with capture(execute=True):
        translation.save_target(publish=True)


def translate(obj, locale, capture, english=ENGLISH):
    """Translate `obj` completely and publish the translation (see DemoLoader.translate)."""
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    type_translations(translation, english)
    publish_translation(translation, capture)
    return translation


def translation_of(obj, locale):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(obj), target_locale=locale
    )


def english_page(page):
    """The English version of a Finnish page, fresh from the database."""
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    ).specific


def edit_and_publish(project, capture):
    """The communicator rewrites the second paragraph, adds a goal and publishes."""
    page = ProjectPage.objects.get(pk=project.pk)
    paragraph = page.body[2]
    page.body[2] = ("paragraph", RichText(f"<p>{CHANGED_PARAGRAPH}</p>"), paragraph.id)
    page.goals.add(ProjectGoal(text=NEW_GOAL, sort_order=2))
    with capture(execute=True):
        page.save_revision().publish()


def backlog(user):
    """The backlog as an English-speaking admin reads it: (title, reason, segments, link)."""
    with django_translation.override("en"):
        return {
            (item.title, str(item.reason), item.untranslated_segments, item.url)
            for item in translation_backlog(user)
        }


def superuser(django_user_model):
    return django_user_model.objects.get(username="editor")  # made by admin_client


def setup_localisation():
    call_command("setup_localisation", stdout=io.StringIO())


# --- Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def project(home, english, capture):
    """A published Finnish project, completely translated into English and published."""
    index = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory.build(
        title="Kestävää kasvua Lappiin",
        slug="kestavaa-kasvua-lappiin",
        summary="Hanke vahvistaa yritysten yhteistyötä.",
        body=[
            ("heading", {"text": "Tausta", "level": "h2"}),
            ("paragraph", RichText("<p>Lapin teollisuus kasvaa nopeasti.</p>")),
            ("paragraph", RichText("<p>Hanke kokoaa yritykset yhteen.</p>")),
        ],
    )
    project.goals = [
        ProjectGoal(text="Lisätä yhteistyötä.", sort_order=0),
        ProjectGoal(text="Vahvistaa osaamista.", sort_order=1),
    ]
    project.work_packages = [
        ProjectWorkPackage(title="Viestintä", description="Hanke viestii tuloksistaan.")
    ]
    index.add_child(instance=project)
    with capture(execute=True):
        project.save_revision().publish()
    translate(index, english, capture)
    translate(project, english, capture)
    return project


# --- Keeping translations in step --------------------------------------------------------


def test_translator_keeps_unchanged_segments_when_source_changes(project, english, client, capture):
    translation = translation_of(project, english)
    total_before, translated_before = translation.get_progress()
    assert total_before == translated_before
    source = translation.source
    extracted_at = source.last_updated_at

    edit_and_publish(project, capture)

    # Publishing refreshed the translator's copy of the source; nobody pressed "Sync".
    source.refresh_from_db()
    assert source.last_updated_at > extracted_at
    # Exactly the rewritten paragraph and the new goal wait for the translator ...
    assert {segment.string.data for segment in untranslated_segments(translation)} == {
        CHANGED_PARAGRAPH,
        NEW_GOAL,
    }
    assert translation.get_progress() == (total_before + 1, total_before - 1)
    # ... and every unchanged text still has its English.
    unchanged = [
        "Kestävää kasvua Lappiin",
        "kestavaa-kasvua-lappiin",
        "Hanke vahvistaa yritysten yhteistyötä.",
        "Tausta",
        "Lapin teollisuus kasvaa nopeasti.",
        "Lisätä yhteistyötä.",
        "Vahvistaa osaamista.",
        "Viestintä",
        "Hanke viestii tuloksistaan.",
    ]
    assert translated_texts(translation) == {finnish: ENGLISH[finnish] for finnish in unchanged}

    # The English page is untouched until the translator publishes.
    english_project = english_page(project)
    assert english_project.live
    assert [goal.text for goal in english_project.goals.all()] == [
        "Increase cooperation.",
        "Strengthen skills.",
    ]
    html = client.get(english_project.url).content.decode()
    assert "The project brings companies together." in html
    assert "researchers" not in html
    assert "Create new jobs." not in html

    type_translations(translation)
    publish_translation(translation, capture)

    english_project = english_page(project)
    html = client.get(english_project.url).content.decode()
    assert "The project brings companies and researchers together." in html
    assert "The project brings companies together." not in html
    for kept in (
        "Industry in Lapland is growing fast.",
        "Background",
        "Increase cooperation.",
        "Strengthen skills.",
        "The project communicates its results.",
    ):
        assert kept in html
    assert [goal.text for goal in english_project.goals.all()] == [
        "Increase cooperation.",
        "Strengthen skills.",
        "Create new jobs.",
    ]
    assert translation.get_progress() == (total_before + 1, total_before + 1)


def test_deleting_a_block_in_finnish_does_not_break_the_english_page(
    project, english, client, capture
):
    page = ProjectPage.objects.get(pk=project.pk)
    del page.body[1]  # "Lapin teollisuus kasvaa nopeasti."
    with capture(execute=True):
        page.save_revision().publish()

    translation = translation_of(project, english)
    total, translated = translation.get_progress()
    assert total == translated  # nothing new to translate, one segment fewer
    publish_translation(translation, capture)

    english_project = english_page(project)
    assert [block.block_type for block in english_project.body] == ["heading", "paragraph"]
    response = client.get(english_project.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Industry in Lapland is growing fast." not in html
    assert "Background" in html
    assert "The project brings companies together." in html


def test_finnish_page_made_private_is_private_in_english_when_published(project, client, capture):
    PageViewRestriction.objects.create(
        page=project, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    with capture(execute=True):
        ProjectPage.objects.get(pk=project.pk).save_revision().publish()

    english_project = english_page(project)
    assert english_project.view_restrictions.get().password == "salasana"
    html = client.get(english_project.url).content.decode()
    assert 'name="password"' in html
    assert "Industry in Lapland is growing fast." not in html


def test_republishing_without_changes_adds_nothing_to_the_backlog(
    project, capture, admin_client, django_user_model
):
    before = backlog(superuser(django_user_model))
    page = ProjectPage.objects.get(pk=project.pk)
    with capture(execute=True):
        page.save_revision().publish()
    assert backlog(superuser(django_user_model)) == before


def test_english_organisation_keeps_its_name_until_its_translation_is_saved_again(english, capture):
    names = {
        "Lapin liitto": "Regional Council of Lapland",
        "Lapin liitto kuntayhtymä": "Regional Council of Lapland joint authority",
    }
    organisation = OrganisationFactory(name="Lapin liitto")
    translation = translate(organisation, english, capture, english=names)
    english_organisation = Organisation.objects.get(
        translation_key=organisation.translation_key, locale=english
    )
    assert english_organisation.name == "Regional Council of Lapland"

    organisation.name = "Lapin liitto kuntayhtymä"
    with capture(execute=True):
        organisation.save()

    # The translator's copy follows the save at once ...
    assert [segment.string.data for segment in untranslated_segments(translation)] == [
        "Lapin liitto kuntayhtymä"
    ]
    assert translation.get_progress() == (1, 0)
    # ... while visitors keep seeing the English name that was translated.
    english_organisation.refresh_from_db()
    assert english_organisation.name == "Regional Council of Lapland"

    type_translations(translation, names)
    publish_translation(translation, capture)
    english_organisation.refresh_from_db()
    assert english_organisation.name == "Regional Council of Lapland joint authority"


# --- The backlog report ------------------------------------------------------------------


def test_backlog_lists_changed_and_untranslated_content_until_translators_publish(
    project, english, home, admin_client, django_user_model, capture
):
    user = superuser(django_user_model)
    statement = StandardPageFactory(
        parent=home, title="Saavutettavuusseloste", slug="saavutettavuusseloste"
    )
    not_translated = (
        "Saavutettavuusseloste",
        "Not translated yet",
        None,
        reverse("wagtail_localize:submit_page_translation", args=[statement.pk]),
    )
    # The project and its index are translated and unchanged: not listed.
    assert backlog(user) == {not_translated}

    edit_and_publish(project, capture)

    translator_link = reverse("wagtailadmin_pages:edit", args=[english_page(project).pk])
    changed = ("Kestävää kasvua Lappiin", "Finnish source changed", 2, translator_link)
    assert backlog(user) == {changed, not_translated}

    response = admin_client.get(reverse("translation_backlog"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kestävää kasvua Lappiin" in html
    assert "Finnish source changed" in html
    assert f'href="{translator_link}"' in html
    assert "Saavutettavuusseloste" in html
    assert "Not translated yet" in html
    assert f'href="{not_translated[3]}"' in html
    # The link opens wagtail-localize's translation editor, not the plain page editor.
    editor = admin_client.get(translator_link)
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()

    translation = translation_of(project, english)
    type_translations(translation)
    publish_translation(translation, capture)
    assert backlog(user) == {not_translated}


# --- Machine translation -----------------------------------------------------------------


def test_translator_machine_translates_the_missing_segments_and_publishes(
    home, english, admin_client, client, capture
):
    page = StandardPageFactory(
        parent=home,
        title="Anna palautetta",
        slug="anna-palautetta",
        summary="Kerro meille mielipiteesi.",
        body=[("paragraph", RichText("<p>Vastaamme kaikkiin viesteihin.</p>"))],
    )
    with capture(execute=True):
        submitted = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [english.pk]},
        )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    total, translated = translation.get_progress()
    assert total > 0 and translated == 0
    editor_url = reverse("wagtailadmin_pages:edit", args=[english_page(page).pk])

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": editor_url},
    )

    assert response.status_code == 302
    assert response.url == editor_url
    assert translation.get_progress() == (total, total)
    machine = {
        string_translation.translation_of.data: string_translation.data
        for string_translation in StringTranslation.objects.filter(
            locale=english, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        ).select_related("translation_of")
    }
    # The dummy translator of the test settings reverses the words.
    assert machine["Anna palautetta"] == "palautetta Anna"
    assert machine["Kerro meille mielipiteesi."] == "mielipiteesi. meille Kerro"
    assert machine["Vastaamme kaikkiin viesteihin."] == "viesteihin. kaikkiin Vastaamme"

    publish_translation(translation, capture)
    published = english_page(page)
    assert published.live
    assert published.title == "palautetta Anna"
    assert "viesteihin. kaikkiin Vastaamme" in client.get(published.url).content.decode()


# --- Placeholders in the English tree ----------------------------------------------------


def test_copied_finnish_page_and_its_subpages_get_english_placeholders(
    home, finnish, english, admin_client
):
    about = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    StandardPageFactory(parent=about, title="Yhteystiedot", slug="yhteystiedot")
    setup_localisation()

    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[about.pk]),
        {
            "new_title": "Tietoa meistä",
            "new_slug": "tietoa-meista",
            "new_parent_page": home.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302
    copy = Page.objects.get(locale=finnish, slug="tietoa-meista")
    english_home = HomePage.objects.get(locale=english)
    for finnish_page in copy.get_descendants(inclusive=True):
        placeholder = Page.objects.get(translation_key=finnish_page.translation_key, locale=english)
        assert placeholder.alias_of_id == finnish_page.pk
    assert english_page(copy).get_parent().pk == english_home.pk


def test_page_created_in_the_admin_gets_an_english_placeholder(
    home, finnish, english, admin_client, django_user_model
):
    setup_localisation()

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]),
        nested_form_data(
            {
                "title": "Saavutettavuus",
                "slug": "saavutettavuus",
                "summary": "Miten sivusto toimii avustavien teknologioiden kanssa.",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302
    page = StandardPage.objects.get(locale=finnish, slug="saavutettavuus")
    placeholder = Page.objects.get(translation_key=page.translation_key, locale=english)
    assert placeholder.alias_of_id == page.pk
    # A placeholder is not a translation: the page is still waiting for its translator.
    reasons = {(title, reason) for title, reason, _, _ in backlog(superuser(django_user_model))}
    assert ("Saavutettavuus", "Not translated yet") in reasons


# --- setup_localisation ------------------------------------------------------------------


def localisation_counts():
    return {
        "locales": Locale.objects.count(),
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "synchronisations": LocaleSynchronization.objects.count(),
        "pages": Page.objects.count(),
    }


def test_setup_localisation_can_run_again_without_changing_anything(home, finnish, english):
    about = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")

    setup_localisation()
    first = localisation_counts()
    setup_localisation()

    assert localisation_counts() == first
    assert LocaleSynchronization.objects.get(locale=english).sync_from == finnish
    assert set(Group.objects.values_list("name", flat=True)) >= {"Communicators", "Translators"}
    # The English tree got a placeholder for the Finnish page, once.
    assert Page.objects.get(translation_key=about.translation_key, locale=english).alias_of_id == (
        about.pk
    )


# --- With the demo content ---------------------------------------------------------------


@pytest.mark.usefixtures("demo_content")
class TestDemoContentTranslations:
    """The demo site as loaded by `manage.py load_demo_content` (see conftest.py)."""

    def test_demo_content_leaves_nothing_in_the_translation_backlog(self, django_user_model):
        user = django_user_model.objects.create_superuser("reviewer", "r@example.fi", "x")
        assert backlog(user) == set()

    def test_every_demo_translation_is_complete_and_in_sync(self, english):
        translations = Translation.objects.filter(target_locale=english).select_related("source")
        assert translations.count() >= 45
        incomplete = {
            translation.source.object_repr: translation.get_progress()
            for translation in translations
            if len(set(translation.get_progress())) != 1
        }
        assert incomplete == {}

    def test_every_demo_page_has_segments_and_the_largest_goes_through_a_cycle(
        self, english, capture
    ):
        """The edit → translate → publish cycle on the biggest page (its timing and the
        segment counts are printed by bench/translation_cycle.py)."""
        page_sources = [
            source
            for source in TranslationSource.objects.select_related("specific_content_type")
            if issubclass(source.specific_content_type.model_class(), Page)
        ]
        assert all(source.stringsegment_set.exists() for source in page_sources)

        largest = max(page_sources, key=lambda source: source.stringsegment_set.count())
        page = largest.get_source_instance()
        page.title = f"{page.title} (päivitetty)"
        with capture(execute=True):
            page.save_revision().publish()
        translation = Translation.objects.get(source=largest, target_locale=english)
        changed = untranslated_segments(translation)
        assert len(changed) == 1  # the title
        type_translations(translation, {changed[0].string.data: "Updated title"})
        publish_translation(translation, capture)
        assert english_page(page).title == "Updated title"
