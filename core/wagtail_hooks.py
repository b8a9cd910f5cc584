"""Admin registration of the shared snippets: listed with search and filters."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from localisation.viewsets import TranslatableSnippetViewSet

from .snippets import Organisation, Person


class OrganisationViewSet(TranslatableSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind"]
    ordering = ["name"]


class PersonViewSet(TranslatableSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "email", "locale"]
    list_filter = ["organisation"]
    ordering = ["name"]


register_snippet(OrganisationViewSet)
register_snippet(PersonViewSet)
