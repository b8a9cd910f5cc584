"""Snippet listings that show translators only what they may work on, and snippet choosers
whose texts follow the reader's language."""

from django.urls import reverse_lazy
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

# Wagtail's messages: not written as literals in gettext calls, for makemessages to copy.
HOME, SNIPPETS, LANGUAGE = "Home", "Snippets", "Language"
CHOOSE, CHOOSE_ANOTHER, EDIT_CHOSEN = (
    "Choose %(object)s",
    "Choose another %(object)s",
    "Edit this %(object)s",
)


def _about(message, name):
    return gettext(message) % {"object": name}


about_lazy = lazy(_about, str)


class ReaderLanguageSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser, with its button texts in the reader's language.

    Wagtail makes one chooser widget per snippet model, the first time it is needed, and
    writes its texts then with gettext: every later form showed the language of that
    first request ("Choose organisation" in the Finnish admin)."""

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = about_lazy(CHOOSE, name)
        self.choose_another_text = about_lazy(CHOOSE_ANOTHER, name)
        self.link_to_chosen_text = about_lazy(EDIT_CHOSEN, name)


class LabelledLanguageFilter:
    """The chooser's language filter is labelled by Django from its field name, "Locale",
    in every language; it gets Wagtail's translated label for a language."""

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = gettext_lazy(LANGUAGE)
        return form


class LabelledChooseView(LabelledLanguageFilter, ChooseView):
    pass


class LabelledChooseResultsView(LabelledLanguageFilter, ChooseResultsView):
    pass


class ReaderLanguageSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LabelledChooseView
    choose_results_view_class = LabelledChooseResultsView

    @cached_property
    def widget_class(self):
        return ReaderLanguageSnippetChooser(model=self.model, icon=self.icon)


class TranslatableSnippetViewSet(SnippetViewSet):
    """For users who may not edit the source language (translators), the listing leaves out
    the Finnish originals, which they could open only to be sent back; they reach those
    through the translation editor, which shows the source text beside each segment."""

    chooser_viewset_class = ReaderLanguageSnippetChooserViewSet

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        if not request.user.has_perm("localisation.edit_source_language"):
            queryset = queryset.exclude(locale=Locale.get_default())
        return queryset

    @property
    def breadcrumbs_items(self):
        # Wagtail builds these labels with gettext when the URLs are loaded, so every later
        # reader got the language of the request that loaded them ("Etusivu" in an English
        # session, or "Home" in a Finnish one); lazy labels follow each reader. The messages
        # are Wagtail's, so they are not written as literals here for makemessages to copy.
        items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy(HOME)}]
        if len(super().breadcrumbs_items) > 1:  # a snippet without a menu item of its own
            items.append(
                {"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy(SNIPPETS)}
            )
        return items
