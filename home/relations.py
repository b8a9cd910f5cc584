"""Inline rows that tie a page to the shared snippets: its organisations and contact people.

The rows carry no text of their own (the snippets are translated), so wagtail-localize
synchronises them to the translations; pages show each snippet in their own language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from localisation.lookup import in_locale


class OrganisationRelation(Orderable):
    """An organisation taking part in a cluster or project (the page adds its ParentalKey)."""

    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose from Organisations; add the organisation there first if missing."),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True


class ContactRelation(Orderable):
    """A contact person of a cluster or project (the page adds its ParentalKey)."""

    person = models.ForeignKey(
        "home.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose from People; add the person there first if missing."),
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


def organisations_in_locale(rows, locale):
    """The organisations of OrganisationRelation rows, in `locale` where translated."""
    return in_locale([row.organisation for row in rows.select_related("organisation")], locale)


def people_in_locale(rows, locale):
    """The people of ContactRelation rows, in `locale` where translated."""
    return in_locale([row.person for row in rows.select_related("person__organisation")], locale)
