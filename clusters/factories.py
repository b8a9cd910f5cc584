import factory
import wagtail_factories

from .models import ClusterIndexPage, ClusterPage


class ClusterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Klusterit"
    slug = "klusterit"

    class Meta:
        model = ClusterIndexPage


class ClusterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Klusteri {n}")
    summary = "Klusteri kokoaa alan toimijat yhteen."

    class Meta:
        model = ClusterPage
