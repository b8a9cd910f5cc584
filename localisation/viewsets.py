"""Snippet listings that show translators only what they may work on."""

from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet


class TranslatableSnippetViewSet(SnippetViewSet):
    """For users who may not edit the source language (translators), the listing leaves out
    the Finnish originals, which they could open only to be sent back; they reach those
    through the translation editor, which shows the source text beside each segment."""

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        if not request.user.has_perm("localisation.edit_source_language"):
            queryset = queryset.exclude(locale=Locale.get_default())
        return queryset
