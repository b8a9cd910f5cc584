"""What every section's models share: the summary field, the organisations and people
content refers to (snippets.py), and the footer settings every page shows."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .snippets import Organisation, Person

__all__ = ["SummaryMixin", "StableOrderable", "SiteFooterSettings", "Organisation", "Person"]


class SummaryMixin(models.Model):
    """A plain-text summary used in listings, search results and the meta description."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences shown in listings and search results (max 400)."),
    )

    class Meta:
        abstract = True


class StableOrderable(Orderable):
    """An inline row in the order the editor gave it.

    Rows made outside the editor (imports, the demo content) share a sort_order; the id
    keeps their order the same in every database and after a restore."""

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


@register_setting(icon="site")
class SiteFooterSettings(BaseSiteSetting):
    """Contact details and service links shown in every page's footer."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that runs the site; its name is shown in each language."),
    )
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text=_("E.g. “Hallituskatu 20 B”.")
    )
    postal_address = models.CharField(
        _("postal code and town"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “96100 Rovaniemi”."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("The shared address of the programme.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("The switchboard number.")
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer, as the law requires."),
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("feedback page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where visitors can send feedback; linked from the header and footer."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice (tietosuojaseloste), linked from every page's footer."),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("street_address"),
                FieldPanel("postal_address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("feedback_page"),
            ],
            heading=_("Service links"),
        ),
    ]

    class Meta:
        verbose_name = _("site footer")
