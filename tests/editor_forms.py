"""Admin forms as an editor's browser posts them, for tests that go through the editor."""

from wagtail.test.utils.form_data import nested_form_data, streamfield


def page_form(page, **changes):
    """The standard page's edit form as the editor posts it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        **changes,
    }
    return nested_form_data(data)
