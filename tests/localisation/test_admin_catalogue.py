"""The admin in Finnish (README, "The admin in Finnish").

Wagtail's and wagtail-localize's Finnish catalogues lack part of their messages and get some
wrong; the admin catalogue (localisation/admin_catalogue/, right after locale/ in
LOCALE_PATHS) completes and corrects them. These tests read the messages through Django's
own translation machinery, check the catalogue stays complete as `manage.py check_messages`
does, render the screens communicators, moderators and translators use in a Finnish session
and look for English on them (tests/admin_language.py), and follow the moderation workflow's
name into the admin, the history and the e-mails, in each reader's language.
"""

import io
import json
import re
import shutil

import polib
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.menu import help_menu, reports_menu
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from core.factories import OrganisationFactory
from home.factories import StandardPageFactory
from localisation.management.commands import check_messages
from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from localisation.workflow import MODERATION_WORKFLOW
from news.models import Topic
from tests.admin_language import english_words, visible_text
from tests.translations import translate_segments

# Formerly missing from Wagtail's and wagtail-localize's Finnish, or wrong there.
FINNISH = [
    # Wagtail, missing
    ("Schedule to publish", "Ajasta julkaisu"),
    ("Usage count", "Käyttökerrat"),
    ("Autosave is paused", "Automaattinen tallennus on keskeytetty"),
    ("Search all pages…", "Hae kaikista sivuista…"),
    ("Choose parent", "Valitse yläsivu"),
    (
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"',
        'Sivu "%(title)s" on lähetetty hyväksyttäväksi moderointivaiheeseen "%(task)s"',
    ),
    # wagtail-localize, missing
    ("Sync translated snippets", "Synkronoi käännetyt sisältöpalat"),
    ("Use machine translation", "Käytä konekäännöstä"),
    ("Translation of %(instance)s into %(locale)s", "Käännös: %(instance)s (%(locale)s)"),
    # corrected: snippets, locales, pages and uploads as our help texts call them
    ("Snippets", "Sisältöpalat"),
    ("Locale", "Kieli"),
    ("Pagination", "Sivunumerot"),
    ("Upload", "Lataa"),
    ("Submit to %(workflow_name)s", "Lähetä tarkastettavaksi (%(workflow_name)s)"),
    # the moderation workflow's name (localisation/workflow.py)
    (MODERATION_WORKFLOW, "Moderaattorien hyväksyntä"),
]

# Wagtail writes these in English in its templates, without gettext, and our templates do
# not override those: each is a screen reader's text only, and overriding would mean copying
# a whole Wagtail template (wagtailadmin/shared/header.html, wagtailadmin/home.html) for
# one word that no sighted user sees.
WAGTAIL_HARDCODED = ('.w-sr-only input[type="submit"][value="Search"]',)


def user_in(django_user_model, group, language="fi", username=None):
    username = username or f"{group.lower()}-{language}"
    user = django_user_model.objects.create_user(username, f"{username}@example.fi", "x")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def js_catalogue(response):
    """The messages of a JavaScriptCatalog response, {msgid: translation}."""
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(found.group(1)) if found else {}


@pytest.fixture
def roles(home):
    call_command("setup_localisation", stdout=io.StringIO())


@pytest.fixture
def site_content(roles, home, english, django_capture_on_commit_callbacks):
    """A published Finnish page with its English translation, a snippet and an image."""
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", summary="Meistä.")
    page.save_revision().publish()
    translate_segments(
        page,
        english,
        django_capture_on_commit_callbacks,
        {"Tietoa": "About", "tietoa": "about", "Meistä.": "About us."},
    )
    OrganisationFactory(name="Lapin liitto")
    Image.objects.create(title="Revontulet", file=get_test_image_file())
    return page


# --- (a) the messages ----------------------------------------------------------------------


@pytest.mark.parametrize(("msgid", "finnish"), FINNISH)
def test_formerly_english_messages_read_finnish_in_a_finnish_session(msgid, finnish):
    with translation.override("fi"):
        assert translation.gettext(msgid) == finnish
    with translation.override("en"):
        assert translation.gettext(msgid) == msgid


def test_plural_messages_read_finnish():
    # Wagtail's message, held in variables so that makemessages does not copy it into the
    # project's own catalogue, which would then shadow the admin catalogue's translation.
    singular, plural = "Unpublish 1 page", "Unpublish %(counter)s pages"
    with translation.override("fi"):
        assert translation.ngettext(singular, plural, 1) == "Poista 1 sivu julkaisusta"
        assert translation.ngettext(singular, plural, 3) == "Poista %(counter)s sivua julkaisusta"


@pytest.mark.django_db
def test_the_admin_and_translation_editor_scripts_get_finnish(client, roles, django_user_model):
    """Wagtail's admin and wagtail-localize's editor each load a JavaScript catalogue of
    their own package's djangojs plus LOCALE_PATHS, so both read the admin catalogue."""
    client.force_login(user_in(django_user_model, TRANSLATORS, "fi"))
    admin = js_catalogue(client.get(reverse("wagtailadmin_javascript_catalog")))
    editor = js_catalogue(client.get(reverse("wagtail_localize:javascript_catalog")))

    assert admin["Autosave in progress…"] == "Tallennetaan automaattisesti…"  # was missing
    assert admin["Duplicate"] == "Monista"  # corrected
    assert editor["Publish in "] == "Julkaise kieliversio: "  # was missing
    assert editor["Upload PO file"] == "Tuo PO-tiedosto"  # corrected
    assert editor["%(source)s to %(target)s translation"] == "Käännös: %(source)s → %(target)s"

    client.force_login(user_in(django_user_model, TRANSLATORS, "en"))
    editor = js_catalogue(client.get(reverse("wagtail_localize:javascript_catalog")))
    assert editor.get("Publish in ", "Publish in ") == "Publish in "


# --- (b) complete --------------------------------------------------------------------------


def test_admin_catalogue_is_complete_and_compiled():
    assert check_messages.admin_catalogue_problems("fi") == []


def test_every_wagtail_and_wagtail_localize_message_has_finnish():
    """Through the catalogues Django actually merges: the server's (installed apps plus
    LOCALE_PATHS) and each JavaScript catalogue (its package plus LOCALE_PATHS). The
    messages of apps not installed (Wagtail's style guide, simple translation...) are never
    shown; check_messages keeps them translated all the same."""
    server = trans_real.translation("fi")._catalog
    scripts = {}
    untranslated = []
    for app, domain, en_po in check_messages.source_catalogues():
        if not apps.is_installed(app):
            continue
        if domain == "django":
            catalogue = server
        else:
            package = app.split(".")[0]
            if package not in scripts:
                view = JavaScriptCatalog()
                view.domain = "djangojs"
                paths = view.get_paths(["wagtail.admin" if package == "wagtail" else package])
                scripts[package] = trans_real.DjangoTranslation(
                    "fi", domain="djangojs", localedirs=paths
                )._catalog
            catalogue = scripts[package]
        for entry in polib.pofile(str(en_po)):
            if not entry.msgid or (domain, entry.msgid) in check_messages.STAYS_ENGLISH:
                continue
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if (key, 0) not in catalogue if entry.msgid_plural else key not in catalogue:
                untranslated.append((app, domain, entry.msgid))
    assert untranslated == []


@pytest.fixture
def scratch_catalogue(tmp_path, settings, monkeypatch):
    """A copy of the admin catalogue that the check reads instead of the real one."""
    copy = tmp_path / "admin_catalogue"
    shutil.copytree(check_messages.ADMIN_CATALOGUE, copy)
    monkeypatch.setattr(check_messages, "ADMIN_CATALOGUE", copy)
    settings.LOCALE_PATHS = [settings.LOCALE_PATHS[0], copy]
    return copy / "fi" / "LC_MESSAGES"


def test_check_fails_when_wagtail_has_a_message_the_catalogue_lacks(scratch_catalogue):
    po = polib.pofile(str(scratch_catalogue / "django.po"))
    po.remove(po.find("Schedule to publish"))
    po.save()
    po.save_as_mofile(str(scratch_catalogue / "django.mo"))

    assert check_messages.admin_catalogue_problems("fi") == [
        "fi django: wagtail.admin leaves it untranslated: 'Schedule to publish'"
    ]

    # After an upgrade: --add-missing adds it for the translator, still failing until done.
    assert check_messages.add_missing("fi") == 1
    added = polib.pofile(str(scratch_catalogue / "django.po")).find("Schedule to publish")
    assert (added.msgstr, added.tcomment) == ("", "wagtail.admin")
    assert check_messages.admin_catalogue_problems("fi") == [
        "fi django: untranslated or fuzzy: 'Schedule to publish'"
    ]


def test_check_fails_on_a_fuzzy_entry_and_a_stale_mo(scratch_catalogue):
    po = polib.pofile(str(scratch_catalogue / "djangojs.po"))
    po.find("Publish in ").flags.append("fuzzy")
    po.save()

    assert check_messages.admin_catalogue_problems("fi") == [
        "fi djangojs: untranslated or fuzzy: 'Publish in '",
        "fi djangojs: djangojs.mo is not compiled from djangojs.po",
    ]


def test_check_fails_on_a_message_nobody_uses(scratch_catalogue):
    po = polib.pofile(str(scratch_catalogue / "django.po"))
    po.append(polib.POEntry(msgid="A message Wagtail dropped", msgstr="Poistunut viesti"))
    po.save()
    po.save_as_mofile(str(scratch_catalogue / "django.mo"))

    assert check_messages.admin_catalogue_problems("fi") == [
        "fi django: no longer in Wagtail or wagtail-localize (remove it, or say where it is "
        "used in a comment starting 'Used by:'): 'A message Wagtail dropped'"
    ]


# --- (c) the screens -----------------------------------------------------------------------


SCREENS = {
    "dashboard": lambda page: reverse("wagtailadmin_home"),
    "page explorer": lambda page: reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
    "page editor": lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
    "page history": lambda page: reverse("wagtailadmin_pages:history", args=[page.pk]),
    "snippets": lambda page: reverse("wagtailsnippets:index"),
    "organisations": lambda page: reverse("wagtailsnippets_core_organisation:list"),
    "topics": lambda page: reverse("wagtailsnippets_news_topic:list"),
    "images": lambda page: reverse("wagtailimages:index"),
    "documents": lambda page: reverse("wagtaildocs:index"),
    "reports": lambda page: reverse("wagtailadmin_reports:workflow"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("screen", SCREENS)
def test_a_finnish_communicator_sees_no_english(screen, client, site_content, django_user_model):
    client.force_login(user_in(django_user_model, COMMUNICATORS, "fi"))
    response = client.get(SCREENS[screen](site_content))

    assert response.status_code == 200
    assert english_words(visible_text(response.content, ignore=WAGTAIL_HARDCODED)) == []


@pytest.mark.django_db
def test_a_finnish_translator_sees_no_english_in_the_translation_editor(
    client, site_content, english, django_user_model
):
    client.force_login(user_in(django_user_model, TRANSLATORS, "fi"))
    english_page = site_content.get_translation(english)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    html = response.content.decode()

    assert "js-translation-editor" in html
    # The English page's title is the content being translated, not the interface.
    text = visible_text(html, ignore=WAGTAIL_HARDCODED)
    assert english_words(text, allow=["About"]) == []
    # The two texts the editor's React app writes in English are put into Finnish by:
    assert "localisation/js/translation-editor-language.js" in html


@pytest.mark.django_db
def test_an_english_session_shows_no_finnish_from_the_admin_catalogue(
    client, site_content, django_user_model
):
    finnish = {
        entry.msgstr.strip()
        for entry in polib.pofile(str(check_messages.admin_po("fi", "django")))
        if len(entry.msgstr.strip()) >= 5 and not re.search(r"[%{<]", entry.msgstr)
    }
    shown = re.compile("|".join(rf"(?<!\w){re.escape(message)}(?!\w)" for message in finnish))
    client.force_login(user_in(django_user_model, COMMUNICATORS, "en"))
    for screen in SCREENS:
        text = visible_text(client.get(SCREENS[screen](site_content)).content)
        assert shown.findall(text) == [], screen


def test_snippet_breadcrumbs_follow_the_reader_not_the_first_request():
    """Wagtail fixes these labels in the language of the request that loaded the URLs."""
    with translation.override("fi"):
        crumbs = Topic.snippet_viewset.breadcrumbs_items
    with translation.override("en"):
        assert [str(crumb["label"]) for crumb in crumbs] == ["Home", "Snippets"]
    with translation.override("fi"):
        assert [str(crumb["label"]) for crumb in crumbs] == ["Etusivu", "Sisältöpalat"]


@pytest.mark.django_db
def test_menu_labels_follow_the_reader_not_the_user_who_built_the_menu(
    client, site_content, django_user_model
):
    """Wagtail builds its menus once per worker, and two of their labels with gettext."""
    for menu in (reports_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)
    english_reader = client_for(django_user_model, COMMUNICATORS, "en")
    finnish_reader = client_for(django_user_model, COMMUNICATORS, "fi")

    english_reader.get(reverse("wagtailadmin_home"))  # builds the menus in English
    finnish_page = finnish_reader.get(reverse("wagtailadmin_home")).content
    finnish_text = visible_text(finnish_page, ignore=WAGTAIL_HARDCODED)
    english_text = visible_text(english_reader.get(reverse("wagtailadmin_home")).content)

    assert "Käännökset" in finnish_text and "Mitä uutta Wagtailin versiossa 7.4" in finnish_text
    assert english_words(finnish_text) == []
    assert "Translations" in english_text and "What's new in Wagtail 7.4" in english_text


def client_for(django_user_model, group, language):
    signed_in = Client()
    signed_in.force_login(user_in(django_user_model, group, language))
    return signed_in


# --- the moderation workflow's name ----------------------------------------------------


@pytest.mark.django_db
def test_the_submit_button_names_the_workflow_in_each_admin_language(
    client, site_content, django_user_model
):
    for language, label in (
        ("fi", "Lähetä tarkastettavaksi (Moderaattorien hyväksyntä)"),
        ("en", "Submit to Moderators approval"),
    ):
        client.force_login(user_in(django_user_model, COMMUNICATORS, language))
        html = client.get(reverse("wagtailadmin_pages:edit", args=[site_content.pk])).content
        assert label in visible_text(html), language


@pytest.mark.django_db
def test_the_workflow_keeps_its_message_id_when_saved_under_its_finnish_name(roles):
    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    with translation.override("fi"):
        assert str(workflow.name) == "Moderaattorien hyväksyntä"
        workflow.name = str(workflow.name)  # what the edit form posts back in Finnish
        workflow.save()

    assert list(Workflow.objects.values_list("name", flat=True)) == [MODERATION_WORKFLOW]


@pytest.mark.django_db
def test_moderators_get_the_submission_in_their_own_language(site_content, django_user_model):
    communicator = user_in(django_user_model, COMMUNICATORS, "fi")
    user_in(django_user_model, MODERATORS, "fi")
    user_in(django_user_model, MODERATORS, "en")
    mail.outbox.clear()

    with translation.override("en"):  # whatever the sender's language
        site_content.save_revision(user=communicator)
        Workflow.objects.get(name=MODERATION_WORKFLOW).start(site_content, communicator)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    finnish = by_recipient["moderators-fi@example.fi"]
    assert finnish.subject == (
        'Sivu "Tietoa" on lähetetty hyväksyttäväksi moderointivaiheeseen '
        '"Moderaattorien hyväksyntä"'
    )
    assert english_words(f"{finnish.subject}\n{finnish.body}", allow=["moderators-fi"]) == []
    english = by_recipient["moderators-en@example.fi"]
    assert english.subject == (
        'The page "Tietoa" has been submitted for approval in moderation stage '
        '"Moderators approval"'
    )
    assert "Moderaattorien" not in english.body


@pytest.mark.django_db
def test_the_history_names_the_workflow_in_the_readers_language(
    client, site_content, django_user_model
):
    communicator = user_in(django_user_model, COMMUNICATORS, "fi")
    site_content.save_revision(user=communicator)
    Workflow.objects.get(name=MODERATION_WORKFLOW).start(site_content, communicator)
    history = reverse("wagtailadmin_pages:history", args=[site_content.pk])

    client.force_login(user_in(django_user_model, MODERATORS, "fi"))
    text = visible_text(client.get(history).content, ignore=WAGTAIL_HARDCODED)
    assert "'Moderaattorien hyväksyntä' käynnistetty" in text
    assert english_words(text) == []

    client.force_login(user_in(django_user_model, MODERATORS, "en"))
    assert "'Moderators approval' started" in visible_text(client.get(history).content)
