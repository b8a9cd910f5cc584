"""Who may do what in the editor: every role against every action, through the admin's real
URLs as a browser would use them.

Each cell signs in a user who belongs to one group only (or nobody, for an anonymous
visitor), with the groups and the workflow made by `setup_localisation`. An action reports
what actually happened (the page opened, the page went live, the page is gone), so a cell
fails both when a role loses a right it needs and when it gains one it must not have.
"""

import pytest
from django.urls import reverse
from wagtail.models import Collection
from wagtail_factories import DocumentFactory, ImageFactory

from localisation.roles import ADMINISTRATORS, COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.editor_forms import page_form

from .conftest import DRAFT_TEXT, FEEDBACK_MESSAGE

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, COMMUNICATORS, MODERATORS, TRANSLATORS, ADMINISTRATORS]

# The permission matrix. "fi"/"en": a Finnish page or its English translation. Publishing
# and approving are about Finnish pages; translators publish English pages in the
# translation editor (tests/localisation/test_roles.py). Administrators do not approve
# moderation tasks (the task belongs to Moderators) but publish directly.
#
#  action                   anonymous communicator moderator translator administrator
MATRIX = """
view draft                  no        yes          yes       no         yes
preview                     no        yes          yes       no         yes
edit fi                     no        yes          yes       no         yes
edit en                     no        no           no        yes        yes
publish                     no        no           yes       no         yes
approve moderation          no        no           yes       no         no
delete                      no        no           yes       no         yes
unpublish en                no        no           no        yes        yes
manage snippets             no        yes          yes       no         yes
manage users                no        no           no        no         yes
view form submissions       no        yes          yes       no         yes
edit image                  no        yes          yes       no         yes
delete image                no        no           yes       no         yes
delete own image            no        no           yes       no         yes
delete document             no        no           yes       no         yes
reach the reports           no        yes          yes       yes        yes
"""


def expected_cells():
    for line in MATRIX.strip().splitlines():
        *words, anonymous, communicator, moderator, translator, administrator = line.split()
        answers = [anonymous, communicator, moderator, translator, administrator]
        for role, answer in zip(ROLES, answers, strict=True):
            yield pytest.param(
                " ".join(words), role, answer == "yes", id=f"{role}-{'_'.join(words)}"
            )


def opened(response, marker):
    """True if the page opened with `marker` in it; False if the user was sent away (to
    the login, to the dashboard, or refused). Anything else is a bug in the test."""
    if response.status_code == 200:
        assert marker in response.content.decode()
        return True
    assert response.status_code in (302, 403, 404), response.status_code
    return False


# --- The actions: each returns whether the user managed it ------------------------------


def view_draft(client, request):
    page = request.getfixturevalue("published_page")
    return opened(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.id])), DRAFT_TEXT)


def preview(client, request):
    page = request.getfixturevalue("published_page")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
    posted = client.post(url, page_form(page, summary="Esikatseltava muutos"))
    if posted.status_code != 200:
        assert posted.status_code in (302, 403), posted.status_code
        return False
    assert posted.json()["is_valid"]
    return opened(client.get(url), "Esikatseltava muutos")


def edit_fi(client, request):
    page = request.getfixturevalue("published_page")
    return opened(client.get(reverse("wagtailadmin_pages:edit", args=[page.id])), "Tietoa")


def edit_en(client, request):
    page = request.getfixturevalue("english_page")
    return opened(client.get(reverse("wagtailadmin_pages:edit", args=[page.id])), "About")


def publish(client, request):
    page = request.getfixturevalue("published_page")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.id]),
        page_form(page, title="Tietoa meistä", **{"action-publish": "action-publish"}),
    )
    page.refresh_from_db()
    return page.title == "Tietoa meistä"


def approve_moderation(client, request):
    page = request.getfixturevalue("submitted_page")
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id])
    )
    page.refresh_from_db()
    return page.title == "Hanke, päivitetty"


def delete(client, request):
    page = request.getfixturevalue("leaf_page")
    client.post(reverse("wagtailadmin_pages:delete", args=[page.id]))
    return not type(page).objects.filter(pk=page.pk).exists()


def unpublish_en(client, request):
    """Translators may take a wrong English translation off the site at once; the Finnish
    page stays live, and publishing from the translation editor brings the English back."""
    page = request.getfixturevalue("english_page")
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.id]))
    page.refresh_from_db()
    return not page.live


def manage_snippets(client, request):
    organisation = request.getfixturevalue("organisation")
    client.post(
        reverse("wagtailsnippets_core_organisation:edit", args=[organisation.pk]),
        {
            "name": "Lapin liitto ry",
            "short_name": organisation.short_name,
            "kind": organisation.kind,
            "website": organisation.website,
        },
    )
    organisation.refresh_from_db()
    return organisation.name == "Lapin liitto ry"


def manage_users(client, request):
    return opened(client.get(reverse("wagtailusers_users:index")), "Users")


def view_form_submissions(client, request):
    page = request.getfixturevalue("feedback_page")
    url = reverse("wagtailforms:list_submissions", args=[page.id])
    return opened(client.get(url), FEEDBACK_MESSAGE)


def in_the_root_collection(factory, **fields):
    # The factories would make a collection of their own, outside the groups' permissions.
    return factory(collection=Collection.get_first_root_node(), **fields)


def moderators_image(request):
    moderator = request.getfixturevalue("make_user")("uploader", MODERATORS)
    return in_the_root_collection(ImageFactory, title="Revontulet", uploaded_by_user=moderator)


def edit_image(client, request):
    image = moderators_image(request)
    client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Revontulet Saariselällä", "description": "", "collection": image.collection_id},
    )
    image.refresh_from_db()
    return image.title == "Revontulet Saariselällä"


def gone_after_delete(client, url_name, instance):
    """Deleted through the delete view as its confirmation dialog posts it, and the edit
    form offers its delete button exactly when the delete would work."""
    edit_form = client.get(reverse(f"{url_name}:edit", args=[instance.pk]))
    client.post(reverse(f"{url_name}:delete", args=[instance.pk]))
    gone = not type(instance).objects.filter(pk=instance.pk).exists()
    offered = edit_form.status_code == 200 and edit_form.context["can_delete"]
    assert offered is gone
    return gone


def delete_image(client, request):
    return gone_after_delete(client, "wagtailimages", moderators_image(request))


def delete_own_image(client, request):
    user = request.node.signed_in_user  # None for the anonymous visitor
    return gone_after_delete(
        client, "wagtailimages", in_the_root_collection(ImageFactory, uploaded_by_user=user)
    )


def delete_document(client, request):
    moderator = request.getfixturevalue("make_user")("uploader", MODERATORS)
    document = in_the_root_collection(
        DocumentFactory, title="Strategia", uploaded_by_user=moderator
    )
    return gone_after_delete(client, "wagtaildocs", document)


def reach_the_reports(client, request):
    request.getfixturevalue("published_page")
    reports = [
        (reverse("translation_backlog"), "Translation backlog"),
        (reverse("wagtailadmin_reports:aging_pages"), "Aging pages"),
        (reverse("wagtailadmin_reports:workflow"), "Workflows"),
    ]
    reached = {opened(client.get(url), title) for url, title in reports}
    assert len(reached) == 1, "a role reaches some reports but not the others"
    return reached.pop()


ACTIONS = {
    "view draft": view_draft,
    "preview": preview,
    "edit fi": edit_fi,
    "edit en": edit_en,
    "publish": publish,
    "approve moderation": approve_moderation,
    "delete": delete,
    "unpublish en": unpublish_en,
    "manage snippets": manage_snippets,
    "manage users": manage_users,
    "view form submissions": view_form_submissions,
    "edit image": edit_image,
    "delete image": delete_image,
    "delete own image": delete_own_image,
    "delete document": delete_document,
    "reach the reports": reach_the_reports,
}


@pytest.mark.parametrize(("action", "role", "allowed"), list(expected_cells()))
def test_permission_matrix(client, sign_in, request, action, role, allowed):
    request.node.signed_in_user = sign_in(None if role == ANONYMOUS else role)
    assert ACTIONS[action](client, request) is allowed


def test_the_matrix_covers_every_action_and_role_once():
    rows = [line.split() for line in MATRIX.strip().splitlines()]
    names = [" ".join(row[: -len(ROLES)]) for row in rows]
    assert names == list(ACTIONS)
    assert all(cell in ("yes", "no") for row in rows for cell in row[-len(ROLES) :])
