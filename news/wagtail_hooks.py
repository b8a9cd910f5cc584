"""Admin registration of the news topics."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from localisation.viewsets import TranslatableSnippetViewSet

from .models import Topic


class TopicViewSet(TranslatableSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "locale"]
    ordering = ["name"]


register_snippet(TopicViewSet)
