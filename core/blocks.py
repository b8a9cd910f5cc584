"""StreamField blocks shared by every page type.

Every piece of text an editor types lives in a text block, so wagtail-localize turns it into a
translator segment; layout choices are choice blocks, never free text.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks import StructBlockValidationError
from wagtail.blocks.struct_block import StructBlockAdapter
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("Use h2 for main sections and h3 inside them."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading_block.html"
        preview_value = {"text": "Arktinen kiertotalous", "level": "h2"}
        description = _("A heading that starts a new section of the page.")


class FigureBlock(blocks.StructBlock):
    """An image with the text alternative that screen-reader users hear, and a caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty only if the image is purely decorative."
        ),
    )
    caption = blocks.CharBlock(
        label=pgettext_lazy("image", "Caption"), max_length=300, required=False
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure_block.html"
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    """A pull quote with the person or source it comes from."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote_block.html"
        preview_value = {
            "quote": "Yhteistyö ja verkostot ovat Lapille elintärkeitä.",
            "attribution": "Missä mennään Arctic Smartness -yhteistyössä? 2018",
        }
        description = _("A highlighted quotation.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("E.g. “200+”."))
    label = blocks.CharBlock(label=_("Explanation"), max_length=120)

    class Meta:
        icon = "success"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    """A row of big numbers with short explanations."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "core/blocks/key_figures_block.html"
        preview_value = {
            "title": "Arctic Smartness",
            "figures": [
                {"value": "5", "label": "klusteria"},
                {"value": "200+", "label": "konferenssin osallistujaa"},
            ],
        }
        description = _("Up to six figures shown side by side.")


class CallToActionValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page of this site or to another site."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)
    page = blocks.PageChooserBlock(
        label=_("Page on this site"), required=False, help_text=_("Choose a page, or…")
    )
    url = blocks.URLBlock(
        label=_("Other address"), required=False, help_text=_("…give an address elsewhere.")
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "core/blocks/call_to_action_block.html"
        value_class = CallToActionValue
        preview_value = {"text": "Tutustu klustereihin", "url": "https://arcticsmartness.eu"}
        description = _("A button-like link with an optional description.")

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page and has_url:
            message = _("Choose a page on this site or give an address elsewhere, not both.")
        elif not has_page and not has_url:
            message = _("Choose a page on this site or give an address elsewhere.")
        else:
            return value
        # Wagtail's editor reads each error's messages: ValidationErrors, not bare strings.
        raise StructBlockValidationError(
            block_errors={"page": ValidationError(message), "url": ValidationError(message)}
        )


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with a title that says what it is."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "core/blocks/document_block.html"
        description = _("A link to download a document from the document library.")


class ContactCardBlock(blocks.StructBlock):
    """A contact person's card, taken from the People snippets."""

    person = SnippetChooserBlock("core.Person", label=_("Person"))

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "core/blocks/contact_card_block.html"
        description = _("Name, role, organisation, email and phone of a person.")


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False), label=_("Cells"))

    class Meta:
        icon = "list-ul"
        label = _("Row")


class TextTableBlock(blocks.StructBlock):
    """A data table whose every cell is a text block, so translators can translate it.

    Wagtail's TableBlock and TypedTableBlock are single blocks that wagtail-localize skips
    when it extracts segments, so their cells would stay Finnish on the English page; here
    every cell is a text block of its own. The editor shows the cells as a grid
    (TextTableBlockAdapter).
    """

    caption = blocks.CharBlock(
        label=pgettext_lazy("table", "Caption"),
        max_length=200,
        help_text=_("Says what the table shows; read first by screen readers."),
    )
    header = blocks.ListBlock(
        blocks.CharBlock(label=_("Column heading")), min_num=1, label=_("Column headings")
    )
    rows = blocks.ListBlock(TableRowBlock(), min_num=1, label=_("Rows"))
    first_column_is_header = blocks.BooleanBlock(
        label=_("First column is a heading"), required=False, default=False
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "core/blocks/table_block.html"
        preview_value = {
            "caption": "Rahoitus",
            "header": ["Lähde", "Summa"],
            "rows": [{"cells": ["EAKR", "136 200 €"]}, {"cells": ["Kunnat", "21 200 €"]}],
        }
        description = _("A table of text with a caption and column headings.")
        help_text = _(
            "The top row holds the column headings. Add rows and columns with the buttons "
            "below the table."
        )

    def clean(self, value):
        value = super().clean(value)
        columns = len(value["header"])
        bad_rows = [
            str(number)
            for number, row in enumerate(value["rows"], start=1)
            if len(row["cells"]) != columns
        ]
        if bad_rows:
            raise StructBlockValidationError(
                block_errors={
                    "rows": ValidationError(
                        ngettext(
                            "Row %(rows)s does not have %(columns)s cells like the heading row.",
                            "Rows %(rows)s do not have %(columns)s cells like the heading row.",
                            len(bad_rows),
                        )
                        % {"rows": ", ".join(bad_rows), "columns": columns}
                    )
                }
            )
        return value


class TextTableBlockAdapter(StructBlockAdapter):
    """Lays a TextTableBlock's headings and cells out as rows and columns in the editor.

    Only the form changes (core/static/core/js/table-grid.js): the value is still lists of
    text blocks, one translator segment per cell. Columns are added, moved and deleted in the
    heading row and every row at once, so the rows always match the headings.
    """

    js_constructor = "core.blocks.TextTableBlock"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        # The script has no catalogue of its own; it gets its words in the editor's language.
        meta["grid"] = {
            "heading": _("Column %(column)s heading"),
            "cell": _("Row %(row)s, column %(column)s"),
            "addRow": _("Add row"),
            "addColumn": _("Add column"),
            "moveLeft": _("Move column %(column)s left"),
            "moveRight": _("Move column %(column)s right"),
            "deleteColumn": _("Delete column %(column)s"),
        }
        return [name, children, meta]

    @cached_property
    def media(self):
        return super().media + forms.Media(
            js=["core/js/table-grid.js"], css={"all": ["core/css/table-grid.css"]}
        )


register(TextTableBlockAdapter(), TextTableBlock)


class BodyStreamBlock(blocks.StreamBlock):
    """The narrative body every page type shares."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="core/blocks/paragraph_block.html",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        help_text=_("Address of a video or other media, e.g. a YouTube link."),
        icon="media",
        template="core/blocks/embed_block.html",
    )
    document = DocumentBlock()
    contact = ContactCardBlock()
    table = TextTableBlock()

    class Meta:
        label = _("Body")
        block_counts = {"key_figures": {"max_num": 3}}
