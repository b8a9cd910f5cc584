"""The project editor's form: checks that dates and funding figures make sense together."""

from django.utils.translation import gettext_lazy as _

from localisation.forms import SourceLanguageChoicesForm

from .funding import funding_problems


class ProjectPageForm(SourceLanguageChoicesForm):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))

        formset = self.formsets.get("funding_lines")
        if formset is not None and formset.is_valid():
            lines = [
                (form.cleaned_data.get("amount"), form.cleaned_data.get("share"))
                for form in formset.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("source")
            ]
            for problem in funding_problems(cleaned_data.get("total_budget"), lines):
                self.add_error("total_budget", problem)
        return cleaned_data
