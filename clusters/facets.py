"""The cluster filter, shared by the project index, the news index and search
(core/filtering.py): the live clusters of the page's language by title, chosen by slug."""

from django.utils.translation import gettext_lazy as _

from core.filtering import Option, RelationFacet

from .models import ClusterPage


class ClusterOptions:
    """The options of a cluster filter; ClusterFacet adds how items link to clusters."""

    name = "cluster"
    label = _("Cluster")

    def options(self, listing):
        if "clusters" not in listing.cache:
            clusters = ClusterPage.objects.live().filter(locale=listing.locale).order_by("title")
            listing.cache["clusters"] = [
                Option(cluster.slug, cluster.title, cluster.translation_key)
                for cluster in clusters.only("slug", "title", "translation_key")
            ]
        return listing.cache["clusters"]

    def other_values(self, listing):
        """The slugs of the clusters in the other languages: an address copied from the
        Finnish site chooses the same cluster on the English one."""
        if "cluster_slugs" not in listing.cache:
            listing.cache["cluster_slugs"] = dict(
                ClusterPage.objects.live()
                .exclude(locale=listing.locale)
                .values_list("slug", "translation_key")
            )
        return listing.cache["cluster_slugs"]


class ClusterFacet(ClusterOptions, RelationFacet):
    """Items of `model` whose `relation` names one of the chosen clusters."""
