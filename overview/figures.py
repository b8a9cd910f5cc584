"""The funding overview's figures, summed from the projects' own funding tables.

The rules, which the page also explains to visitors:

- The projects are the live ones under the same project index as the overview, so each
  language tree sums its own projects (translations and untranslated placeholders alike) and
  every project counts once. Relations are synchronised from the Finnish source, so sources
  and clusters are grouped by translation key and named in the page's language.
- A project without a total budget is listed as "no budget given" and left out of every sum.
- Each source's amount is the project page's own figure (`build_funding_table`: an amount
  given, or one derived from a share of the budget); budget that the funding lines do not
  account for is "not itemised".
- A project in several clusters counts in full under each of them (the cluster figures
  overlap); one in none counts under "no cluster".
- Years: see `spread_over_years`. A project without both dates counts under "dates not given".
- The EU share is the EU contribution (lines from sources of the kind "EU fund") divided by
  the combined budget.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterPage
from localisation.lookup import in_locale
from projects.models import ProjectFundingLine, ProjectPage

CENT = Decimal("0.01")
TENTH = Decimal("0.1")

NOT_ITEMISED = _("Other funding (not itemised)")
NO_CLUSTER = _("No cluster")
DATES_NOT_GIVEN = _("Dates not given")


def spread_over_years(amount, start, end):
    """{year: part of `amount`} in proportion to the days the project runs in each year.

    The first and the last day both count, so a leap year's 29 February is a day like any
    other (2020 has 366). Each part is rounded to the cent and the rounding difference goes
    to the last year, so the parts add up to the amount exactly. None without both dates.
    """
    if start is None or end is None or end < start:
        return None
    total_days = (end - start).days + 1
    parts = {}
    for year in range(start.year, end.year + 1):
        first = max(start, datetime.date(year, 1, 1))
        last = min(end, datetime.date(year, 12, 31))
        days = (last - first).days + 1
        parts[year] = (amount * days / total_days).quantize(CENT, rounding=ROUND_HALF_UP)
    parts[end.year] += amount - sum(parts.values())
    return parts


def projects_beside(page):
    """The live projects under the same project index as `page`, with their funding lines,
    sources and clusters fetched in three queries however many projects there are."""
    return (
        ProjectPage.objects.sibling_of(page)
        .live()
        .public()
        .defer_streamfields()
        .prefetch_related(
            Prefetch("funding_lines", queryset=ProjectFundingLine.objects.select_related("source")),
            Prefetch("clusters", queryset=ClusterPage.objects.live().defer_streamfields()),
        )
        .order_by("title")
    )


@dataclass(frozen=True)
class Total:
    """One row of an overview table: what was summed, the sum and its share of all budgets."""

    name: str
    amount: Decimal
    share: Decimal | None
    projects: int = 0
    page: object = None  # a cluster's page, to link to
    is_eu_fund: bool = False


@dataclass(frozen=True)
class FundingSummary:
    projects: list  # the projects whose budgets are summed
    without_budget: list  # the projects that give no budget
    total: Decimal
    eu_total: Decimal
    by_source: list[Total]
    by_cluster: list[Total]
    by_year: list[Total]

    @property
    def eu_share(self):
        return share_of(self.eu_total, self.total)

    @property
    def eu_split(self):
        """The combined budget in two: EU funds and everything else."""
        rest = self.total - self.eu_total
        return [
            Total(_("EU funds"), self.eu_total, self.eu_share),
            Total(_("Other funding"), rest, share_of(rest, self.total)),
        ]


def share_of(amount, total):
    if not total:
        return None
    return (amount * 100 / total).quantize(TENTH, rounding=ROUND_HALF_UP)


def summarise_funding(projects, locale):
    """Sum the projects' budgets by funding source, cluster and year (see the module's rules).

    `projects` come from `projects_beside`; sources and clusters are named in `locale`,
    looked up in a few queries however many there are.
    """
    with_budget, without_budget = [], []
    total = eu_total = Decimal(0)
    by_source = defaultdict(Decimal)  # translation key (None: not itemised) → amount
    sources = {}
    by_cluster = defaultdict(Decimal)  # translation key (None: no cluster) → amount
    cluster_projects = defaultdict(int)
    clusters = {}
    by_year = defaultdict(Decimal)  # year (None: dates not given) → amount

    for project in projects:
        budget = project.total_budget
        if budget is None:
            without_budget.append(project)
            continue
        with_budget.append(project)
        total += budget

        table = project.funding_table
        eu_total += table.eu_contribution or 0
        itemised = Decimal(0)
        for row in table.rows:
            if row.is_remainder or row.amount is None:
                continue
            by_source[row.source.translation_key] += row.amount
            sources.setdefault(row.source.translation_key, row.source)
            itemised += row.amount
        if budget > itemised:
            by_source[None] += budget - itemised

        keys = []
        for cluster in project.clusters.all():
            clusters.setdefault(cluster.translation_key, cluster)
            keys.append(cluster.translation_key)
        for key in set(keys) or [None]:
            by_cluster[key] += budget
            cluster_projects[key] += 1

        years = spread_over_years(budget, project.start_date, project.end_date)
        for year, amount in (years or {None: budget}).items():
            by_year[year] += amount

    named_sources = named_in(sources, locale)
    named_clusters = named_in(clusters, locale)

    source_rows = sorted(
        (
            Total(
                str(named_sources[key]),
                amount,
                share_of(amount, total),
                is_eu_fund=named_sources[key].is_eu_fund,
            )
            for key, amount in by_source.items()
            if key is not None
        ),
        key=lambda row: (-row.amount, row.name),
    )
    if None in by_source:
        source_rows.append(Total(NOT_ITEMISED, by_source[None], share_of(by_source[None], total)))

    cluster_rows = sorted(
        (
            Total(
                named_clusters[key].title,
                amount,
                share_of(amount, total),
                projects=cluster_projects[key],
                page=named_clusters[key],
            )
            for key, amount in by_cluster.items()
            if key is not None
        ),
        key=lambda row: (-row.amount, row.name),
    )
    if None in by_cluster:
        cluster_rows.append(
            Total(
                NO_CLUSTER,
                by_cluster[None],
                share_of(by_cluster[None], total),
                projects=cluster_projects[None],
            )
        )

    year_rows = [
        Total(str(year), by_year[year], share_of(by_year[year], total))
        for year in sorted(year for year in by_year if year is not None)
    ]
    if None in by_year:
        year_rows.append(Total(DATES_NOT_GIVEN, by_year[None], share_of(by_year[None], total)))

    return FundingSummary(
        projects=with_budget,
        without_budget=without_budget,
        total=total,
        eu_total=eu_total,
        by_source=source_rows,
        by_cluster=cluster_rows,
        by_year=year_rows,
    )


def named_in(objects, locale):
    """{translation key: the object in `locale`} for {translation key: object}."""
    translated = in_locale(list(objects.values()), locale)
    return {obj.translation_key: obj for obj in translated}
