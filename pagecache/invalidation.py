"""What outdates the cached pages: any saved or deleted content a visitor can see.

Pages show much more than themselves — menus, listings, the footer, hreflang links,
cards of related clusters and projects, the funding overview's sums — so the whole cache is
outdated on every change rather than guessing which pages a change reaches. Publishing
happens a few times a day; the cost is one uncached render per page afterwards, and a
stale page is never served. The generation moves on when the change commits: a visitor
reading between the save and the commit would otherwise cache the old page under the new
generation.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frontend
from .store import advance_generation

# Apps whose rows visitors see, and the rows in them that they don't.
CONTENT_APPS = {
    "core",
    "home",
    "clusters",
    "projects",
    "news",
    "strategy",
    "overview",
    "feedback",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
}
NOT_SHOWN = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.groupsitepermission",
    "wagtailimages.rendition",  # made on first display, shows nothing new
    "wagtailforms.formsubmission",
    "feedback.feedbacksubmission",
}


def shown_to_visitors(model):
    meta = model._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_SHOWN


def content_changed(sender, **kwargs):
    if shown_to_visitors(sender):
        transaction.on_commit(advance_generation)


def page_changed(sender, **kwargs):
    transaction.on_commit(advance_generation)


def connect():
    post_save.connect(content_changed, dispatch_uid="pagecache-save")
    post_delete.connect(content_changed, dispatch_uid="pagecache-delete")
    # Unpublishing and moving save the page too; these say so even if a bulk update did not.
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublish")
    post_page_move.connect(page_changed, dispatch_uid="pagecache-move")
    if frontend.configured():
        page_published.connect(frontend.purge_listings, dispatch_uid="pagecache-cdn-publish")
        page_unpublished.connect(frontend.purge_listings, dispatch_uid="pagecache-cdn-unpublish")
