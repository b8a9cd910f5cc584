"""The content generation: one number that every published change moves on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A single row whose number is part of every cached page's key.

    With a cache shared by every process (Redis) the number lives in that cache; with the
    default per-process memory cache it lives here, in the database every web process
    reads, so a publish in one process is seen at once by the others.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)
