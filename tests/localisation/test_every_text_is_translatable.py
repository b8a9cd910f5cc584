"""Every text an editor can type reaches the translators, or is deliberately synchronised.

Finnish is the source and English is translated through wagtail-localize, which only offers
translators what it extracts as segments; anything else is silently copied from the Finnish
page. These tests walk every page type, translatable snippet, child relation and StreamField
block of the project, so a new field or block is covered without touching this file.
"""

import itertools
import uuid

import pytest
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin, get_page_models, get_translatable_models
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor, extract_segments

from core.blocks import TextTableBlock

PROJECT_APPS = {"core", "home", "clusters", "projects", "news", "strategy", "feedback", "overview"}

# Fields wagtailcore.Page gives every page type that carry the page's own words.
PAGE_TEXT_FIELDS = ("title", "slug", "seo_title", "search_description")

# Text fields that are synchronised from the Finnish source on purpose because they read the
# same in every language. An entry must match a SynchronizedField of the model, so the list
# cannot go stale; anything else an editor types must be a TranslatableField.
SYNCHRONISED_TEXT = {
    "core.Organisation.short_name": "an acronym such as LUKE or GTK is the same in every language",
    "core.Organisation.website": "a web address (overridable, for an English site of its own)",
    "core.Person.name": "a person's name is not translated",
    "core.Person.email": "an email address",
    "core.Person.phone": "a phone number",
    "projects.ProjectPage.register_url": "the address of the project's EURA/Kohesio record",
    "feedback.FeedbackFormPage.to_address": "staff addresses the submissions are e-mailed to",
    "feedback.FeedbackFormPage.from_address": "an email address",
    "feedback.FeedbackFormPage.subject": "the notification to staff is in Finnish in any language",
    "feedback.FeedbackFormField.clean_name": "the key of the stored answers, shared by languages",
}


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def is_text_field(field):
    """True for a field in which an editor types free text (codes from choices are not)."""
    if isinstance(field, TaggableManager):
        return True
    return (
        isinstance(field, models.CharField | models.TextField | StreamField)
        and field.editable
        and not field.choices
    )


def own_text_fields(model):
    """The model's text fields, leaving out those every page inherits from wagtailcore.Page."""
    return [
        field
        for field in model._meta.get_fields()
        if is_text_field(field) and getattr(field, "model", None) is not Page
    ]


def child_relations(model):
    """The model's ParentalKey children (inline panels), not those inherited from Page."""
    return [
        relation
        for relation in model._meta.related_objects
        if isinstance(relation.remote_field, ParentalKey) and relation.model is model
    ]


def parental_many_to_many(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField) and field.model is model
    ]


def has_text_to_translate(model):
    return any(
        f"{label(model)}.{field.name}" not in SYNCHRONISED_TEXT for field in own_text_fields(model)
    )


PAGE_MODELS = sorted(
    (model for model in get_page_models() if model._meta.app_label in PROJECT_APPS), key=label
)
SNIPPET_MODELS = sorted(
    (
        model
        for model in get_translatable_models()
        if model._meta.app_label in PROJECT_APPS
        and not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    ),
    key=label,
)


def _descendants(models_):
    for model in models_:
        children = [relation.related_model for relation in child_relations(model)]
        yield from children
        yield from _descendants(children)


CHILD_MODELS = sorted(set(_descendants(PAGE_MODELS + SNIPPET_MODELS)), key=label)
CHECKED_MODELS = PAGE_MODELS + SNIPPET_MODELS + CHILD_MODELS

RELATIONS = [
    (model, relation.name)
    for model in CHECKED_MODELS
    for relation in [*child_relations(model), *parental_many_to_many(model)]
]
STREAM_FIELDS = [
    (model, field.name)
    for model in PAGE_MODELS
    for field in own_text_fields(model)
    if isinstance(field, StreamField)
]


def decisions(model):
    return {field.field_name: field for field in get_translatable_fields(model)}


def describe(decision):
    if decision is None:
        return "leaves it out: it is neither translated nor synchronised"
    if isinstance(decision, SynchronizedField):
        return "copies it unchanged from the Finnish source (SynchronizedField)"
    return f"treats it as {decision!r}"


def test_the_walk_covers_the_project_content_types():
    """Guards against the parametrised tests below passing because they collected nothing."""
    assert {label(model) for model in PAGE_MODELS} >= {
        "home.HomePage",
        "home.StandardPage",
        "clusters.ClusterIndexPage",
        "clusters.ClusterPage",
        "projects.ProjectIndexPage",
        "projects.ProjectPage",
        "news.NewsIndexPage",
        "news.NewsPage",
        "strategy.StrategyPage",
        "strategy.StrategyPriorityPage",
        "feedback.FeedbackFormPage",
        "overview.FundingOverviewPage",
        "overview.ProjectTimelinePage",
    }
    assert {label(model) for model in SNIPPET_MODELS} >= {
        "core.Organisation",
        "core.Person",
        "projects.FundingSource",
    }
    assert {f"{label(model)}.{name}" for model, name in RELATIONS} >= {
        "projects.ProjectPage.goals",
        "projects.ProjectPage.funding_lines",
        "projects.ProjectPage.clusters",
        "feedback.FeedbackFormPage.form_fields",
    }
    # Only home, news index and the feedback form (rich text fields) have none.
    assert len(STREAM_FIELDS) >= len(PAGE_MODELS) - 3


# --- Model fields -------------------------------------------------------------------------


@pytest.mark.parametrize("model", CHECKED_MODELS, ids=label)
def test_every_text_field_is_translated_or_deliberately_synchronised(model):
    declared = decisions(model)
    problems = []

    if issubclass(model, Page):
        problems += [
            f"{label(model)}.{name}: every page's {name} must be translated, but wagtail-localize "
            f"{describe(declared.get(name))}"
            for name in PAGE_TEXT_FIELDS
            if not isinstance(declared.get(name), TranslatableField)
        ]

    text_fields = own_text_fields(model)
    for field in text_fields:
        key = f"{label(model)}.{field.name}"
        decision = declared.get(field.name)
        if key in SYNCHRONISED_TEXT:
            if not isinstance(decision, SynchronizedField):
                problems.append(
                    f"{key} is listed in SYNCHRONISED_TEXT but wagtail-localize "
                    f"{describe(decision)}; remove the entry or synchronise the field"
                )
        elif isinstance(field, TaggableManager):
            problems.append(
                f"{key} holds tags editors type, and wagtail-localize cannot translate taggit "
                f"tags: it {describe(decision)}. Decide whether the tags are language-neutral "
                f"(then list them in SYNCHRONISED_TEXT) or model them as translatable content"
            )
        elif not isinstance(decision, TranslatableField):
            problems.append(
                f"{key} is text an editor types, but wagtail-localize {describe(decision)}; "
                f"make it a TranslatableField, or list it in SYNCHRONISED_TEXT with a reason "
                f"if it reads the same in every language"
            )

    existing = {f"{label(model)}.{field.name}" for field in text_fields}
    problems += [
        f"SYNCHRONISED_TEXT lists {key}, which is not a text field of {label(model)}"
        for key in SYNCHRONISED_TEXT
        if key.rpartition(".")[0] == label(model) and key not in existing
    ]

    assert not problems, "\n".join(problems)


class Markers:
    """Hands out unique marker strings and remembers where each one was put."""

    def __init__(self):
        self._numbers = itertools.count(1)
        self.texts = {}  # marker → where it was typed
        self.addresses = {}  # URL or email → where it was typed

    def text(self, where):
        marker = f"MARK-{next(self._numbers)}"
        self.texts[marker] = where
        return marker

    def address(self, where, template="https://example.com/address-{}"):
        address = template.format(next(self._numbers))
        self.addresses[address] = where
        return address

    def missing_from(self, segments):
        """Where a marked text or address did not come out of extraction, as messages."""
        texts = {seg.render_text() for seg in segments if isinstance(seg, StringSegmentValue)}
        addresses = {str(seg.data) for seg in segments if isinstance(seg, OverridableSegmentValue)}
        return [
            f"{where}: the text typed there ({marker}) is not offered to translators"
            for marker, where in self.texts.items()
            if marker not in texts
        ] + [
            f"{where}: the address typed there ({address}) is neither offered to translators "
            f"nor overridable"
            for address, where in self.addresses.items()
            if address not in addresses
        ]


def fill_typed_text(instance, markers, where):
    """Type a marker into every field of the instance, and of a child, that must be translated.

    Driven by the fields themselves rather than by wagtail-localize's declarations, so a field
    that is declared wrongly or not at all is caught here too.
    """
    model = type(instance)
    fields = own_text_fields(model)
    if issubclass(model, Page):
        fields += [model._meta.get_field(name) for name in PAGE_TEXT_FIELDS]
    for field in fields:
        path = f"{where}.{field.name}"
        if f"{label(model)}.{field.name}" in SYNCHRONISED_TEXT:
            continue
        if isinstance(field, RichTextField):
            setattr(instance, field.attname, f"<p>{markers.text(path)}</p>")
        elif isinstance(field, models.CharField | models.TextField):
            setattr(instance, field.attname, markers.text(path))
        # StreamFields have their own test below; tags fail the field test above.
    for relation in child_relations(model):
        if has_text_to_translate(relation.related_model):
            child = relation.related_model()
            fill_typed_text(child, markers, f"{where}.{relation.name}[0]")
            setattr(instance, relation.get_accessor_name(), [child])


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPET_MODELS, ids=label)
def test_text_typed_in_fields_and_inline_panels_reaches_translators(model):
    instance = model()
    markers = Markers()
    fill_typed_text(instance, markers, label(model))

    assert markers.texts, f"{label(model)} has no text field to check"
    problems = markers.missing_from(extract_segments(instance))
    assert not problems, "\n".join(problems)


# --- Child relations ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "name"), RELATIONS, ids=[f"{label(model)}.{name}" for model, name in RELATIONS]
)
def test_every_child_relation_is_translated_or_synchronised_as_its_content_needs(model, name):
    field = model._meta.get_field(name)
    decision = decisions(model).get(name)
    key = f"{label(model)}.{name}"

    if isinstance(field, ParentalManyToManyField):
        # The English page links to the same pages; templates show them via .localized.
        assert isinstance(decision, SynchronizedField), (
            f"{key} links pages chosen in the Finnish source, but wagtail-localize "
            f"{describe(decision)}; declare SynchronizedField({name!r}) so translations keep "
            f"the links"
        )
        return

    child = field.related_model
    if has_text_to_translate(child):
        assert issubclass(child, TranslatableMixin), (
            f"{key}: {label(child)} holds text editors type but is not a TranslatableMixin, "
            f"so wagtail-localize can only copy it unchanged into English"
        )
        assert isinstance(decision, TranslatableField), (
            f"{key}: {label(child)} holds text editors type, but wagtail-localize "
            f"{describe(decision)}; it must be a TranslatableField"
        )
    else:
        assert isinstance(decision, SynchronizedField), (
            f"{key}: {label(child)} has no text of its own and should be copied to "
            f"translations, but wagtail-localize {describe(decision)}"
        )


# --- StreamField blocks -------------------------------------------------------------------

# Leaves without free text: a valid value for each, or None for choosers (extraction turns a
# chosen page, image or document into an overridable reference, a snippet into its translation).
NON_TEXT_LEAVES = {
    blocks.ChoiceBlock: lambda block: next(value for value, _ in block.field.choices if value),
    blocks.MultipleChoiceBlock: lambda block: [
        next(value for value, _ in block.field.choices if value)
    ],
    blocks.BooleanBlock: lambda block: True,
    blocks.IntegerBlock: lambda block: 1,
    blocks.FloatBlock: lambda block: 1.5,
    blocks.DecimalBlock: lambda block: "1.5",
    blocks.DateBlock: lambda block: "2018-11-06",
    blocks.TimeBlock: lambda block: "10:00:00",
    blocks.DateTimeBlock: lambda block: "2018-11-06T10:00:00",
    blocks.ChooserBlock: lambda block: None,
    blocks.StaticBlock: lambda block: None,
}


class BlockSampler(Markers):
    """Builds a raw StreamField value with a unique marker in every leaf that holds free text.

    Lists get two items in the block format the admin saves, so every cell of a table and
    every figure of a list is checked, not just the first.
    """

    def __init__(self):
        super().__init__()
        self.unknown = []

    def sample(self, block, where):
        if isinstance(block, blocks.StreamBlock):
            return [
                {"type": name, "value": self.sample(child, f"{where} → {name}"), "id": _id()}
                for name, child in block.child_blocks.items()
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.sample(child, f"{where} → {name}")
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [
                {
                    "type": "item",
                    "value": self.sample(block.child_block, f"{where}[{n}]"),
                    "id": _id(),
                }
                for n in range(2)
            ]
        if isinstance(block, blocks.RichTextBlock):
            return f"<p>{self.text(where)}</p>"
        if isinstance(block, blocks.CharBlock | blocks.TextBlock):
            return self.text(where)
        if isinstance(block, blocks.EmailBlock):
            return self.address(where, "address-{}@example.com")
        if isinstance(block, blocks.URLBlock):  # EmbedBlock too: overridable, not translated.
            return self.address(where)
        for leaf_type, make_value in NON_TEXT_LEAVES.items():
            if isinstance(block, leaf_type):
                return make_value(block)
        self.unknown.append(
            f"{where}: teach the test about block {type(block).__module__}."
            f"{type(block).__qualname__} (does it hold text an editor types, and does "
            f"wagtail-localize extract it?)"
        )
        return None


def _id():
    return str(uuid.uuid4())


def sample_and_extract(stream_block, where):
    sampler = BlockSampler()
    raw = sampler.sample(stream_block, where)
    value = stream_block.to_python(raw)
    # What extract_segments does for a StreamField that is a TranslatableField.
    segments = StreamFieldSegmentExtractor(None, include_overridables=True).handle_stream_block(
        value
    )
    return sampler, segments


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field_name"),
    STREAM_FIELDS,
    ids=[f"{label(model)}.{name}" for model, name in STREAM_FIELDS],
)
def test_every_text_block_becomes_a_translator_segment(model, field_name):
    field = model._meta.get_field(field_name)
    sampler = BlockSampler()
    raw = sampler.sample(field.stream_block, f"{label(model)}.{field_name}")
    assert not sampler.unknown, "\n".join(sampler.unknown)
    assert sampler.texts, f"{label(model)}.{field_name} offers no text block; nothing was checked"

    page = model()
    setattr(page, field_name, field.stream_block.to_python(raw))
    problems = sampler.missing_from(extract_segments(page))

    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_text_table_offers_caption_headings_and_every_cell_to_translators():
    stream_block = blocks.StreamBlock([("table", TextTableBlock())])

    sampler, segments = sample_and_extract(stream_block, "table")

    # A caption, two column headings and two rows of two cells.
    assert len(sampler.texts) == 1 + 2 + 2 * 2
    assert sampler.missing_from(segments) == []


# --- The walker itself --------------------------------------------------------------------


class SilentCharBlock(blocks.CharBlock):
    """A text block that, like a careless custom block, hides its text from wagtail-localize."""

    def get_translatable_segments(self, value):
        return []


@pytest.mark.django_db
def test_walker_reports_a_text_block_whose_text_is_not_extracted():
    stream_block = blocks.StreamBlock(
        [
            (
                "note",
                blocks.StructBlock(
                    [
                        ("heading", blocks.CharBlock()),
                        ("aside", SilentCharBlock()),
                        ("style", blocks.ChoiceBlock(choices=[("wide", "Wide")])),
                    ]
                ),
            )
        ]
    )

    sampler, segments = sample_and_extract(stream_block, "toy")

    assert sampler.missing_from(segments) == [
        "toy → note → aside: the text typed there (MARK-2) is not offered to translators"
    ]


def test_walker_refuses_a_block_it_does_not_know():
    # RawHTMLBlock holds free text that wagtail-localize ignores; the walker must not guess.
    stream_block = blocks.StreamBlock([("html", blocks.RawHTMLBlock())])
    sampler = BlockSampler()

    sampler.sample(stream_block, "toy")

    [message] = sampler.unknown
    assert message.startswith(
        "toy → html: teach the test about block wagtail.blocks.field_block.RawHTMLBlock"
    )
