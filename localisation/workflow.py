"""The moderation workflow: communicators submit Finnish pages, moderators approve them.

Approving the last task publishes the page (or, with a go-live date, schedules it for
`manage.py publish_scheduled`), which sends Wagtail's `page_published` signal like any
publication, so localisation.sync refreshes the translation source as usual.

Only the Finnish tree is moderated. The English tree is not: translators publish there
themselves, from wagtail-localize's translation editor, whose Publish button publishes the
page directly and offers no "Submit to moderation"; a workflow on English pages would only
block translators or hand their work to moderators who need not read English. The content
they translate has already been approved in Finnish.

Wagtail's migrations create a "Moderators approval" workflow, with a task of the same name
for the Moderators group, and assign it to the tree root, which would moderate every
language. It is the workflow this project needs, so it is taken over: assigned to the
Finnish home page instead, and reset on every run like the groups.

Its name is a database value, shown by Wagtail wherever the workflow or its task appears
(the "Submit to ..." button, the status panel, the dashboard, reports, history, the
moderation e-mails). `show_names_translated()` makes it read in the reader's language: the
stored value stays Wagtail's English name, which is the message id of its translation in
the admin catalogue (localisation/admin_catalogue/), and the value Wagtail reads renders as
that translation in the active language — the user's admin language, or for an e-mail the
recipient's, which Wagtail activates while rendering it.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.translation import gettext, override
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowPage, WorkflowTask

MODERATION_WORKFLOW = "Moderators approval"
MODERATION_TASK = "Moderators approval"

# The workflow and task names shown translated: each is a message id of the admin catalogue.
# Names administrators give to workflows of their own are shown as typed.
TRANSLATED_NAMES = frozenset({MODERATION_WORKFLOW, MODERATION_TASK})


def apply_moderation_workflow(moderators, source_roots):
    """Make the moderation workflow exactly one active approval task by `moderators`,
    assigned to the source-language home pages (and so to every content section) and to
    no other page. Returns the workflow."""
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    steps = list(workflow.workflow_tasks.all())
    if [step.task_id for step in steps] != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    # A workflow assigned anywhere else (the tree root, the English tree, a single
    # section) would override or extend this one; assignments are reset like permissions.
    wanted = {root.pk for root in source_roots}
    WorkflowPage.objects.exclude(page_id__in=wanted, workflow=workflow).delete()
    for page_id in wanted:
        WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
    return workflow


class TranslatedName(str):
    """A workflow or task name that is its English message id (what is stored, compared and
    written to JSON) but reads as its translation in the active language (what templates,
    `%` and f-string formatting and `str()` produce)."""

    def __str__(self):
        return gettext(str.__str__(self))


def _message_id(name):
    """The message id of `name` if it is one of TRANSLATED_NAMES or its translation in one
    of the languages (what the workflow's edit form shows and posts back), else None."""
    for message_id in TRANSLATED_NAMES:
        if name == message_id:
            return message_id
        for code, _language in settings.LANGUAGES:
            with override(code):
                if name == gettext(message_id):
                    return message_id
    return None


def _translate_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")  # absent when the query deferred it
    if isinstance(name, str) and name in TRANSLATED_NAMES:
        instance.name = TranslatedName(name)


def _store_message_id(sender, instance, **kwargs):
    # An administrator saving the edit form in Finnish posts "Moderaattorien hyväksyntä";
    # keep storing the message id, so the name stays translated and setup_localisation
    # still finds the workflow by it.
    message_id = _message_id(str.__str__(instance.name)) if instance.name else None
    if message_id:
        instance.name = TranslatedName(message_id)


class _HistoryWithTranslatedNames(LogFormatter):
    """Wagtail's formatter of a workflow action in the page history, with the workflow and
    task names its log entry stored (as message ids) shown translated."""

    def __init__(self, formatter):
        self.formatter = formatter
        self.label = formatter.label

    def format_message(self, log_entry):
        stored = log_entry.data
        log_entry.data = _translated_titles(stored)
        try:
            return self.formatter.format_message(log_entry)
        finally:
            log_entry.data = stored

    def format_comment(self, log_entry):
        return self.formatter.format_comment(log_entry)


def _translated_titles(value):
    if isinstance(value, dict):
        return {
            key: TranslatedName(item)
            if key == "title" and isinstance(item, str) and item in TRANSLATED_NAMES
            else _translated_titles(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_translated_titles(item) for item in value]
    return value


def _wrap_workflow_history(actions):
    for action, formatter in list(actions.formatters.items()):
        if action.startswith("wagtail.workflow.") and not isinstance(
            formatter, _HistoryWithTranslatedNames
        ):
            actions.formatters[action] = _HistoryWithTranslatedNames(formatter)


def show_names_translated():
    """Show the names in TRANSLATED_NAMES in the reader's language: every workflow and task
    (of any task type) loaded gets its name wrapped, a save stores the message id again,
    and the history's workflow messages translate the names they stored. Called once from
    LocalisationConfig.ready()."""
    for model in apps.get_models():
        if issubclass(model, (Workflow, Task)):
            post_init.connect(_translate_name, sender=model, dispatch_uid="translated_name")
            pre_save.connect(_store_message_id, sender=model, dispatch_uid="translated_name")
    # After Wagtail's own registration (order 0), so its formatters exist to be wrapped.
    hooks.register("register_log_actions", _wrap_workflow_history, order=1)
