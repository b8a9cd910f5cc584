"""The rows a project page holds, edited inline on it: partners, funding lines, goals, work
packages, results and contacts. Goals, work packages and results have text of their own and
are translated; partners, funding lines and contacts are synchronised from the Finnish
source."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin

from core.models import StableOrderable
from core.relations import ContactRelation, OrganisationRelation

from ..funding import FundingSource
from .project import ProjectPage


class ProjectPartner(OrganisationRelation):
    """A partner organisation of a project (no text of its own: synchronised to translations)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")

    class Meta(OrganisationRelation.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class ProjectFundingLine(StableOrderable):
    """One source of a project's money: an amount in euros, a share of the budget, or both."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="funding_lines")
    source = models.ForeignKey(
        FundingSource,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the money comes from."),
    )
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("An amount cannot be negative."))],
        help_text=_("In euros. Leave empty if you give the share."),
    )
    share = models.DecimalField(
        _("share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            # Validator messages are %-formatted by Django, hence "%%".
            MinValueValidator(0, message=_("A share must be between 0 and 100 %%.")),
            MaxValueValidator(100, message=_("A share must be between 0 and 100 %%.")),
        ],
        help_text=_("Percentage of the total budget. Leave empty if you give the amount."),
    )

    panels = [FieldRowPanel([FieldPanel("source"), FieldPanel("amount"), FieldPanel("share")])]

    class Meta(StableOrderable.Meta):
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")


class ProjectGoal(TranslatableMixin, StableOrderable):
    """One goal of a project, in a sentence (translated segment by segment)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=500, help_text=_("One goal, in a sentence."))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class ProjectWorkPackage(TranslatableMixin, StableOrderable):
    """A work package: a named part of the project's work."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="work_packages")
    title = models.CharField(
        _("title"), max_length=255, help_text=_("Name of the work package, e.g. “Viestintä”.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What is done in this work package.")
    )

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")


class ProjectResult(TranslatableMixin, StableOrderable):
    """One result the project achieved or aims at."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("result"), help_text=_("One result, in a sentence or two."))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")


class ProjectContact(ContactRelation):
    """A contact person of the project."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="contacts")
