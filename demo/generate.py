"""A realistic large site on top of the demo content, for benchmarks and tests.

`generate_site(pages)` adds clusters, projects (funding lines from EU and national sources,
partners, contacts, goals, results), news items (some of them events) and contact people
until the site has about `pages` pages in both languages together. The text is recombined
from the demo content's own Finnish and English sentences, so search stemming and page sizes
see real words. Every English page is a wagtail-localize translation of its Finnish source,
made with the demo loader's own code (`DemoLoader.page` and `DemoLoader.translate`):
translation source, a translation for each segment, then publish.

Generated pages are recognised by their slug ending (`-g<number>`): running it again only
adds what is missing to reach the requested size, and does nothing if the site is already
that big. Search indexing is suspended while pages are created; run `update_index` after.
"""

import contextlib
import datetime
import html
import math
import random
import re
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from modelsearch import index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from clusters.factories import ClusterPageFactory
from clusters.models import (
    ClusterContact,
    ClusterIndexPage,
    ClusterMember,
    ClusterPage,
    ClusterTheme,
)
from core.models import Organisation, Person
from demo import content
from demo.content import T
from demo.loader import DemoLoader
from news.factories import NewsPageFactory
from news.models import NewsIndexPage, Topic
from projects.factories import ProjectPageFactory
from projects.funding import funding_problems
from projects.models import (
    FundingSource,
    ProjectContact,
    ProjectFundingLine,
    ProjectGoal,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectResult,
    ProjectWorkPackage,
)
from strategy.models import StrategyPriorityPage

MAX_PAGES = 20_000
GENERATED_SLUG = r"-g[0-9]+$"
# Finnish objects created in one transaction before they are translated one by one.
CHUNK = 25
CENT = Decimal("0.01")

# Funding programmes by EU programming period, as in the structural-funds registers.
PROGRAMMES = {
    "2007-2013": (
        "Pohjois-Suomen EAKR-toimenpideohjelma 2007–2013",
        "Northern Finland ERDF Operational Programme 2007–2013",
    ),
    "2014-2020": (
        "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
        "Sustainable Growth and Jobs 2014–2020 – Finland's Structural Funds Programme",
    ),
    "2021-2027": (
        "Uudistuva ja osaava Suomi 2021–2027 -ohjelma",
        "Innovative and Skilled Finland 2021–2027 programme",
    ),
}
NATIONAL_PROGRAMME = (
    "Alueellisten innovaatioiden ja kokeilujen (AIKO) rahoitus",
    "Regional Innovations and Experimentations (AIKO) funding",
)
ROLES = [
    ("Projektipäällikkö", "Project Manager"),
    ("Projektikoordinaattori", "Project Coordinator"),
    ("Kehittämispäällikkö", "Development Manager"),
    ("Asiantuntija", "Specialist"),
    ("Tutkija", "Researcher"),
    ("Klusterikoordinaattori", "Cluster Coordinator"),
]
VENUES = [
    ("Lapin yliopisto, Rovaniemi", "University of Lapland, Rovaniemi"),
    ("Lapin ammattikorkeakoulu, Kemi", "Lapland University of Applied Sciences, Kemi"),
    ("Lapin liiton sali, Rovaniemi", "Regional Council of Lapland, Rovaniemi"),
    ("Lapin talo, Bryssel", "Lapland House, Brussels"),
    ("Kulttuuritalo Wiljami, Tornio", "Wiljami Cultural Centre, Tornio"),
    ("Etäyhteys (Teams)", "Online (Teams)"),
]
GIVEN_NAMES = [
    "Aino", "Anna", "Elina", "Hanna", "Johanna", "Katja", "Laura", "Maria", "Minna", "Noora",
    "Riikka", "Sanna", "Tiina", "Antti", "Eero", "Heikki", "Janne", "Juha", "Jussi", "Kalle",
    "Markku", "Mikko", "Pekka", "Sami", "Timo", "Ville",
]  # fmt: skip
SURNAMES = [
    "Aikio", "Hietala", "Kangas", "Karvonen", "Keskitalo", "Kumpula", "Lehtola", "Magga",
    "Niemelä", "Ollila", "Pietikäinen", "Rautio", "Salmela", "Sirviö", "Tervo", "Torvinen",
    "Vaara", "Väänänen", "Ylitalo",
]  # fmt: skip


@dataclass
class Result:
    """What one run did."""

    pages_before: int
    pages_after: int
    seconds: float
    missing_translations: list = field(default_factory=list)

    @property
    def added(self):
        return self.pages_after - self.pages_before


def generate_site(pages, log=print, progress=None, seed=2018):
    """Grow the site to about `pages` pages (both languages); see the module docstring.

    `progress(done, total)` is called after each chunk with the pages added so far.
    """
    if not 0 < pages <= MAX_PAGES:
        raise ValueError(f"pages must be between 1 and {MAX_PAGES}")
    return SiteGenerator(log=log, progress=progress, seed=seed).run(pages)


def site_page_count():
    """Pages a visitor can reach, in every language (the tree's root is not one)."""
    return Page.objects.filter(depth__gt=1).count()


class SiteGenerator:
    def __init__(self, log=print, progress=None, seed=2018):
        self.log = log
        self.progress = progress or (lambda done, total: None)
        self.seed = seed

    def run(self, pages):
        started = time.perf_counter()
        fi = Locale.objects.get(language_code="fi")
        if not ProjectIndexPage.objects.filter(locale=fi).exists():
            self.log("No demo content yet: loading it first.")
            DemoLoader(log=self.log).run()
        en = Locale.objects.get(language_code="en")
        self.remove_untranslated(fi, en)
        before = site_page_count()
        if before >= pages:
            self.log(f"The site already has {before} pages (asked for {pages}): nothing to add.")
            return Result(before, before, time.perf_counter() - started)

        # The loader's page and translation helpers, used outside its own run().
        self.loader = DemoLoader(log=lambda line: None)
        self.loader.fi, self.loader.en = fi, en
        self.load_context()
        items = math.ceil((pages - before) / 2)  # each Finnish page brings its English one
        self.log(f"Adding about {2 * items} pages to the {before} there are…")
        with search_indexing_suspended(), disable_reference_index_auto_update(), fast_commits():
            for first in range(0, items, CHUNK):
                with transaction.atomic():
                    for _ in range(min(CHUNK, items - first)):
                        self.add_item()
                self.translate_pending()
                self.progress(min(2 * (first + CHUNK), 2 * items), 2 * items)
        return Result(
            before,
            site_page_count(),
            time.perf_counter() - started,
            self.loader.missing_translations,
        )

    def remove_untranslated(self, fi, en):
        """Delete generated Finnish pages that an interrupted run left without English (their
        English text is gone with that run); this run adds others in their place."""
        stale = Page.objects.filter(locale=fi, slug__regex=GENERATED_SLUG).exclude(
            translation_key__in=Page.objects.filter(locale=en).values("translation_key")
        )
        if stale.exists():
            self.log(f"Removing {stale.count()} generated Finnish pages left without English.")
            with transaction.atomic():
                for page in stale:
                    page.delete()

    # --- What there is to link to -------------------------------------------------------

    def load_context(self):
        fi = self.loader.fi
        self.pairs = TextPairs.from_demo_content()
        self.cluster_index = ClusterIndexPage.objects.get(locale=fi)
        self.project_index = ProjectIndexPage.objects.get(locale=fi)
        self.news_index = NewsIndexPage.objects.get(locale=fi)
        self.organisations = list(Organisation.objects.filter(locale=fi).order_by("pk"))
        self.people = list(Person.objects.filter(locale=fi).order_by("pk"))
        self.topics = list(Topic.objects.filter(locale=fi).order_by("pk"))
        self.sources = {s.kind: s for s in FundingSource.objects.filter(locale=fi).order_by("pk")}
        self.priorities = list(StrategyPriorityPage.objects.filter(locale=fi).order_by("path"))
        self.clusters = list(ClusterPage.objects.filter(locale=fi).order_by("path"))
        self.projects = list(
            ProjectPage.objects.filter(locale=fi).defer_streamfields().order_by("path")
        )
        slugs = Page.objects.filter(locale=fi, slug__regex=GENERATED_SLUG).values_list(
            "slug", flat=True
        )
        self.number = max((int(slug.rsplit("-g", 1)[1]) for slug in slugs), default=0)

    # --- Finnish pages ------------------------------------------------------------------

    def add_item(self):
        """One Finnish page (and now and then a contact person), numbered from the last."""
        self.number += 1
        # Seeded per page: the same number gives the same page, whatever the batch sizes.
        self.rng = random.Random(f"{self.seed}-{self.number}")  # noqa: S311 (not security)
        if self.number % 12 == 1:
            self.add_person()
        if self.number % 150 == 3:
            self.add_cluster()
        elif self.rng.random() < 0.35:
            self.add_project()
        else:
            self.add_news()

    def add_person(self):

        rng = self.rng
        given, surname = rng.choice(GIVEN_NAMES), rng.choice(SURNAMES)
        organisation = rng.choice(self.organisations)
        domain = re.sub(r"^www\.", "", organisation.website.split("//")[-1].strip("/"))
        ascii_name = slugify(f"{given}.{surname}".replace("ä", "a").replace("ö", "o"))
        person = self.loader.snippet(
            Person,
            f"{given} {surname}",
            role=self.loader.text(T(*rng.choice(ROLES))),
            organisation=organisation,
            email=f"{ascii_name}@{domain or 'lapinliitto.fi'}",
            phone=f"040 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
        )
        self.people.append(person)

    def page_data(self):
        title = self.pairs.title(self.rng)
        return {
            "title": title,
            "slug": T(
                f"{slugify(title.fi)[:60]}-g{self.number}",
                f"{slugify(title.en)[:60]}-g{self.number}",
            ),
            "summary": self.pairs.sentence(self.rng, max_length=300),
        }

    def body(self):
        rng, pairs = self.rng, self.pairs
        items = [("paragraph", pairs.paragraph(rng, rng.randint(2, 4)))]
        for _ in range(rng.randint(1, 3)):
            items.append(("heading", pairs.title(rng)))
            items.append(("paragraph", pairs.paragraph(rng, rng.randint(2, 4))))
        return self.loader.body(items)

    def add_cluster(self):

        rng, loader = self.rng, self.loader
        members = rng.sample(self.organisations, rng.randint(3, 7))
        themes = [self.pairs.title(rng) for _ in range(rng.randint(2, 4))]
        contacts = rng.sample(self.people, min(2, len(self.people)))

        def children(page):
            page.members = [ClusterMember(organisation=org) for org in members]
            page.themes = [ClusterTheme(name=loader.text(theme)) for theme in themes]
            page.contacts = [ClusterContact(person=person) for person in contacts]

        cluster = loader.page(
            ClusterPageFactory,
            self.cluster_index,
            self.page_data(),
            children=children,
            lead_organisation=members[0],
            body=self.body(),
        )
        self.clusters.append(cluster)

    def add_project(self):

        rng, loader, pairs = self.rng, self.loader, self.pairs
        data = self.page_data()
        start = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(19 * 365))
        start = start.replace(day=1)
        end = start + datetime.timedelta(days=30 * rng.choice([12, 18, 24, 24, 30, 36]) - 1)
        budget = Decimal(round(math.exp(rng.uniform(11.2, 14.2)), -1))  # ~75 000–1 500 000 €
        period, eu_funded = programming_period(start), rng.random() < 0.8
        programme = PROGRAMMES[period] if eu_funded else NATIONAL_PROGRAMME
        lines = funding_lines(rng, budget, eu_funded)
        problems = funding_problems(budget, [(amount, share) for _kind, amount, share in lines])
        if problems:  # the editor's form would refuse them: a bug here, not bad luck
            raise RuntimeError(f"Generated funding lines do not add up: {problems}")
        organisations = rng.sample(self.organisations, rng.randint(2, 6))
        contacts = rng.sample(self.people, rng.randint(1, min(3, len(self.people))))
        acronym = "".join(w[0] for w in data["title"].fi.split() if w[:1].isalpha())[:6].upper()
        acronym = acronym if len(acronym) > 1 and rng.random() < 0.5 else ""

        def children(page):
            page.partners = [ProjectPartner(organisation=org) for org in organisations[1:]]
            page.funding_lines = [
                ProjectFundingLine(source=self.sources[kind], amount=amount, share=share)
                for kind, amount, share in lines
            ]
            page.goals = [
                ProjectGoal(text=loader.text(pairs.sentence(rng, max_length=400)))
                for _ in range(rng.randint(1, 4))
            ]
            page.work_packages = [
                ProjectWorkPackage(
                    title=loader.text(pairs.title(rng)),
                    description=loader.text(pairs.sentence(rng)),
                )
                for _ in range(rng.choice([0, 0, 2, 3]))
            ]
            page.results = [
                ProjectResult(text=loader.text(pairs.sentence(rng)))
                for _ in range(rng.randint(0, 3))
            ]
            page.contacts = [ProjectContact(person=person) for person in contacts]
            page.clusters = rng.sample(self.clusters, rng.randint(1, 2))
            page.priorities = rng.sample(self.priorities, rng.randint(1, 2))

        project = loader.page(
            ProjectPageFactory,
            self.project_index,
            data,
            children=children,
            acronym=loader.text(T(acronym, acronym)),
            lead_organisation=organisations[0],
            start_date=start,
            end_date=end,
            total_budget=budget,
            funding_programme=loader.text(T(*programme)),
            programming_period=period if eu_funded else "",
            body=self.body(),
        )
        self.projects.append(project)

    def add_news(self):

        rng, loader = self.rng, self.loader
        date = datetime.date(2012, 1, 1) + datetime.timedelta(days=rng.randrange(15 * 365))
        event = {}
        if self.number % 5 == 2:  # a fifth of the news are events
            tz = timezone.get_current_timezone()
            start = datetime.datetime.combine(
                date + datetime.timedelta(days=rng.randint(7, 60)),
                datetime.time(rng.choice([9, 10, 12, 13])),
            )
            event = {
                "event_start": timezone.make_aware(start, tz),
                "event_end": timezone.make_aware(
                    start + datetime.timedelta(hours=rng.choice([2, 3, 6, 30])), tz
                ),
                "venue": loader.text(T(*rng.choice(VENUES))),
                "participants": rng.choice([None, 25, 40, 60, 100, 200]),
            }
        topics = rng.sample(self.topics, rng.randint(0, min(2, len(self.topics))))
        clusters = rng.sample(self.clusters, rng.randint(0, 2))
        projects = rng.sample(self.projects, rng.randint(0, min(2, len(self.projects))))

        def children(page):
            page.topics = topics
            page.related_clusters = clusters
            page.related_projects = projects

        loader.page(
            NewsPageFactory,
            self.news_index,
            self.page_data(),
            children=children,
            date=date,
            body=self.body(),
            **event,
        )

    # --- English ------------------------------------------------------------------------

    def translate_pending(self):
        # One commit per translation: wagtail-localize publishes a translated page in
        # transaction.on_commit, and the next one may go under the same parent.
        for obj in self.loader.translatables:
            with transaction.atomic():
                self.loader.translate(obj)
        # The reference index (the editor's "usage" of snippets and pages) once per object,
        # not on each of the several saves that creating and publishing a page makes.
        with transaction.atomic():
            for obj in self.loader.translatables:
                for version in (obj, obj.get_translation(self.loader.en)):
                    ReferenceIndex.create_or_update_for_object(version)
        self.loader.translatables.clear()


# --- Text from the demo content ---------------------------------------------------------


class TextPairs:
    """The demo content's Finnish/English texts: short ones (titles, headings, themes) and
    sentences, as plain text; paragraphs are built from sentences."""

    def __init__(self, short, sentences):
        self.short, self.sentences = short, sentences

    @classmethod
    def from_demo_content(cls):

        short, sentences = [], []
        for pair in _pairs(content):
            fi, en = _plain(pair.fi), _plain(pair.en)
            if not fi or not en or re.fullmatch(r"[a-z0-9-]+", fi):  # slugs
                continue
            fi_sentences, en_sentences = _sentences(fi), _sentences(en)
            if 12 <= len(fi) <= 90 and len(fi_sentences) == 1 and fi != en:
                short.append(T(fi.rstrip("."), en.rstrip(".")))
            elif len(fi_sentences) == len(en_sentences):
                sentences.extend(T(*s) for s in zip(fi_sentences, en_sentences, strict=True))
            else:
                sentences.append(T(fi, en))
        return cls(sorted(set(short)), sorted(set(sentences)))

    def title(self, rng):
        return rng.choice(self.short)

    def sentence(self, rng, max_length=1000):
        while True:
            pair = rng.choice(self.sentences)
            if len(pair.fi) <= max_length and len(pair.en) <= max_length:
                return pair

    def paragraph(self, rng, count):
        picked = rng.sample(self.sentences, count)
        return T(
            "<p>" + html.escape(" ".join(p.fi for p in picked), quote=False) + "</p>",
            "<p>" + html.escape(" ".join(p.en for p in picked), quote=False) + "</p>",
        )


def _pairs(content):
    def walk(value):
        if isinstance(value, content.T):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from walk(item)

    # Snippet names would make odd page titles ("Muu julkinen rahoitus").
    snippets = {"ORGANISATIONS", "PEOPLE", "FUNDING_SOURCES", "TOPICS", "FOOTER"}
    for name in sorted(dir(content)):
        if name.isupper() and name not in snippets:
            yield from walk(getattr(content, name))


def _plain(text):
    return " ".join(html.unescape(strip_tags(text)).split())


def _sentences(text):
    parts = [part.strip() for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9“”\"])", text)]
    return [part for part in parts if part]


# --- Money ------------------------------------------------------------------------------


def programming_period(start):
    if start.year <= 2014:
        return "2007-2013"
    return "2014-2020" if start.year <= 2022 else "2021-2027"


def funding_lines(rng, budget, eu_funded):
    """(source kind, amount, share) lines an editor could have typed from a funding decision:
    the main funder's share (ERDF 60–80 %, or the Regional Council's national 60–75 %), then
    municipal, other public and private co-funding; each line gives its amount, its share or
    both, and sometimes the private part is left as the unitemised remainder."""
    main_share = Decimal(rng.choice([60, 70, 75, 80] if eu_funded else [60, 70, 75]))
    shares = {"eu_fund" if eu_funded else "national": main_share}
    rest = Decimal(100) - main_share
    municipal = min(rest, Decimal(rng.choice([5, 10, 12.5, 15, 20])))
    shares["municipal"] = municipal
    rest -= municipal
    if rest > 5 and rng.random() < 0.4:
        shares["other_public"] = Decimal(5)
        rest -= 5
    if rest > 0:
        shares["private"] = rest
    amounts = {
        kind: (budget * share / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        for kind, share in shares.items()
    }
    # The last line takes the rounding, so the amounts add up to the budget exactly.
    last = list(amounts)[-1]
    amounts[last] = budget - sum(a for kind, a in amounts.items() if kind != last)
    leave_remainder = "private" in shares and rng.random() < 0.3
    lines = []
    for kind, share in shares.items():
        if kind == "private" and leave_remainder:
            continue
        how = rng.choice(["amount", "share", "both"])
        if leave_remainder and not lines:
            # Amounts on every line must add up to the budget, so a remainder needs a share.
            how = "share"
        lines.append(
            (
                kind,
                amounts[kind] if how != "share" or kind == last else None,
                share if how != "amount" else None,
            )
        )
    return lines


# --- Speed-ups while building -----------------------------------------------------------


@contextlib.contextmanager
def search_indexing_suspended():
    """No search index updates on save (modelsearch's signal handlers are disconnected, and
    the backends' AUTO_UPDATE is off for anything that asks); `update_index` catches up."""

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    # modelsearch reads the setting on every save, so swapping it for the build is enough.
    configured = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**options, "AUTO_UPDATE": False} for name, options in configured.items()
    }
    try:
        yield
    finally:
        settings.WAGTAILSEARCH_BACKENDS = configured
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


@contextlib.contextmanager
def fast_commits():
    """On PostgreSQL, commits that do not wait for the disk (this session only): thousands
    of small transactions, and a crash loses at most the last few, which a rerun adds."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO DEFAULT")
