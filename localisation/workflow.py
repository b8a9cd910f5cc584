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
"""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

MODERATION_WORKFLOW = "Moderators approval"
MODERATION_TASK = "Moderators approval"


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
