"""Open data: the projects a visitor has filtered on the project index, as CSV or JSON.

Both carry the same facts as the project pages, derived figures included (a share typed as a
percentage also has its amount, the unitemised remainder is its own line), with names in the
index's language. Column names are stable identifiers in English, whatever the language, so
that a script written against the Finnish export reads the English one too; the README
documents each column.
"""

import csv
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.utils.http import content_disposition_header

from core.models import Organisation
from security.spreadsheets import spreadsheet_safe_row

from .models import ProjectFundingLine, ProjectPage, ProjectPartner

# One row per funding line; a project without funding lines has one row with them empty.
CSV_COLUMNS = [
    "project_id",
    "project_url",
    "title",
    "acronym",
    "status",
    "start_date",
    "end_date",
    "total_budget_eur",
    "eu_contribution_eur",
    "co_financing_rate_percent",
    "programming_period",
    "funding_programme",
    "lead_organisation",
    "partners",
    "clusters",
    "funding_source",
    "funding_source_kind",
    "funding_amount_eur",
    "funding_share_percent",
]
# What the CSV's funding_source_kind says of the part of the budget no line itemises.
UNITEMISED = "unitemised"


@dataclass
class Names:
    """Pages and snippets by translation key, in the index's language where translated."""

    sources: dict
    clusters: dict
    organisations: dict

    def of(self, table, obj):
        return table.get(obj.translation_key, obj)


def _projects(ids):
    """The selected projects in full, in the selection's order, in a fixed number of
    queries: the funding lines, partners and clusters come in one query each."""
    projects = (
        ProjectPage.objects.filter(pk__in=ids)
        .defer_streamfields()
        .select_related("lead_organisation")
        .prefetch_related(
            Prefetch("funding_lines", queryset=ProjectFundingLine.objects.select_related("source")),
            Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
            "clusters",
        )
    )
    by_pk = {project.pk: project for project in projects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _names(selection, projects):
    organisation_keys = {
        organisation.translation_key
        for project in projects
        for organisation in [
            project.lead_organisation,
            *(partner.organisation for partner in project.partners.all()),
        ]
        if organisation
    }
    organisations = Organisation.objects.filter(
        locale=selection.locale, translation_key__in=organisation_keys
    )
    return Names(
        sources={source.translation_key: source for source in selection.sources.values()},
        clusters={cluster.translation_key: cluster for cluster in selection.clusters.values()},
        organisations={org.translation_key: org for org in organisations},
    )


def project_records(selection, request):
    """Each selected project as a dictionary: the JSON export's items."""
    projects = _projects(selection.matching_ids)
    names = _names(selection, projects)
    records = []
    for project in projects:
        table = project.funding_table  # from the prefetched lines
        lead = project.lead_organisation
        records.append(
            {
                "id": project.pk,
                "url": project.get_full_url(request),
                "title": project.title,
                "acronym": project.acronym,
                "status": project.status_on(selection.today),
                "start_date": project.start_date,
                "end_date": project.end_date,
                "total_budget": project.total_budget,
                "eu_contribution": table.eu_contribution,
                "co_financing_rate": project.co_financing_rate,
                "programming_period": project.programming_period,
                "funding_programme": project.funding_programme,
                "lead_organisation": names.of(names.organisations, lead).name if lead else "",
                "partners": [
                    names.of(names.organisations, partner.organisation).name
                    for partner in project.partners.all()
                ],
                "clusters": [
                    names.of(names.clusters, cluster).title for cluster in project.clusters.all()
                ],
                "funding": [
                    {
                        "source": str(names.of(names.sources, row.source)) if row.source else "",
                        "kind": row.source.kind if row.source else UNITEMISED,
                        "amount": row.amount,
                        "share": row.share,
                    }
                    for row in table.rows
                ],
            }
        )
    return records


def json_response(selection, request, filename):
    payload = {
        "language": selection.locale.language_code,
        "filters": selection.query_string(),
        "count": len(selection.matching_ids),
        "projects": project_records(selection, request),
    }
    response = JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.json")
    return response


def csv_response(selection, request, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for record in project_records(selection, request):
        project_columns = [
            record["id"],
            record["url"],
            record["title"],
            record["acronym"],
            record["status"] or "",
            _text(record["start_date"]),
            _text(record["end_date"]),
            _text(record["total_budget"]),
            _text(record["eu_contribution"]),
            _text(record["co_financing_rate"]),
            record["programming_period"],
            record["funding_programme"],
            record["lead_organisation"],
            "; ".join(record["partners"]),
            "; ".join(record["clusters"]),
        ]
        for line in record["funding"] or [None]:
            funding_columns = (
                [line["source"], line["kind"], _text(line["amount"]), _text(line["share"])]
                if line
                else ["", "", "", ""]
            )
            writer.writerow(spreadsheet_safe_row(project_columns + funding_columns))
    return response


def _text(value):
    """Dates as ISO 8601 and amounts with a full stop, whatever the visitor's language."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
