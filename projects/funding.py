"""Funding sources and the arithmetic of a project's funding lines.

Editors type each line as an amount, a share of the budget, or both; everything else a
visitor sees (the missing figure, the unitemised remainder, the EU contribution, the
co-financing rate) is derived here and nowhere else.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.templatetags.site_tags import euros, percent

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# A share typed with one decimal (88.1 %) may differ from the exact share of a typed amount by
# up to half a tenth of a percentage point; more than that is a typing error.
SHARE_TOLERANCE = Decimal("0.05")


class FundingSource(TranslatableMixin, index.Indexed, models.Model):
    """Where project money comes from: an EU fund, the regional council, municipalities…"""

    class Kind(models.TextChoices):
        EU_FUND = "eu_fund", _("EU fund")
        NATIONAL = "national", _("National or regional public funding")
        MUNICIPAL = "municipal", _("Municipal funding")
        OTHER_PUBLIC = "other_public", _("Other public funding")
        PRIVATE = "private", _("Private funding")

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("E.g. “Euroopan aluekehitysrahasto”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Abbreviation in this language, e.g. “EAKR” (in English “ERDF”)."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("EU funds make up the EU contribution shown on project pages."),
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("kind")]

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

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["name"]

    def __str__(self):
        if self.short_name:
            return f"{self.name} ({self.short_name})"
        return self.name

    @property
    def is_eu_fund(self):
        return self.kind == self.Kind.EU_FUND


@dataclass(frozen=True)
class FundingRow:
    """One line of the funding table as a visitor sees it."""

    source: FundingSource | None
    amount: Decimal | None
    share: Decimal | None
    amount_is_derived: bool = False
    share_is_derived: bool = False

    @property
    def is_remainder(self):
        return self.source is None


@dataclass(frozen=True)
class FundingTable:
    rows: list[FundingRow]
    total_amount: Decimal | None
    total_share: Decimal | None
    eu_contribution: Decimal | None

    def __bool__(self):
        return bool(self.rows)


def _share_of(amount, budget):
    return (amount * HUNDRED / budget).quantize(CENT, rounding=ROUND_HALF_UP)


def _amount_of(share, budget):
    return (budget * share / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def build_funding_table(budget, lines):
    """Fill in each line's missing figure and add the unitemised remainder of the budget.

    `lines` are (source, amount, share) triples in the editor's order; `budget` may be None.
    """
    rows = []
    for source, amount, share in lines:
        if budget:
            if amount is None and share is not None:
                rows.append(FundingRow(source, _amount_of(share, budget), share, True, False))
                continue
            if share is None and amount is not None:
                rows.append(FundingRow(source, amount, _share_of(amount, budget), False, True))
                continue
        rows.append(FundingRow(source, amount, share))

    amounts = [row.amount for row in rows if row.amount is not None]
    shares = [row.share for row in rows if row.share is not None]
    itemised = sum(amounts, Decimal(0))
    if budget and rows and len(amounts) == len(rows) and itemised < budget:
        remainder = budget - itemised
        rows.append(FundingRow(None, remainder, _share_of(remainder, budget), True, True))
        itemised = budget
        shares.append(rows[-1].share)

    eu_amounts = [row.amount for row in rows if row.source is not None and row.source.is_eu_fund]
    return FundingTable(
        rows=rows,
        total_amount=itemised if amounts else budget,
        total_share=sum(shares, Decimal(0)) if shares else None,
        eu_contribution=(
            sum(a for a in eu_amounts if a is not None)
            if any(a is not None for a in eu_amounts)
            else None
        ),
    )


def funding_problems(budget, lines):
    """What is wrong with the funding lines an editor entered, as messages for the editor.

    `lines` are (amount, share) pairs that passed the fields' own validators (a share within
    0–100, no negative amount); an empty list means the figures are consistent together.
    """
    problems = []
    shares = [share for _amount, share in lines if share is not None]
    amounts = [amount for amount, _share in lines if amount is not None]

    share_sum = sum(shares, Decimal(0))
    if share_sum > HUNDRED:
        problems.append(
            _("The shares add up to %(sum)s, more than %(limit)s.")
            % {"sum": percent(share_sum), "limit": percent(HUNDRED, 0)}
        )

    if budget is None:
        return problems

    amount_sum = sum(amounts, Decimal(0))
    if lines and len(amounts) == len(lines) and amount_sum != budget:
        problems.append(
            _(
                "The funding amounts add up to %(sum)s but the total budget is %(budget)s. "
                "Correct the amounts or the budget."
            )
            % {"sum": euros(amount_sum), "budget": euros(budget)}
        )
    elif amount_sum > budget:
        problems.append(
            _("The funding amounts add up to %(sum)s, more than the total budget %(budget)s.")
            % {"sum": euros(amount_sum), "budget": euros(budget)}
        )
    else:
        derived_sum = sum(
            (amount if amount is not None else _amount_of(share, budget))
            for amount, share in lines
            if amount is not None or share is not None
        )
        if derived_sum > budget + CENT * len(lines):
            problems.append(
                _("Together the funding lines come to %(sum)s, more than the budget %(budget)s.")
                % {"sum": euros(derived_sum), "budget": euros(budget)}
            )

    for amount, share in lines:
        if amount is not None and share is not None and budget:
            actual = amount * HUNDRED / budget
            if abs(actual - share) > SHARE_TOLERANCE:
                problems.append(
                    _(
                        "%(amount)s is %(actual)s of the budget, not %(share)s. "
                        "Give either the amount or the share, or correct one of them."
                    )
                    % {"amount": euros(amount), "actual": percent(actual), "share": percent(share)}
                )
    return problems
