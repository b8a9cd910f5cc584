"""Form widgets of the editor."""

from django import forms


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """Check boxes with a search field above them that narrows the list as the editor
    types (core/static/core/js/filterable-checkboxes.js): for relations to clusters,
    priorities, topics and projects, where Django's multiple select needed Ctrl-clicks
    and hid what was chosen. Checked items are always shown. Without the script the
    search field stays hidden and the full list works as it is."""

    template_name = "core/widgets/filterable_checkboxes.html"

    @property
    def media(self):
        return forms.Media(
            js=["core/js/filterable-checkboxes.js"],
            css={"all": ["core/css/filterable-checkboxes.css"]},
        )
