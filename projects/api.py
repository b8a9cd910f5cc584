"""How a project's structured facts appear in the read-only API (/api/v2/pages/): the
serializers, the fields ProjectPage offers (PROJECT_API_FIELDS, its `api_fields`) and how a
listing fetches the relations they read (prefetch_for_api, its `api_prefetch`, which
home/api.py calls).

The model takes both from here (projects/models/project.py). This module imports no model
when it loads, so it and the models can be imported in either order."""

from django.db import models
from rest_framework import serializers
from wagtail.api import APIField


class OrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    website = serializers.URLField(read_only=True)


class FundingSourceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)


class PageReferenceSerializer(serializers.Serializer):
    """A related page by id, title and translation key (the key finds its translations:
    relations are synchronised from the Finnish source)."""

    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    translation_key = serializers.UUIDField(read_only=True)


class FundingRowSerializer(serializers.Serializer):
    """One line of the funding table, with the derived amount or share filled in."""

    source = FundingSourceSerializer(read_only=True)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    share = serializers.DecimalField(max_digits=6, decimal_places=2, read_only=True)


class FundingTableSerializer(serializers.Serializer):
    rows = FundingRowSerializer(many=True, read_only=True)
    eu_contribution = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)


# ProjectPage.api_fields (/api/v2/pages/?type=projects.ProjectPage&fields=*): the facts
# other systems reuse, the derived ones (status, funding table) included. Relations are
# synchronised from the Finnish source, so they are shown through the page's *_in_locale
# properties, in the page's own language.
PROJECT_API_FIELDS = [
    APIField("acronym"),
    APIField("summary"),
    APIField("start_date"),
    APIField("end_date"),
    APIField("status", serializer=serializers.CharField(read_only=True)),
    APIField("total_budget"),
    APIField("programming_period"),
    APIField("funding_programme"),
    APIField("register_code"),
    APIField("register_url"),
    APIField("lead_organisation", serializer=OrganisationSerializer(read_only=True)),
    APIField(
        "partners",
        serializer=OrganisationSerializer(many=True, read_only=True, source="partners_in_locale"),
    ),
    APIField(
        "funding",
        serializer=FundingTableSerializer(read_only=True, source="funding_in_locale"),
    ),
    APIField(
        "clusters",
        serializer=PageReferenceSerializer(many=True, read_only=True, source="clusters_in_locale"),
    ),
    APIField(
        "priorities",
        serializer=PageReferenceSerializer(
            many=True, read_only=True, source="priorities_in_locale"
        ),
    ),
]


def prefetch_for_api(queryset):
    """ProjectPage.api_prefetch: the relations PROJECT_API_FIELDS read, fetched once for a
    whole listing, so a list costs the same at any length."""
    # Imported here: the models import this module for the two names above.
    from .models import ProjectFundingLine, ProjectPartner

    return queryset.select_related("locale", "lead_organisation").prefetch_related(
        models.Prefetch(
            "funding_lines", queryset=ProjectFundingLine.objects.select_related("source")
        ),
        models.Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
        "clusters",
        "priorities",
    )
