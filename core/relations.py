"""Inline rows that tie a page to the shared snippets: its organisations and contact people.

The rows carry no text of their own (the snippets are translated), so wagtail-localize
synchronises them to the translations; pages show each snippet in their own language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from localisation.lookup import in_locale

from .models import StableOrderable


class OrganisationRelation(StableOrderable):
    """An organisation taking part in a cluster or project (the page adds its ParentalKey)."""

    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose from Organisations; add the organisation there first if missing."),
    )

    panels = [FieldPanel("organisation")]

    class Meta(StableOrderable.Meta):
        abstract = True


class ContactRelation(StableOrderable):
    """A contact person of a cluster or project (the page adds its ParentalKey)."""

    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose from People; add the person there first if missing."),
    )

    panels = [FieldPanel("person")]

    class Meta(StableOrderable.Meta):
        abstract = True
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


def related_rows(rows, *joined):
    """The rows of a parent's related manager: as a listing prefetched them (or a preview
    holds them in memory), or else fetched now with the `joined` relations, so that a
    listing does not pay a query per item."""
    fetched = rows.all()
    if isinstance(fetched, models.QuerySet) and fetched._result_cache is None:
        return fetched.select_related(*joined)
    return fetched


def organisations_in_locale(rows, locale):
    """The organisations of OrganisationRelation rows, in `locale` where translated."""
    return in_locale([row.organisation for row in related_rows(rows, "organisation")], locale)


def people_in_locale(rows, locale):
    """The people of ContactRelation rows, in `locale` where translated."""
    return in_locale([row.person for row in related_rows(rows, "person__organisation")], locale)
