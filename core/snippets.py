"""Snippets shared by every section: the organisations and people that content refers to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A body that leads, funds or takes part in clusters and projects."""

    class Kind(models.TextChoices):
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        UNIVERSITY = "university", _("University or university of applied sciences")
        EDUCATION = "education", _("Education provider")
        DEVELOPMENT_COMPANY = "development_company", _("Development company")
        ADVISORY = "advisory", _("Advisory organisation")
        PUBLIC_AGENCY = "public_agency", _("Public agency")
        EU_BODY = "eu_body", _("EU institution or body")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full official name, e.g. “Lapin liitto”.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Acronym or everyday short name shown in lists, e.g. “LUKE”, “GTK”."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("What sort of organisation this is."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Address of the organisation's own website.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional logo, shown next to the name on cluster and project pages."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        # Choosers search as the editor types: "EAKR" or "Lapin AMK" find the source or
        # organisation by its abbreviation too.
        index.AutocompleteField("short_name"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]

    # Names are translated (“Lapin liitto” / “Regional Council of Lapland”); the rest is
    # the same organisation in every language.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("short_name"),
        SynchronizedField("kind"),
        SynchronizedField("website", overridable=True),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """“Name (SHORT)” when the short name adds something, else the name."""
        if self.short_name and self.short_name.lower() not in self.name.lower():
            return f"{self.name} ({self.short_name})"
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A contact person shown on cluster, project and news pages."""

    name = models.CharField(_("name"), max_length=255, help_text=_("First name and surname."))
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("Job title or role in the project, e.g. “Projektipäällikkö”."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("The organisation this person works for."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Shown as a link visitors can click to write.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("In international form if possible, e.g. “+358 40 501 9856”."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("locale"),
    ]

    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def phone_href(self):
        """The phone number as a tel: URI: digits and a leading +, Finnish 0 made +358."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+358" + digits[1:]
        return f"tel:{digits}" if digits else ""
