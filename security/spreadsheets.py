"""CSV cells that a spreadsheet cannot run.

Editors open the exports (feedback answers, visitors' search terms, the project list) in
Excel or LibreOffice, which read a cell starting with `=`, `+`, `-` or `@` as a formula, and
a tab or carriage return can hide one. A visitor who types `=HYPERLINK(...)` into the
feedback form would otherwise run it on an editor's machine. Such a cell gets a leading
apostrophe, which spreadsheets show as text; plain numbers, negative ones included, stay
numbers. Wagtail already does the same for its xlsx exports but not for CSV.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def spreadsheet_safe(value):
    """`value` as it may be written into a CSV cell: text that a spreadsheet would read as
    a formula starts with an apostrophe; anything else is unchanged."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def spreadsheet_safe_row(row):
    return [spreadsheet_safe(value) for value in row]


class SpreadsheetSafeExportMixin:
    """For Wagtail's listing and report views with a CSV export (SpreadsheetExportMixin)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value
