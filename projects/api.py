"""How a project's structured facts appear in the read-only API (/api/v2/pages/)."""

from rest_framework import serializers


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
