"""The editors' guide: reached from the admin's Help menu, in the reader's admin language,
for signed-in editors only, with every picture described and present.

The groups come from `setup_localisation`, as on a deployed site; each user belongs to one
group only and reads the admin in the language of their profile.
"""

import io
import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from localisation.roles import COMMUNICATORS, MODERATORS, TRANSLATORS
from tests.admin_language import english_words

pytestmark = pytest.mark.django_db

# The Finnish guide names the user groups as the admin shows them.
GROUP_NAMES = ("Communicators", "Moderators", "Translators")


@pytest.fixture
def roles(home):
    call_command("setup_localisation", stdout=io.StringIO())


@pytest.fixture
def sign_in(roles, client, django_user_model):
    def sign_in(group_name, language):
        user = django_user_model.objects.create_user(
            f"{group_name.lower()}-{language}", f"{group_name.lower()}@example.fi", "x"
        )
        user.groups.add(Group.objects.get(name=group_name))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return user

    return sign_in


def help_menu(html):
    """The items of the sidebar's Help menu as (name, label, url): Wagtail renders the
    sidebar in the browser from telepath-packed JSON props in the page."""
    props = BeautifulSoup(html, "html.parser").select_one("#wagtail-sidebar-props")
    sidebar = _unpacked(json.loads(props.string), {})
    (items,) = [items for menu, items in _submenus(sidebar) if menu["name"] == "help"]
    entries = [item["_args"][0] for item in items]
    return [(entry["name"], entry["label"], entry["url"]) for entry in entries]


def _unpacked(value, seen):
    """Telepath writes a repeated value once (`_val` or an object with `_id`) and refers to
    it afterwards (`_ref`); put the values back in place."""
    if isinstance(value, list):
        return [_unpacked(item, seen) for item in value]
    if not isinstance(value, dict):
        return value
    if "_ref" in value:
        return seen[value["_ref"]]
    if "_val" in value:
        result = _unpacked(value["_val"], seen)
    else:
        result = {key: _unpacked(item, seen) for key, item in value.items() if key != "_id"}
    if "_id" in value:
        seen[value["_id"]] = result
    return result


def _submenus(value):
    if isinstance(value, dict):
        if value.get("_type") == "wagtail.sidebar.SubMenuItem":
            yield value["_args"][0], value["_args"][1]
        for item in value.values():
            yield from _submenus(item)
    elif isinstance(value, list):
        for item in value:
            yield from _submenus(item)


def guide(html):
    """The guide's language, its text and its table of contents' targets."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.editors-guide")
    contents = [a["href"] for a in article.select("nav a[href]")]
    return soup.html["lang"], article, contents


def test_finnish_communicator_finds_the_finnish_guide_first_in_the_help_menu(client, sign_in):
    sign_in(COMMUNICATORS, "fi")

    items = help_menu(client.get(reverse("wagtailadmin_home")).content)
    names = [name for name, _label, _url in items]
    assert names[0] == "site-editors-guide"
    # Wagtail's own help stays, after ours.
    assert {"editor-guide", "keyboard-shortcuts-trigger"} <= set(names[1:])

    response = client.get(items[0][2])
    assert response.status_code == 200
    language, article, contents = guide(response.content)
    assert language == "fi"
    assert article.select_one("nav h2").get_text(strip=True) == "Sisällys"
    assert english_words(article.get_text(" "), allow=GROUP_NAMES) == []
    # The table of contents leads to the seven journeys' sections.
    assert len(contents) == 7
    assert all(article.select_one(f"section {target}") for target in contents)


@pytest.mark.parametrize("group_name", [COMMUNICATORS, MODERATORS, TRANSLATORS])
@pytest.mark.parametrize(("language", "contents_heading"), [("fi", "Sisällys"), ("en", "Contents")])
def test_each_role_reads_the_guide_in_its_admin_language(
    client, sign_in, group_name, language, contents_heading
):
    sign_in(group_name, language)

    response = client.get(reverse("editors_guide"))

    assert response.status_code == 200
    shown_language, article, _contents = guide(response.content)
    assert shown_language == language
    assert article.select_one("nav h2").get_text(strip=True) == contents_heading


def test_english_admin_gets_the_english_guide_which_says_its_pictures_are_finnish(admin_client):
    response = admin_client.get(reverse("editors_guide"))

    language, article, contents = guide(response.content)
    assert language == "en"
    assert "The pictures show the Finnish admin" in article.get_text(" ")
    assert len(contents) == 7


def test_signed_out_visitor_is_sent_to_the_admin_login(client, home):
    url = reverse("editors_guide")

    response = client.get(url)

    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == reverse("wagtailadmin_login")
    assert location.query == f"next={url}"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_picture_is_described_and_its_file_exists(client, sign_in, language):
    sign_in(TRANSLATORS, language)

    _language, article, _contents = guide(client.get(reverse("editors_guide")).content)

    images = article.select("img")
    assert images
    for image in images:
        assert image.get("alt", "").strip(), image["src"]
        assert image["src"].startswith(settings.STATIC_URL)
        assert finders.find(image["src"].removeprefix(settings.STATIC_URL)), image["src"]
