"""What visitors searched for without finding anything.

Wagtail's search promotions already count every query per day (`QueryDailyHits`); this adds
the count of those searches that found nothing, for the editors' report.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchWithoutResults(models.Model):
    """One query on one day, and how many times it found nothing."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("query"),
        on_delete=models.CASCADE,
        related_name="days_without_results",
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="one_row_per_query_and_day")
        ]

    def __str__(self):
        return f"{self.query} {self.date}"

    @classmethod
    def record(cls, query):
        row, _created = cls.objects.get_or_create(query=query, date=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
