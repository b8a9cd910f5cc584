"""Admin side of the translation workflow: the backlog report, the source-language guard on
snippets, the permission that guard checks, placeholders for copied pages, and menu labels in
the reader's language."""

import copy

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, Page, TranslatableMixin

from core.pages import without_placeholders

from .report import TranslationBacklogView
from .sync import create_aliases_for_copied_pages, pages_that_follow_their_source
from .views import UpdateTranslationsView


@hooks.register("register_admin_urls")
def register_localisation_urls():
    # Registered before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS),
    # so this address is served by our guarded version of its view.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="update_translations_guarded",
        ),
        path(
            "reports/translation-backlog/",
            TranslationBacklogView.as_view(),
            name="translation_backlog",
        ),
        path(
            "reports/translation-backlog/results/",
            TranslationBacklogView.as_view(results_only=True),
            name="translation_backlog_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_backlog_menu_item():
    return MenuItem(
        gettext_lazy("Translation backlog"),
        reverse("translation_backlog"),
        icon_name="site",
        order=8990,
    )


# Messages of Wagtail and wagtail-localize: not written as literals in gettext calls, for
# makemessages to copy.
TRANSLATIONS_REPORT = "Translations"
WHATS_NEW = "What's new in Wagtail %(version)s"
WHATS_NEW_NAME = "whats-new-in-wagtail-"


def _labelled(item, label):
    # A copy: the registered item is shared by every request and thread.
    item = copy.copy(item)
    item.label = label
    return item


# These two menu items write their label with gettext once, when the worker first builds
# the menu: every later reader saw the language of the first request's user.
@hooks.register("construct_reports_menu")
def translations_report_in_the_readers_language(request, menu_items):
    # Imported here: importing wagtail-localize's hooks module at the top would register its
    # hooks before ours, and its admin URLs would then win over ours (see above).
    from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem

    menu_items[:] = [
        _labelled(item, _(TRANSLATIONS_REPORT))
        if isinstance(item, TranslationsReportMenuItem)
        else item
        for item in menu_items
    ]


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, menu_items):
    menu_items[:] = [
        _labelled(item, _(WHATS_NEW) % {"version": item.name.removeprefix(WHATS_NEW_NAME)})
        if item.name.startswith(WHATS_NEW_NAME)
        else item
        for item in menu_items
    ]


@hooks.register("register_permissions")
def register_source_language_permission():
    return Permission.objects.filter(
        content_type__app_label="localisation", codename="edit_source_language"
    )


@hooks.register("before_edit_snippet")
def keep_translators_out_of_source_snippets(request, instance):
    """Snippet permissions cover every language; the Finnish originals are for those who
    may edit the source language. Translators get a message and the listing instead."""
    if not isinstance(instance, TranslatableMixin):
        return None
    if instance.locale_id != Locale.get_default().pk:
        return None
    if request.user.has_perm("localisation.edit_source_language"):
        return None
    messages.error(
        request,
        _(
            "“%(object)s” is Finnish source content, which communicators edit. "
            "Translate it through its translation instead."
        )
        % {"object": instance},
    )
    return redirect(instance.snippet_viewset.get_url_name("list"))


@hooks.register("after_copy_page")
def add_placeholders_for_copied_page(request, page, new_page):
    create_aliases_for_copied_pages(new_page)


def _may_remove_translations(user):
    """Deleting a translated page cuts it off from its Finnish source (wagtail-localize
    would recreate it as an untranslated placeholder on the next sync), so it is for those
    who answer for the source content, not for translators."""
    return user.is_superuser or user.has_perm("localisation.edit_source_language")


@hooks.register("before_delete_page")
def keep_translators_from_deleting_pages(request, page):
    # Wagtail lets anyone who may edit and publish a page delete it when it has no subpages.
    if page.locale_id == Locale.get_default().pk or _may_remove_translations(request.user):
        return None
    messages.error(
        request,
        _(
            "“%(page)s” is a translation. Translations are not deleted one by one: ask an "
            "administrator, or have the Finnish page removed."
        )
        % {"page": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_bulk_action")
def keep_translators_from_bulk_deleting_pages(request, action_type, objects, action_class):
    if action_type != "delete" or _may_remove_translations(request.user):
        return None
    default_locale = Locale.get_default().pk
    translated = [
        page for page in objects if isinstance(page, Page) and page.locale_id != default_locale
    ]
    if not translated:
        return None
    messages.error(
        request,
        _("Translated pages are not deleted by translators: nothing was deleted."),
    )
    return redirect("wagtailadmin_explore", translated[0].get_parent().pk)


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_their_source(pages, action):
    """Wagtail's delete and unpublish views ask this hook which other pages go with the one
    chosen: its dialog counts them, and the view deletes or unpublishes them too (the
    permission to do so is the one on the Finnish page). Moves are wagtail-localize's job."""
    if action == "delete":
        return {page: pages_that_follow_their_source(page) for page in pages}
    if action == "unpublish":
        # Placeholders are aliases, which Wagtail unpublishes with their source by itself.
        return {
            page: without_placeholders(pages_that_follow_their_source(page).live())
            for page in pages
        }
    return None


@hooks.register("after_bulk_action")
def delete_translations_with_bulk_deleted_pages(request, action_type, objects, action_class):
    # Wagtail's bulk delete, unlike its single-page delete, does not ask the hook above.
    if action_type != "delete":
        return
    for page in objects:
        if isinstance(page, Page):
            for follower in pages_that_follow_their_source(page):
                DeletePageAction(follower, user=request.user).execute(skip_permission_checks=True)


@hooks.register("filter_form_submissions_for_user")
def submissions_go_to_the_source_language_editors(user, editable_forms):
    """Visitors' feedback is read by those who answer for the content: a communicator or
    moderator sees the submissions of the Finnish forms they may edit and of their
    translations; a translator, who may edit the English form page, sees none."""
    if user.is_superuser:
        return editable_forms
    if not user.has_perm("localisation.edit_source_language"):
        return editable_forms.none()
    return Page.objects.filter(
        translation_key__in=editable_forms.values("translation_key"),
        content_type__in=editable_forms.values("content_type"),
    )
