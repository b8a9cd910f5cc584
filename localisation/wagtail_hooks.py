"""Admin side of the translation workflow: the backlog report, the source-language guard on
snippets, the permission that guard checks, and placeholders for copied pages."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin

from .report import TranslationBacklogView
from .sync import create_aliases_for_copied_pages
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
