import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from core.factories import OrganisationFactory
from feedback.factories import FeedbackFormPageFactory, add_feedback_fields
from home.factories import StandardPageFactory
from localisation.workflow import MODERATION_WORKFLOW
from tests.translations import translate_segments

DRAFT_TEXT = "Luonnosteksti, jota kukaan ei ole vielä hyväksynyt"
FEEDBACK_MESSAGE = "Vierailijan luottamuksellinen palaute"


@pytest.fixture
def roles(home):
    """The groups and the workflow as a deployment has them."""
    call_command("setup_localisation", stdout=io.StringIO())


@pytest.fixture
def make_user(roles, django_user_model):
    """A user in exactly one group (None: signed out), with the admin in English."""

    def make_user(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@example.fi", "x")
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        return user

    return make_user


@pytest.fixture
def sign_in(client, make_user):
    def sign_in(group_name, username=None):
        if group_name is None:
            return None
        user = make_user(username or group_name.lower(), group_name)
        client.force_login(user)
        return user

    return sign_in


@pytest.fixture
def published_page(home):
    """A live Finnish page with unpublished changes (the draft text) waiting."""
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", summary="Julkaistu.")
    page.save_revision().publish()
    page.summary = DRAFT_TEXT
    page.save_revision()
    page.refresh_from_db()
    return page


@pytest.fixture
def english_page(published_page, english, django_capture_on_commit_callbacks):
    """The published English translation of `published_page`, made in wagtail-localize."""
    texts = {"Tietoa": "About", "tietoa": "about", "Julkaistu.": "Published."}
    translate_segments(published_page, english, django_capture_on_commit_callbacks, texts)
    return published_page.get_translation(english).specific


@pytest.fixture
def leaf_page(home):
    return StandardPageFactory(parent=home, title="Vanha tiedote", slug="vanha-tiedote")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Lapin liitto")


@pytest.fixture
def feedback_page(home):
    """The Finnish feedback form with one visitor's submission."""
    page = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(page)
    page.get_submission_class().objects.create(page=page, form_data={"viesti": FEEDBACK_MESSAGE})
    return page


@pytest.fixture
def submitted_page(home, make_user):
    """A Finnish page a communicator changed and submitted to moderation."""
    communicator = make_user("lahettaja", "Communicators")
    page = StandardPageFactory(parent=home, title="Hanke", slug="hanke", summary="")
    page.save_revision().publish()
    page.title = "Hanke, päivitetty"
    revision = page.save_revision(user=communicator)
    Workflow.objects.get(name=MODERATION_WORKFLOW).start(page, communicator)
    page.refresh_from_db()
    assert page.latest_revision == revision
    return page
