"""When a project runs: its status on a day and the years it is active.

Each rule is written here once, in two forms side by side — for one project's dates in
Python, and as a query method for many in the database — and tests/projects/test_timing.py
checks on the boundary dates that the two forms agree. Every listing, filter, facet, export
and chart takes the rule from here.

The rules:
- **Status** on a day: *planned* before the start date, *ended* after the end date,
  *ongoing* from the start to the end (both days included) or from the start on when no end
  is known. Without a start date a project is *ended* once its end date has passed and has
  no status before that.
- **Active years**: every year from the start year to the end year. A project with no end
  date is still running: active up to this year (or its start year, if that is later). One
  with only an end date is known to have run in its end year. One with neither has none.
"""

import datetime

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core.pages import SitePageQuerySet


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    ENDED = "ended", _("Ended")


def status_between(start_date, end_date, day):
    """The status on `day` of a project running from `start_date` to `end_date` (either
    may be None); None when it cannot be told."""
    if start_date and day < start_date:
        return ProjectStatus.PLANNED
    if end_date and day > end_date:
        return ProjectStatus.ENDED
    if start_date:
        return ProjectStatus.ONGOING
    return None


def active_years(start_date, end_date, today):
    """The years (a range) in which a project running from `start_date` to `end_date` is
    active, as of `today`."""
    if start_date is None and end_date is None:
        return range(0)
    if start_date is None:
        return range(end_date.year, end_date.year + 1)
    last = end_date.year if end_date else max(start_date.year, today.year)
    return range(start_date.year, last + 1)


def _status_conditions(day):
    """{status: the condition a project with that status on `day` meets}"""
    return {
        ProjectStatus.PLANNED: Q(start_date__gt=day),
        ProjectStatus.ENDED: Q(end_date__lt=day),
        ProjectStatus.ONGOING: Q(start_date__lte=day)
        & (Q(end_date__isnull=True) | Q(end_date__gte=day)),
    }


class ProjectQuerySet(SitePageQuerySet):
    def with_status(self, statuses, day):
        """Projects whose status on `day` is one of `statuses` (see status_between)."""
        conditions = _status_conditions(day)
        combined = Q(pk__in=[])
        for status in statuses:
            combined |= conditions[status]
        return self.filter(combined)

    def status_counts(self, day):
        """{status: number of projects with it on `day`}, in one query."""
        return self.order_by().aggregate(
            **{
                str(status): Count("pk", filter=condition)
                for status, condition in _status_conditions(day).items()
            }
        )

    def active_in_years(self, first_year, last_year, today):
        """Projects active in at least one year from `first_year` to `last_year` (both
        included), as of `today` (see active_years)."""
        first = datetime.date(first_year, 1, 1)
        last = datetime.date(last_year, 12, 31)
        both_dates = Q(start_date__lte=last, end_date__gte=first)
        # Still running: active from its start year up to this year.
        open_ended = Q(start_date__lte=last, end_date__isnull=True)
        if today.year < first_year:
            open_ended &= Q(start_date__gte=first)
        only_an_end = Q(start_date__isnull=True, end_date__gte=first, end_date__lte=last)
        return self.filter(both_dates | open_ended | only_an_end)
