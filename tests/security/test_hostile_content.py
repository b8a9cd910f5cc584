"""Script payloads typed into every editor input that reaches the public site come out as
text: no script runs, no event handler or javascript: address survives, JSON-LD stays data."""

import json
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from core.blocks import BodyStreamBlock
from core.factories import OrganisationFactory, PersonFactory
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage")]

# Plain-text payloads: each must appear as text, escaped, never as markup.
PAYLOAD = "Lappi</script><script>alert(1)</script><img src=x onerror=alert(2)>"
# What an editor might paste into a rich text field.
HOSTILE_HTML = (
    "<p>Teksti<script>alert(3)</script>"
    '<a href="javascript:alert(4)">linkki</a>'
    '<a href="https://example.fi" onclick="alert(5)">toinen</a>'
    '<img src="x" onerror="alert(6)"/>'
    '<iframe src="javascript:alert(7)"></iframe>'
    '<b onmouseover="alert(8)">lihava</b></p>'
)


class ExecutableFinder(HTMLParser):
    """Collects what a browser would run: scripts (other than our own files and JSON-LD),
    event-handler attributes, javascript: addresses and frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "formaction", "data"} and value:
                if "".join(value.split()).lower().startswith(("javascript:", "data:text")):
                    self.problems.append(f"<{tag} {name}={value}>")
        if tag == "script":
            if attributes.get("type") == "application/ld+json":
                self._in_json_ld = True
                self.json_ld.append("")
            elif not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append("<script>")
        if tag in {"iframe", "object", "embed", "frame"}:
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def assert_nothing_executable(html):
    finder = ExecutableFinder()
    finder.feed(html)
    assert finder.problems == []
    for block in finder.json_ld:
        json.loads(block)  # a "</script>" in a title would have cut it short
    return finder


def editor_rich_text(html, block):
    """The HTML as the page editor stores it: through Draftail's content state, as when an
    editor pastes it."""
    widget = block.field.widget
    return widget.value_from_datadict({"text": widget.format_value(html)}, {}, "text")


@pytest.fixture
def hostile_site(home):
    organisation = OrganisationFactory(name=PAYLOAD, short_name="<b onclick=x>")
    person = PersonFactory(name=PAYLOAD, role=PAYLOAD)
    image = Image.objects.create(
        title=PAYLOAD, file=get_test_image_file(filename="kuva.png"), description=PAYLOAD
    )
    document = Document.objects.create(
        title=PAYLOAD, file=ContentFile(b"%PDF-1.4\n", name="liite.pdf")
    )
    paragraph = BodyStreamBlock().child_blocks["paragraph"]
    body = [
        ("heading", {"text": PAYLOAD, "level": "h2"}),
        ("paragraph", RichText(editor_rich_text(HOSTILE_HTML, paragraph))),
        ("image", {"image": image, "alt_text": PAYLOAD, "caption": PAYLOAD}),
        ("quote", {"quote": PAYLOAD, "attribution": PAYLOAD}),
        (
            "key_figures",
            {"title": PAYLOAD, "figures": [{"value": "<svg onload=alert(9)>", "label": PAYLOAD}]},
        ),
        (
            "call_to_action",
            {"text": PAYLOAD, "description": PAYLOAD, "page": None, "url": "https://example.fi"},
        ),
        ("document", {"document": document, "title": PAYLOAD}),
        ("contact", {"person": person}),
        (
            "table",
            {
                "caption": PAYLOAD,
                "header": [PAYLOAD, "b"],
                "rows": [{"cells": [PAYLOAD, "<a href='javascript:alert(1)'>x</a>"]}],
                "first_column_is_header": True,
            },
        ),
    ]
    page = StandardPageFactory(
        parent=home,
        title=PAYLOAD,
        slug="vihamielinen",
        seo_title=PAYLOAD,
        search_description=PAYLOAD,
        summary=PAYLOAD,
        body=body,
    )
    projects = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(
        parent=projects, title=PAYLOAD, slug="hanke", lead_organisation=organisation, body=body
    )
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index, title=PAYLOAD, slug="uutinen", body=body)
    return {"page": page, "project": project, "news": news}


def test_hostile_rich_text_is_cleaned_by_the_editor():
    stored = editor_rich_text(HOSTILE_HTML, BodyStreamBlock().child_blocks["paragraph"])

    assert "linkki" in stored and "lihava" in stored
    for fragment in ("<script", "javascript:", "onclick", "onerror", "onmouseover", "<iframe"):
        assert fragment not in stored


@pytest.mark.parametrize("name", ["page", "project", "news"])
def test_public_page_runs_none_of_the_editors_payloads(client, hostile_site, name):
    response = client.get(hostile_site[name].url)

    assert response.status_code == 200
    html = response.content.decode()
    finder = assert_nothing_executable(html)
    assert "Lappi&lt;/script&gt;&lt;script&gt;alert(1)" in html  # shown as text
    assert f"<title>{PAYLOAD}" not in html
    assert any("\\u003C/script\\u003E" in block for block in finder.json_ld)


def test_search_results_run_none_of_the_payloads(client, hostile_site):
    response = client.get("/haku/", {"q": "Lappi <script>alert(1)</script>"})

    assert response.status_code == 200
    assert_nothing_executable(response.content.decode())


def test_news_feed_escapes_the_payloads(client, hostile_site):
    response = client.get(reverse("news_feed"))

    assert response.status_code == 200
    xml = response.content.decode()
    assert "<script" not in xml
    assert "&lt;script&gt;" in xml


def test_api_serves_the_payloads_as_data(client, hostile_site):
    page = hostile_site["page"]

    response = client.get(f"/api/v2/pages/{page.id}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert json.loads(response.content)["title"] == PAYLOAD
