"""Template tags of the admin screens that the translation workflow changes."""

from django import template

from localisation.sync import pages_that_follow_their_source

register = template.Library()


@register.simple_tag
def pages_deleted_with(page):
    """The other languages' versions of `page` that deleting it deletes too."""
    return list(pages_that_follow_their_source(page).select_related("locale"))
