"""A project from the communicator's first keystroke to the English page (issue 14, J1–J4).

J1: a communicator writes a project in the Finnish admin: organisations, dates, budget and
three funding lines, contacts, clusters, a body with a heading, text, an uploaded image and
a 2 × 2 table. The three funding and date mistakes each show their message at the field and
save nothing; then preview and submission for moderation. J2: a moderator approves it from
the dashboard, and the public page shows its status, duration, EU share and co-financing
rate. J3: a translator opens it from the backlog, translates every segment and publishes;
the English address comes from the English title. J4: one paragraph is edited, approved,
and the translator finds exactly that one segment to do.

Every step types into or clicks Wagtail's own widgets, as in test_editorial_journeys.py,
and every admin screen passed is checked for English words.
"""

import datetime
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from PIL import Image

from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.e2e.journeys import (
    Screens,
    approve_from_dashboard,
    assert_no_english,
    setup_localisation,
    submit_for_moderation,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROJECT = "Pohjoisen datatalouden kiihdyttämö"
ACRONYM = "DATAKIIHDY"
SUMMARY = "Hanke kokoaa Lapin datatalouden toimijat yhteen."
PARAGRAPH = "Hankkeessa rakennetaan yhteinen datapalvelu Lapin yrityksille."


# --- The content a project refers to ------------------------------------------------------


@pytest.fixture
def project_index(finnish_home):
    """The projects index with two clusters, the funding sources and organisations a
    project refers to (each also in English, so that the choosers could mix them), and a
    contact person; then the English tree, groups and workflow."""
    from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
    from core.factories import OrganisationFactory, PersonFactory
    from core.models import Organisation
    from projects.factories import FundingSourceFactory, ProjectIndexPageFactory
    from projects.funding import FundingSource

    index = ProjectIndexPageFactory(parent=finnish_home, title="Hankkeet", slug="hankkeet")
    clusters = ClusterIndexPageFactory(parent=finnish_home, title="Klusterit", slug="klusterit")
    ClusterPageFactory(parent=clusters, title="Arktinen data", slug="arktinen-data")
    ClusterPageFactory(parent=clusters, title="Arktinen energia", slug="arktinen-energia")
    for name, short, kind in [
        ("Euroopan aluekehitysrahasto", "EAKR", FundingSource.Kind.EU_FUND),
        ("Lapin liiton rahoitus", "Lapin liitto", FundingSource.Kind.NATIONAL),
        ("Kuntarahoitus", "Kunnat", FundingSource.Kind.MUNICIPAL),
    ]:
        # Saving a Finnish snippet makes its English copy (localisation/sync.py).
        FundingSourceFactory(name=name, short_name=short, kind=kind)
    lead = OrganisationFactory(name="Lapin liitto", kind=Organisation.Kind.OTHER)
    OrganisationFactory(name="Lapin yliopisto", kind=Organisation.Kind.OTHER)
    PersonFactory(name="Maija Meikäläinen", organisation=lead)
    setup_localisation()
    return index


def an_image(folder):
    path = folder / "revontulet.png"
    Image.new("RGB", (640, 360), (20, 60, 90)).save(path)
    return path


# --- Widgets ------------------------------------------------------------------------------


def choose_in_modal(page, expect, opener, query, title):
    """Open a chooser, search for `query` and click the result `title`."""
    opener.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.get_by_label("Hakutermi").fill(query)
    result = modal.get_by_role("link", name=title, exact=True)
    expect(result).to_have_count(1)
    result.click()
    expect(modal).to_have_count(0)


def add_block(page, expect, kind):
    """The body's last "+" button, then the block type from the picker; returns the new
    block's id prefix (body-N-value) once it has slid open."""
    page.locator("[data-streamfield-stream-container] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    page.wait_for_function("() => !window.jQuery(':animated').length")
    prefix = f"body-{int(page.locator('input[name=body-count]').input_value()) - 1}-value"
    expect(page.locator(f"[id^='{prefix}']").first).to_be_attached()
    return prefix


def around(page, field_id):
    """The field wrapper of the input `field_id`: its widget, chooser buttons or editor."""
    return page.locator("[data-field-input]", has=page.locator(f"#{field_id}"))


def field_error(page, field_id):
    """The error message Wagtail shows at a field."""
    field = page.locator(".w-field", has=page.locator(f"#{field_id}"))
    return field.locator(".error-message")


def translate_segment(page, expect, editor, finnish, english):
    """In the translation editor: the segment showing the Finnish text, its "Käännä"
    button, the English typed in, and "Tallenna", waiting until the segment is saved."""
    # The innermost list item showing the text (the lists of segments are nested).
    segment = editor.locator("li", has=page.get_by_text(finnish, exact=True)).last
    segment.get_by_role("button", name="Käännä").click()
    segment.locator("textarea").fill(english)
    with page.expect_response(lambda response: response.request.method == "PUT") as saved:
        segment.get_by_role("button", name="Tallenna").click()
    assert saved.value.ok, f"saving “{english}” answered {saved.value.status}"
    expect(segment.locator("textarea")).to_have_count(0)
    expect(segment).to_contain_text(english)


# --- J1 -----------------------------------------------------------------------------------


def test_communicator_writes_a_project_and_submits_it(
    live_server, sign_in, screenshots, project_index, expect, tmp_path
):
    from projects.models import ProjectPage

    screens = Screens(screenshots, "journey1")
    writer = sign_in("viestija", COMMUNICATORS)
    writer.goto(f"{live_server.url}/admin/pages/{project_index.pk}/")
    screens.see(writer, "projects")
    writer.get_by_role("link", name="Lisää alasivu").first.click()
    screens.see(writer, "page-types")
    # The type's name, then its description (page_description) in the same link.
    writer.get_by_role("link", name=re.compile(r"^Hanke\b")).click()
    expect(writer.locator("#id_title")).to_be_visible()
    writer.locator("#id_title").fill(PROJECT)
    writer.locator("#id_acronym").fill(ACRONYM)
    writer.locator("#id_summary").fill(SUMMARY)

    def chooser_of(field_id):
        """The "choose" button of the chooser whose hidden input is `field_id`."""
        return around(writer, field_id).locator("button[data-chooser-action-choose]")

    lead = chooser_of("id_lead_organisation")
    choose_in_modal(
        writer,
        expect,
        lead,
        "liitto",
        "Lapin liitto",
    )
    expect(
        writer.locator("[data-field-input]", has=writer.locator("#id_lead_organisation"))
    ).to_contain_text("Lapin liitto")
    writer.get_by_role("button", name="Lisää Kumppani").click()
    choose_in_modal(
        writer,
        expect,
        chooser_of("id_partners-0-organisation"),
        "yliopisto",
        "Lapin yliopisto",
    )
    # The first mistake: the end before the start.
    writer.locator("#id_start_date").fill("01.01.2027")
    writer.locator("#id_end_date").fill("31.12.2026")
    writer.locator("#id_total_budget").fill("500000")
    for number, (source, query, amount, share) in enumerate(
        [
            ("Euroopan aluekehitysrahasto (EAKR)", "EAKR", "300000", ""),
            (
                "Lapin liiton rahoitus (Lapin liitto)",
                "liiton",
                "",
                "120",
            ),  # the second: a share over 100
            ("Kuntarahoitus (Kunnat)", "kunnat", "60000", ""),
        ]
    ):
        writer.get_by_role("button", name="Lisää Rahoitusrivi").click()
        choose_in_modal(
            writer,
            expect,
            chooser_of(f"id_funding_lines-{number}-source"),
            query,
            source,
        )
        writer.locator(f"#id_funding_lines-{number}-amount").fill(amount)
        writer.locator(f"#id_funding_lines-{number}-share").fill(share)
    writer.get_by_role("button", name="Lisää Yhteyshenkilö").click()
    choose_in_modal(
        writer,
        expect,
        chooser_of("id_contacts-0-person"),
        "maija",
        "Maija Meikäläinen",
    )

    # Clusters: only the Finnish ones are offered; the search field narrows the list.
    clusters = writer.locator(
        "[data-controller='filterable-checkboxes']", has=writer.locator("#id_clusters")
    )
    expect(clusters.locator("input[type=checkbox]")).to_have_count(2)
    clusters.get_by_role("searchbox").fill("data")
    shown = clusters.locator(".filterable-checkboxes__list label:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("Arktinen data")
    clusters.get_by_label("Arktinen data").check()
    clusters.get_by_role("searchbox").fill("")

    # The body: a heading, a paragraph, an uploaded image and a 2 × 2 table.
    heading = add_block(writer, expect, "Väliotsikko")
    writer.locator(f"#{heading}-text").fill("Tavoitteet")
    paragraph = add_block(writer, expect, "Teksti")
    around(writer, paragraph).locator("[contenteditable='true']").click()
    writer.keyboard.type(PARAGRAPH)
    figure = add_block(writer, expect, "Kuva")
    around(writer, f"{figure}-image").locator("button[data-chooser-action-choose]").click()
    modal = writer.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("tab", name="Lataa").click()
    modal.locator("input[type=file]").set_input_files(str(an_image(tmp_path)))
    modal.get_by_label("Otsikko").fill("Revontulet")
    modal.locator("form button[type=submit]").click()
    expect(modal).to_have_count(0)
    writer.locator(f"#{figure}-alt_text").fill("Revontulet Rovaniemen yllä")
    add_block(writer, expect, "Taulukko")
    table = writer.locator(".table-grid").last
    table.get_by_label("Taulukon otsikko").fill("Aikataulu")
    table.get_by_role("button", name="Lisää sarake").click()
    table.get_by_role("button", name="Lisää rivi").click()
    for label, text in [
        ("Sarakkeen 1 otsikko", "Vaihe"),
        ("Sarakkeen 2 otsikko", "Aika"),
        ("Rivi 1, sarake 1", "Kartoitus"),
        ("Rivi 1, sarake 2", "2027"),
        ("Rivi 2, sarake 1", "Palvelu"),
        ("Rivi 2, sarake 2", "2028"),
    ]:
        table.get_by_label(label, exact=True).fill(text)
    screens.see(writer, "filled", screenshot=True)

    # --- Saving shows each mistake at its field, and saves nothing ----------------------
    save = writer.locator("footer button.action-save").first
    save.click()
    expect(field_error(writer, "id_end_date")).to_have_text(
        "Päättymispäivä on ennen alkamispäivää."
    )
    expect(field_error(writer, "id_funding_lines-1-share")).to_have_text(
        "Osuuden on oltava 0–100 %."
    )
    screens.see(writer, "errors-dates-and-share", screenshot=True)
    assert not ProjectPage.objects.filter(title=PROJECT).exists()

    writer.locator("#id_end_date").fill("31.12.2028")
    writer.locator("#id_funding_lines-1-share").fill("30")
    save.click()
    expect(field_error(writer, "id_total_budget")).to_contain_text(
        "Rahoitusrivit ovat yhteensä 510 000 €"
    )
    screens.see(writer, "error-sums", screenshot=True)
    assert not ProjectPage.objects.filter(title=PROJECT).exists()

    writer.locator("#id_funding_lines-2-amount").fill("50000")
    save.click()
    expect(writer.locator(".messages .success")).to_contain_text(f"Sivu '{PROJECT}' luotu.")
    screens.see(writer, "saved")
    # Saved once: no second copy from an autosave racing the click.
    project = ProjectPage.objects.get(title=PROJECT, locale__language_code="fi")
    draft = project.get_latest_revision_as_object()
    assert (draft.start_date, draft.end_date) == (
        datetime.date(2027, 1, 1),
        datetime.date(2028, 12, 31),
    )
    assert [
        (line.source.short_name, line.amount, line.share) for line in draft.funding_lines.all()
    ] == [
        ("EAKR", Decimal("300000.00"), None),
        ("Lapin liitto", None, Decimal("30.0")),
        ("Kunnat", Decimal("50000.00"), None),
    ]
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image", "table"]
    assert [cluster.title for cluster in draft.clusters.all()] == ["Arktinen data"]

    # --- Preview, then submit for moderation ---------------------------------------------
    writer.locator("[data-side-panel-toggle='preview']").click()
    preview = writer.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(PROJECT)
    expect(preview.locator("main")).to_contain_text(PARAGRAPH)
    screens.see(writer, "preview", screenshot=True)
    submit_for_moderation(writer)
    expect(writer.locator(".messages .success")).to_contain_text(
        f"Sivu '{PROJECT}' on lähetetty tarkastettavaksi."
    )
    screens.see(writer, "submitted", screenshot=True)
    assert (
        ProjectPage.objects.get(
            title=PROJECT, locale__language_code="fi"
        ).current_workflow_state.status
        == "in_progress"
    )

    assert_no_english(screens, allow=[ACRONYM])


# --- J2 -----------------------------------------------------------------------------------


def write_project(project_index, **fields):
    """The project of J1 as saved by its communicator: a running project (2025–2028) with
    three funding lines and a body of a heading and a paragraph; not yet published."""
    from wagtail.rich_text import RichText

    from core.models import Organisation
    from projects.factories import ProjectFundingLineFactory, ProjectPageFactory
    from projects.funding import FundingSource

    project = ProjectPageFactory(
        parent=project_index,
        title=PROJECT,
        slug="pohjoisen-datatalouden-kiihdyttamo",
        acronym=ACRONYM,
        summary=SUMMARY,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2028, 12, 31),
        total_budget=Decimal("500000"),
        lead_organisation=Organisation.objects.get(
            name="Lapin liitto", locale=project_index.locale
        ),
        body=[
            ("heading", {"text": "Tavoitteet", "level": "h2"}),
            ("paragraph", RichText(f"<p>{PARAGRAPH}</p>")),
        ],
        live=False,
        **fields,
    )
    for short_name, amount, share in [
        ("EAKR", Decimal("300000"), None),
        ("Lapin liitto", None, Decimal("30")),
        ("Kunnat", Decimal("50000"), None),
    ]:
        ProjectFundingLineFactory(
            project=project,
            source=FundingSource.objects.get(short_name=short_name, locale=project.locale),
            amount=amount,
            share=share,
        )
    return project


@pytest.fixture
def submitted_project(project_index, django_user_model):
    """J1's outcome: the project, submitted for moderation by its communicator."""
    project = write_project(project_index)
    writer = django_user_model.objects.create_user("kirjoittaja")
    project.save_revision(user=writer)
    project.get_workflow().start(project, writer)
    return project


def test_moderator_approves_the_project_and_visitors_see_its_facts(
    live_server, sign_in, visitor, screenshots, submitted_project, expect
):
    screens = Screens(screenshots, "journey2")
    moderator = sign_in("moderaattori", MODERATORS)
    approve_from_dashboard(
        moderator,
        expect,
        live_server,
        screens,
        PROJECT,
        f"”{PROJECT}” hyväksyttiin ja julkaistiin.",
    )
    submitted_project.refresh_from_db()
    assert submitted_project.live

    status, body = visitor(submitted_project.url)
    assert status == 200
    html = BeautifulSoup(body, "html.parser")
    facts = {
        dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text().split())
        for dt in html.select("main dl dt")
    }
    assert html.select_one(".page-header__status").get_text(" ", strip=True).startswith("Käynnissä")
    assert facts["Kesto"] == "1.1.2025–31.12.2028"
    # The EU's share (the EU fund's amount) and the co-financing rate it makes of the budget.
    assert facts["EU-rahoitus"] == "300 000 € (60,0 %)"
    assert facts["Kokonaisbudjetti"] == "500 000 €"

    assert_no_english(screens, allow=[ACRONYM])


# --- J3 -----------------------------------------------------------------------------------

ENGLISH = {
    PROJECT: "Northern Data Economy Accelerator",
    SUMMARY: "The project brings Lapland's data economy together.",
    "Tavoitteet": "Goals",
    PARAGRAPH: "The project builds a shared data service for Lapland's companies.",
}


@pytest.fixture
def published_project(project_index, django_capture_on_commit_callbacks):
    """J2's outcome: the project published in Finnish, which submitted it for translation
    (an English draft waits in the backlog); the projects index is at /en/projects/."""
    from wagtail.models import Locale

    from tests.translations import translate

    english = Locale.objects.get(language_code="en")
    translate(project_index, english, django_capture_on_commit_callbacks, title="Projects")
    project = write_project(project_index)
    project.save_revision().publish()
    return project


def test_translator_translates_every_segment_and_publishes_in_english(
    live_server, sign_in, visitor, screenshots, published_project, expect
):
    screens = Screens(screenshots, "journey3")
    translator = sign_in("kaantaja", TRANSLATORS)
    translator.goto(f"{live_server.url}{reverse('translation_backlog')}")
    row = translator.locator("table tbody tr", has_text=PROJECT)
    expect(row).to_have_count(1)
    screens.see(translator, "backlog")
    row.get_by_role("link", name=PROJECT).click()
    editor = translator.locator(".js-translation-editor")
    expect(editor).to_contain_text("Käännös: suomi → englanti")
    screens.see(translator, "translation-editor", screenshot=True)

    # Every segment: the texts and the acronym (kept as it is) on the content tab, the
    # address on the promote tab.
    for finnish, english in {**ENGLISH, ACRONYM: ACRONYM}.items():
        translate_segment(translator, expect, editor, finnish, english)
    translator.get_by_role("tab", name="Löydettävyys").click()
    translate_segment(
        translator,
        expect,
        editor,
        "pohjoisen-datatalouden-kiihdyttamo",
        "northern-data-economy-accelerator",
    )
    screens.see(translator, "translated", screenshot=True)
    translator.get_by_role("button", name="Julkaise kieliversio: englanti").click()
    expect(translator.locator(".messages .success")).to_be_visible()
    screens.see(translator, "published")

    english_project = published_project.get_translation(
        published_project.get_translations().get().locale
    )
    assert english_project.live
    assert english_project.url == "/en/projects/northern-data-economy-accelerator/"
    status, body = visitor(english_project.url)
    assert status == 200
    main = BeautifulSoup(body, "html.parser").select_one("main")
    assert main.select_one("h1").get_text(strip=True) == ENGLISH[PROJECT]
    text = main.get_text(" ", strip=True)
    assert ENGLISH[PARAGRAPH] in text and ENGLISH[SUMMARY] in text

    assert_no_english(screens, allow=[ACRONYM, *ENGLISH.values()])


# --- J4 -----------------------------------------------------------------------------------

EDITED = "Hankkeessa rakennetaan yhteinen datapalvelu Lapin ja Ruotsin yrityksille."


@pytest.fixture
def translated_project(published_project, django_capture_on_commit_callbacks):
    """J3's outcome: the English project published with every segment translated."""
    from tests.translations import translate_segments

    english = published_project.get_translations().get().locale
    translate_segments(published_project, english, django_capture_on_commit_callbacks, ENGLISH)
    return published_project


def test_one_edited_paragraph_leaves_the_translator_one_segment(
    live_server, sign_in, visitor, screenshots, translated_project, expect
):
    from wagtail_localize.models import Translation

    screens = Screens(screenshots, "journey4")

    # --- The communicator rewrites one paragraph and submits ----------------------------
    writer = sign_in("viestija", COMMUNICATORS)
    writer.goto(f"{live_server.url}/admin/pages/{translated_project.pk}/edit/")
    paragraph = writer.locator("[contenteditable='true']", has_text=PARAGRAPH)
    paragraph.click()
    writer.keyboard.press("Control+A")  # the paragraph's text, in Draftail
    writer.keyboard.type(EDITED)
    expect(writer.locator("[contenteditable='true']", has_text=EDITED)).to_have_count(1)
    # Draftail writes the text into the form a moment after the typing stops (a person
    # takes longer than that to reach the submit button).
    writer.wait_for_function(
        "text => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(text))",
        arg=EDITED,
    )
    screens.see(writer, "edited", screenshot=True)
    submit_for_moderation(writer)
    expect(writer.locator(".messages .success")).to_contain_text(
        f"Sivu '{PROJECT}' on lähetetty tarkastettavaksi."
    )

    # --- The moderator approves ------------------------------------------------------------
    moderator = sign_in("moderaattori", MODERATORS)
    approve_from_dashboard(
        moderator,
        expect,
        live_server,
        screens,
        PROJECT,
        f"”{PROJECT}” hyväksyttiin ja julkaistiin.",
    )

    # --- The translator has that one segment to do, the rest kept ------------------------
    translation = Translation.objects.get(source__object_id=translated_project.translation_key)
    total, translated = translation.get_progress()
    assert total - translated == 1
    translator = sign_in("kaantaja", TRANSLATORS)
    translator.goto(f"{live_server.url}{reverse('translation_backlog')}")
    row = translator.locator("table tbody tr", has_text=PROJECT)
    expect(row).to_contain_text("Suomenkielinen lähde muuttunut")
    screens.see(translator, "backlog")
    row.get_by_role("link", name=PROJECT).click()
    editor = translator.locator(".js-translation-editor")
    expect(editor).to_contain_text("Käännös: suomi → englanti")
    # Only the new paragraph waits for its translation; the others show their English.
    expect(editor.get_by_role("button", name="Käännä", exact=True)).to_have_count(1)
    for english in (ENGLISH[PROJECT], ENGLISH[SUMMARY], ENGLISH["Tavoitteet"]):
        expect(editor).to_contain_text(english)
    screens.see(translator, "one-segment", screenshot=True)
    new_english = "The project builds a shared data service for companies in Lapland and Sweden."
    translate_segment(translator, expect, editor, EDITED, new_english)
    translator.get_by_role("button", name="Julkaise kieliversio: englanti").click()
    expect(translator.locator(".messages .success")).to_be_visible()

    english_project = translated_project.get_translation(translation.target_locale)
    status, body = visitor(english_project.url)
    assert status == 200
    text = BeautifulSoup(body, "html.parser").select_one("main").get_text(" ", strip=True)
    assert new_english in text and ENGLISH[SUMMARY] in text

    assert_no_english(screens, allow=[ACRONYM, *ENGLISH.values(), new_english])
