"""`setup_localisation` leaves the same groups and workflow behind every time: Wagtail's
defaults reduced to least privilege, and hand-made changes undone."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from localisation.roles import ADMINISTRATORS, COMMUNICATORS, MODERATORS, ROLES, TRANSLATORS

pytestmark = pytest.mark.django_db


def setup():
    call_command("setup_localisation", stdout=io.StringIO())


def snapshot():
    """Every group's permissions and every workflow assignment, comparable across runs."""
    groups = {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(group.page_permissions.values_list("page_id", "permission__codename")),
            sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
        )
        for group in Group.objects.all()
    }
    workflows = sorted(WorkflowPage.objects.values_list("page_id", "workflow__name"))
    return groups, workflows


def page_rights(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page__locale__language_code", "page__depth", "permission__codename"
        )
    )


def test_wagtails_default_groups_and_workflow_end_up_least_privilege(home, finnish, english):
    assert Group.objects.filter(name="Editors").exists()  # made by Wagtail's migrations

    setup()

    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(ROLES)
    assert page_rights(MODERATORS) == {
        ("fi", 2, codename)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert page_rights(COMMUNICATORS) == {
        ("fi", 2, codename) for codename in ("add_page", "change_page", "lock_page")
    }
    assert page_rights(TRANSLATORS) == {
        ("en", 2, codename) for codename in ("change_page", "publish_page")
    }
    root = Page.get_first_root_node()
    assert {codename for _locale, _depth, codename in page_rights(ADMINISTRATORS)} >= {
        "publish_page",
        "bulk_delete_page",
    }
    assert GroupPagePermission.objects.filter(group__name=ADMINISTRATORS, page=root).count() == 6

    # The default workflow moderates the Finnish tree only, with one task for Moderators.
    assert list(WorkflowPage.objects.values_list("page_id", flat=True)) == [home.pk]
    workflow = home.get_workflow()
    assert workflow.active
    [task] = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_administrators_manage_users_and_settings_without_being_superusers(home, django_user_model):
    setup()
    user = django_user_model.objects.create_user("paakayttaja")
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))

    assert not user.is_superuser
    for permission in [
        "auth.add_user",
        "auth.change_group",
        "core.change_sitefootersettings",
        "wagtailcore.change_workflow",
        "wagtailcore.add_locale",
        "core.delete_organisation",
    ]:
        assert user.has_perm(permission), permission


def test_running_it_again_changes_nothing(home):
    setup()
    first = snapshot()
    setup()
    assert snapshot() == first


def test_hand_made_rights_and_workflow_assignments_are_undone(home, english):
    setup()
    designed = snapshot()
    english_home = home.get_translation(english)
    communicators = Group.objects.get(name=COMMUNICATORS)
    GroupPagePermission.objects.create(
        group=communicators,
        page=home,
        permission=Permission.objects.get(codename="publish_page"),
    )
    communicators.permissions.add(Permission.objects.get(codename="change_user"))
    stray = Workflow.objects.create(name="Oma työnkulku")
    WorkflowPage.objects.create(page=english_home, workflow=stray)
    WorkflowPage.objects.filter(page=home).delete()
    Group.objects.create(name="Editors")

    setup()

    assert snapshot() == designed
