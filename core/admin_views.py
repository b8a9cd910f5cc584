"""Changes to Wagtail's own editing views."""

from wagtail.admin.views.pages.create import CreateView


class CreatePageWithoutAutosave(CreateView):
    """Wagtail's "new page" form, without autosave until the page is first saved.

    Autosave on this form creates the page in the background while the communicator is
    still typing. A click on "Save draft" or "Submit for moderation" made while that
    request was on its way posted the form to the create address again, and the page was
    created twice, with the same title and funding lines (seen in the project journey).
    Once the page exists, its edit form autosaves as Wagtail intends."""

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)
