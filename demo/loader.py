"""Builds the demo site from `content.py`: Finnish pages and snippets, then their English
translations through wagtail-localize's own translation records.

Idempotent: everything is looked up by its natural key (name and locale for snippets, slug
under its parent for pages) and only what is missing is created.
"""

import html
import re

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from clusters.models import ClusterContact, ClusterMember, ClusterTheme
from core.models import Organisation, Person, SiteFooterSettings
from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormField
from home.factories import StandardPageFactory
from home.models import HomeFeaturedItem, HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import Topic
from overview.factories import FundingOverviewPageFactory, ProjectTimelinePageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import (
    FundingSource,
    ProjectContact,
    ProjectFundingLine,
    ProjectGoal,
    ProjectPartner,
    ProjectResult,
    ProjectWorkPackage,
)
from strategy.factories import StrategyPageFactory, StrategyPriorityPageFactory

from . import content as c

PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class DemoLoader:
    """Loads the demo content; `log` receives one line per step."""

    def __init__(self, log=print):
        self.log = log
        self.english = {}  # Finnish text → English text, for every text in the content
        self.translatables = []  # Finnish objects to translate, parents before children
        self.created = 0
        self.missing_translations = []

    def run(self):
        self.fi = Locale.objects.get(language_code="fi")
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.home = HomePage.objects.get(locale=self.fi, depth=2)

        with transaction.atomic():
            self.step("organisations", self.load_organisations)
            self.step("people", self.load_people)
            self.step("funding sources", self.load_funding_sources)
            self.step("news topics", self.load_topics)
            self.step("section pages", self.load_sections)
            self.step("clusters", self.load_clusters)
            self.step("strategy and priorities", self.load_strategy)
            self.step("projects", self.load_projects)
            self.step("project overviews", self.load_overviews)
            self.step("news and events", self.load_news)
            self.step("standard pages", self.load_standard_pages)
            self.step("feedback form", self.load_feedback_form)
            self.step("home page", self.load_home)
            self.step("site footer", self.load_footer)
        # Outside the transaction above: wagtail-localize publishes a translated page in
        # transaction.on_commit, so each translation must commit before the next one
        # touches the same part of the tree (one outer transaction left stale child counts).
        self.step("English translations", self.translate_all)
        return self.created

    def step(self, name, function):
        before = self.created
        function()
        self.log(f"  {name}: {self.created - before} created")

    # --- Text ---------------------------------------------------------------------------

    def text(self, pair):
        """Remember a pair's English and return its Finnish."""
        if pair.fi:
            self.english[pair.fi] = pair.en
            # Plain-text fields reach wagtail-localize HTML-escaped ("&" as "&amp;").
            self.english[html.escape(pair.fi, quote=False)] = html.escape(pair.en, quote=False)
            inner_fi, inner_en = PARAGRAPH.match(pair.fi), PARAGRAPH.match(pair.en)
            if inner_fi and inner_en:
                self.english[inner_fi.group(1)] = inner_en.group(1)
        return pair.fi

    def body(self, items):
        blocks = []
        for block_type, pair in items:
            if block_type == "heading":
                blocks.append(("heading", {"text": self.text(pair), "level": "h2"}))
            else:
                blocks.append(("paragraph", RichText(self.text(pair))))
        return blocks

    # --- Snippets -----------------------------------------------------------------------

    def snippet(self, model, name, **fields):
        obj = model.objects.filter(locale=self.fi, name=name).first()
        if obj is None:
            obj = model.objects.create(locale=self.fi, name=name, **fields)
            self.created += 1
        self.translatables.append(obj)
        return obj

    def load_organisations(self):
        self.organisations = {}
        for key, (name, short_name, kind, website) in c.ORGANISATIONS.items():
            self.organisations[key] = self.snippet(
                Organisation,
                self.text(name),
                short_name=short_name,
                kind=kind,
                website=website,
            )

    def load_people(self):
        self.people = {}
        for key, (name, role, organisation, email, phone) in c.PEOPLE.items():
            self.people[key] = self.snippet(
                Person,
                name,
                role=self.text(role),
                organisation=self.organisations[organisation],
                email=email,
                phone=phone,
            )

    def load_funding_sources(self):
        self.sources = {}
        for key, (name, short_name, kind) in c.FUNDING_SOURCES.items():
            self.sources[key] = self.snippet(
                FundingSource, self.text(name), short_name=self.text(short_name), kind=kind
            )

    def load_topics(self):
        self.topics = {key: self.snippet(Topic, self.text(name)) for key, name in c.TOPICS.items()}

    # --- Pages --------------------------------------------------------------------------

    def page(self, factory, parent, data, children=None, **fields):
        """The page with this slug under `parent`, created (and published) if missing.

        `children(page)` fills in the page's inline rows and relations before it is saved.
        """
        slug = self.text(data["slug"])
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            page = existing.specific
        else:
            fields.setdefault("summary", self.text(data["summary"]) if "summary" in data else "")
            page = factory.build(title=self.text(data["title"]), slug=slug, **fields)
            if children is not None:
                children(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        self.translatables.append(page)
        return page

    def load_sections(self):
        self.cluster_index = self.page(ClusterIndexPageFactory, self.home, c.SECTIONS["clusters"])
        self.project_index = self.page(ProjectIndexPageFactory, self.home, c.SECTIONS["projects"])
        self.news_index = self.page(NewsIndexPageFactory, self.home, c.SECTIONS["news"])
        for page in (self.cluster_index, self.project_index, self.news_index):
            if not page.show_in_menus:
                page.show_in_menus = True
                page.save_revision().publish()

    def load_clusters(self):
        self.clusters = {}
        for data in c.CLUSTERS:

            def children(page, data=data):
                page.members = [
                    ClusterMember(organisation=self.organisations[key]) for key in data["members"]
                ]
                page.themes = [ClusterTheme(name=self.text(theme)) for theme in data["themes"]]
                page.contacts = [
                    ClusterContact(person=self.people[key]) for key in data.get("contacts", [])
                ]

            self.clusters[data["key"]] = self.page(
                ClusterPageFactory,
                self.cluster_index,
                data,
                children=children,
                lead_organisation=self.organisations[data["lead"]],
                body=self.body(data["body"]),
            )

    def load_strategy(self):
        data = c.STRATEGY
        self.strategy = self.page(
            StrategyPageFactory,
            self.home,
            data,
            period_start=data["period"][0],
            period_end=data["period"][1],
            body=self.body(data["body"]),
            show_in_menus=True,
        )
        self.priorities = {}
        for data in c.PRIORITIES:

            def children(page, data=data):
                page.clusters = [self.clusters[key] for key in data["clusters"]]

            self.priorities[data["key"]] = self.page(
                StrategyPriorityPageFactory, self.strategy, data, children=children
            )

    def load_projects(self):
        self.projects = {}
        for data in c.PROJECTS:

            def children(page, data=data):
                page.partners = [
                    ProjectPartner(organisation=self.organisations[key]) for key in data["partners"]
                ]
                page.funding_lines = [
                    ProjectFundingLine(source=self.sources[key], amount=amount, share=share)
                    for key, amount, share in data["funding"]
                ]
                page.goals = [ProjectGoal(text=self.text(goal)) for goal in data["goals"]]
                page.work_packages = [
                    ProjectWorkPackage(title=self.text(title), description=self.text(text))
                    for title, text in data["work_packages"]
                ]
                page.results = [ProjectResult(text=self.text(r)) for r in data["results"]]
                page.contacts = [ProjectContact(person=self.people[k]) for k in data["contacts"]]
                page.clusters = [self.clusters[key] for key in data["clusters"]]
                page.priorities = [self.priorities[key] for key in data["priorities"]]

            self.projects[data["key"]] = self.page(
                ProjectPageFactory,
                self.project_index,
                data,
                children=children,
                acronym=self.text(c.T(data["acronym"], data["acronym"])),
                lead_organisation=self.organisations.get(data["lead"]),
                start_date=data["start"],
                end_date=data["end"],
                total_budget=data["budget"],
                funding_programme=self.text(data["programme"]),
                programming_period=data["period"],
                body=self.body(data["body"]),
            )

    def load_overviews(self):
        for factory, data in (
            (FundingOverviewPageFactory, c.PROJECT_OVERVIEWS["funding"]),
            (ProjectTimelinePageFactory, c.PROJECT_OVERVIEWS["timeline"]),
        ):
            self.page(factory, self.project_index, data, intro=self.body(data["intro"]))

    def load_news(self):
        for data in c.NEWS:
            event = data["event"] or {}
            tz = timezone.get_current_timezone()

            def children(page, data=data):
                page.topics = [self.topics[key] for key in data["topics"]]
                page.related_clusters = [self.clusters[key] for key in data["clusters"]]
                page.related_projects = [self.projects[key] for key in data["projects"]]

            self.page(
                NewsPageFactory,
                self.news_index,
                data,
                children=children,
                date=data["date"],
                body=self.body(data["body"]),
                event_start=timezone.make_aware(event["start"], tz) if event else None,
                event_end=timezone.make_aware(event["end"], tz) if event else None,
                venue=self.text(event["venue"]) if event else "",
                participants=event.get("participants"),
            )

    def load_standard_pages(self):
        self.standard_pages = {
            data["key"]: self.page(
                StandardPageFactory, self.home, data, body=self.body(data["body"])
            )
            for data in c.STANDARD_PAGES
        }

    def load_feedback_form(self):
        data = c.FEEDBACK_FORM

        def children(page):
            page.form_fields = [
                FeedbackFormField(
                    sort_order=order,
                    label=self.text(label),
                    field_type=field_type,
                    required=required,
                    help_text=self.text(help_text),
                    choices=self.text(choices),
                )
                for order, (label, field_type, required, help_text, choices) in enumerate(
                    data["fields"]
                )
            ]

        self.feedback_form = self.page(
            FeedbackFormPageFactory,
            self.home,
            data,
            children=children,
            intro=self.text(data["intro"]),
            thank_you_text=self.text(data["thank_you_text"]),
        )

    def load_home(self):
        home = self.home
        self.text(c.HOME["hero_text"])
        self.text(c.HOME["intro"])
        self.english[home.title] = home.title
        self.english[home.slug] = "home"
        if not home.featured_items.exists():
            featured = {
                "strategy": self.strategy,
                "clusters": self.cluster_index,
                "asp": self.projects["asp"],
            }
            home.hero_text = c.HOME["hero_text"].fi
            home.intro = c.HOME["intro"].fi
            home.featured_items = [
                HomeFeaturedItem(page=featured[key]) for key in c.HOME["featured"]
            ]
            home.save_revision().publish()
            self.created += 1
        self.translatables.append(home)

    def load_footer(self):
        site = Site.objects.get(is_default_site=True)
        footer = SiteFooterSettings.for_site(site)
        if footer.organisation_id is None:
            footer.organisation = self.organisations[c.FOOTER["organisation"]]
            footer.street_address = c.FOOTER["street_address"]
            footer.postal_address = c.FOOTER["postal_address"]
            footer.email = c.FOOTER["email"]
            footer.about_page = self.standard_pages["about"]
            footer.accessibility_page = self.standard_pages["accessibility"]
            footer.privacy_page = self.standard_pages["privacy"]
            footer.feedback_page = self.feedback_form
            footer.save()
            self.created += 1

    # --- English ------------------------------------------------------------------------

    def translate_all(self):
        # The home page goes last: its featured items point at pages translated before it.
        for obj in self.translatables:
            with transaction.atomic():
                self.translate(obj)

    @staticmethod
    def finished(translation, existing):
        """Translated before (this is a re-run), not only opened for translation: the
        publication of the Finnish content submits it on its own (localisation.sync)."""
        total, done = translation.get_progress()
        return done == total and getattr(existing, "live", True)

    def translate(self, obj):
        """Translate `obj` into English the way a translator would in wagtail-localize:
        a translation source, a translation per segment, then publish the target."""
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=self.en, defaults={"enabled": True}
        )
        existing = obj.get_translation_or_none(self.en)
        if not created and existing is not None and self.finished(translation, existing):
            return
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            finnish = segment.string.data
            english = self.english.get(finnish)
            if english is None:
                self.missing_translations.append(finnish)
                english = finnish
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.en,
                context=segment.context,
                defaults={"data": english, "translation_type": "manual"},
            )
        translation.save_target(publish=True)
        self.created += 1
