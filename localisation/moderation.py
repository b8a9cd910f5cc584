"""The moderator's decision, confirmed: Wagtail performs an approval or a request for
changes without a word, so a moderator could not tell whether the click took effect."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import TaskState


class ConfirmedWorkflowAction(WorkflowAction):
    """Served at the address of Wagtail's own view (config/urls.py), which it extends."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        page = self.object.specific_deferred
        page.refresh_from_db()
        title = get_latest_str(page)
        if self.task_state.status == TaskState.STATUS_APPROVED:
            messages.success(request, self.approval_message(page, title))
        elif self.task_state.status == TaskState.STATUS_REJECTED:
            messages.success(
                request,
                _("Changes requested for “%(title)s”: the communicator sees your comment.")
                % {"title": title},
            )
        return response

    @staticmethod
    def approval_message(page, title):
        if page.live and not page.has_unpublished_changes:
            return _("“%(title)s” approved and published.") % {"title": title}
        scheduled = page.scheduled_revision
        if scheduled is not None and scheduled.approved_go_live_at:
            return _("“%(title)s” approved: it will be published on %(date)s.") % {
                "title": title,
                "date": date_format(localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"),
            }
        return _("“%(title)s” approved.") % {"title": title}
