"""The project editor's form: checks that the funding lines add up to the budget (the lines
are inline rows, which only the form sees together; the dates are the model's clean())."""

from localisation.forms import SourceLanguageChoicesForm

from .funding import funding_problems


class ProjectPageForm(SourceLanguageChoicesForm):
    def clean(self):
        cleaned_data = super().clean()
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
