"""Admin registration of funding sources."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from localisation.viewsets import TranslatableSnippetViewSet

from .funding import FundingSource


class FundingSourceViewSet(TranslatableSnippetViewSet):
    model = FundingSource
    icon = "tag"
    menu_label = _("Funding sources")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind"]
    ordering = ["name"]


register_snippet(FundingSourceViewSet)
