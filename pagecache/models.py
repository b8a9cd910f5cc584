"""The content generation: one number that every published change moves on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A single row whose number is part of every cached page's key.

    It lives in the database, which every web process reads and where every change is
    saved, so a publish in one process is seen at once by the others, whatever state the
    cache server is in (store.py).
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)
