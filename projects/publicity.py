"""What an EU-funded project's page must show under the publicity rules of its programming
period, worked out from its funding data so that editors never type it.

2007–2013 and 2014–2020: the EU emblem with "European Union" and the fund(s) named.
2021–2027: the emblem with "Co-funded by the European Union", without the fund's name, as
is the practice in Finland.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from localisation.lookup import in_locale

CO_FUNDED = "2021-2027"


@dataclass
class EuPublicity:
    statement: str
    funds: list  # FundingSource snippets in the page's language; empty for 2021–2027


def programming_period(project):
    """The project's period as recorded, or inferred from its start for EU-funded projects
    whose editors left it empty (a programme's projects start within its years)."""
    if project.programming_period:
        return project.programming_period
    if project.start_date is None:
        return None
    if project.start_date.year <= 2013:
        return "2007-2013"
    if project.start_date.year <= 2020:
        return "2014-2020"
    return CO_FUNDED


def eu_publicity(project, funding_table):
    """The notice for a project with EU funding on its funding lines, else None."""
    funds = []
    for row in funding_table.rows:
        if row.source is not None and row.source.is_eu_fund and row.source not in funds:
            funds.append(row.source)
    if not funds:
        return None
    if programming_period(project) == CO_FUNDED:
        return EuPublicity(statement=_("Co-funded by the European Union"), funds=[])
    return EuPublicity(statement=_("European Union"), funds=in_locale(funds, project.locale))
