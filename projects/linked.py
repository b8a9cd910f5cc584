"""The projects a cluster or a strategy priority page lists: the newest few as cards, and
how many there are in all, so that a page stays the same size however many projects name
it (a cluster of a large site has hundreds)."""

from dataclasses import dataclass, field

# Four rows of three cards at the widest layout.
CARDS_SHOWN = 12


@dataclass
class ProjectCards:
    cards: list
    total: int
    # Where the visitor finds all of them: the project index filtered to this page's
    # cluster; none for a priority, which the index has no filter for.
    all_url: str = ""
    shown: int = field(init=False)

    def __post_init__(self):
        self.shown = len(self.cards)

    @property
    def more(self):
        return self.total > self.shown


def project_cards(request, projects, locale, query=""):
    """The newest CARDS_SHOWN of `projects` (a ProjectPage.listing() queryset) and their
    number. `query` is the project index's query string that lists them all.

    The same queries however many projects there are (the cards, their number, the
    index), so that a page costs the same on a large site as on a small one."""
    from .models import ProjectIndexPage

    cards = list(projects[:CARDS_SHOWN])
    total = projects.count()
    all_url = ""
    if query:
        index = ProjectIndexPage.objects.live().public().filter(locale=locale).first()
        all_url = f"{index.get_url(request)}?{query}" if index else ""
    return ProjectCards(cards, total, all_url)
