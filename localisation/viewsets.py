"""Snippet listings that show translators only what they may work on."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet

HOME, SNIPPETS = "Home", "Snippets"


class TranslatableSnippetViewSet(SnippetViewSet):
    """For users who may not edit the source language (translators), the listing leaves out
    the Finnish originals, which they could open only to be sent back; they reach those
    through the translation editor, which shows the source text beside each segment."""

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
