"""Links from the project index to its overviews."""

from django import template

from overview.models import FundingOverviewPage, ProjectTimelinePage

register = template.Library()


@register.simple_tag
def overview_pages(index):
    """The funding overview and the timeline under a project index, in tree order (two
    queries: the pages and the view restrictions)."""
    return list(index.get_children().live().public().type(FundingOverviewPage, ProjectTimelinePage))
