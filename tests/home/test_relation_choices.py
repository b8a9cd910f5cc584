"""Relations to clusters, priorities, topics and projects are chosen among Finnish items, in
a list of check boxes with a search field (issue 14, item 7)."""

import pytest
from bs4 import BeautifulSoup

from clusters.factories import ClusterIndexPageFactory, ClusterPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory, TopicFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.translations import translate


def choices(response, name):
    """The labels of the check boxes of field `name`, and whether the list has its search
    field."""
    html = BeautifulSoup(response.content, "html.parser")
    boxes = html.select(f"input[type=checkbox][name={name}]")
    labels = [box.find_parent("label").get_text(strip=True) for box in boxes]
    widget = boxes[0].find_parent(attrs={"data-controller": "filterable-checkboxes"})
    return labels, widget is not None and widget.select_one("input[type=search]") is not None


@pytest.fixture
def clusters(home, english, django_capture_on_commit_callbacks):
    index = ClusterIndexPageFactory(parent=home)
    energy = ClusterPageFactory(parent=index, title="Arktinen energia")
    data = ClusterPageFactory(parent=index, title="Arktinen data")
    translate(index, english, django_capture_on_commit_callbacks)
    for cluster, title in ((energy, "Arctic Energy"), (data, "Arctic Data")):
        translate(cluster, english, django_capture_on_commit_callbacks, title=title)
    return energy, data


def test_a_project_chooses_among_finnish_clusters_only(admin_client, home, clusters):
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home))

    response = admin_client.get(f"/admin/pages/{project.pk}/edit/")

    labels, searchable = choices(response, "clusters")
    assert labels == ["Arktinen data", "Arktinen energia"]
    assert searchable


def test_a_news_item_chooses_among_finnish_topics_and_projects(
    admin_client, home, english, django_capture_on_commit_callbacks
):
    projects = ProjectIndexPageFactory(parent=home)
    project = ProjectPageFactory(parent=projects, title="Datatalous")
    translate(projects, english, django_capture_on_commit_callbacks)
    translate(project, english, django_capture_on_commit_callbacks, title="Data Economy")
    topic = TopicFactory(name="EU")
    translate(topic, english, django_capture_on_commit_callbacks, name="EU")
    item = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))

    response = admin_client.get(f"/admin/pages/{item.pk}/edit/")

    assert choices(response, "topics") == (["EU"], True)
    assert choices(response, "related_projects") == (["Datatalous"], True)


def test_a_relation_already_made_to_an_english_item_is_kept(admin_client, home, clusters):
    """Older content may point at an English cluster: it stays listed and checked, so that
    saving the page does not drop it unseen."""
    energy, _data = clusters
    english_energy = energy.get_translation(energy.get_translations().first().locale)
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home))
    project.clusters = [english_energy]
    project.save_revision()

    response = admin_client.get(f"/admin/pages/{project.pk}/edit/")

    labels, _ = choices(response, "clusters")
    assert labels == ["Arctic Energy", "Arktinen data", "Arktinen energia"]
    html = BeautifulSoup(response.content, "html.parser")
    checked = html.select("input[name=clusters][checked]")
    assert [box["value"] for box in checked] == [str(english_energy.pk)]


@pytest.mark.parametrize(
    ("language", "button"),
    [("fi", "Valitse organisaatio"), ("en", "Choose organisation")],
)
def test_the_organisation_chooser_speaks_each_readers_language(
    client, django_user_model, home, language, button
):
    """Wagtail writes a snippet chooser's texts once, in the language of the first request
    that needs the widget; each reader must get their own (both languages in one process)."""
    from wagtail.users.models import UserProfile

    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home))
    for reader in ("en", "fi", language):
        user, _ = django_user_model.objects.get_or_create(username=f"editor-{reader}")
        user.is_superuser = user.is_staff = True
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = reader
        profile.save()
        client.force_login(user)
        response = client.get(f"/admin/pages/{project.pk}/edit/")

    html = BeautifulSoup(response.content, "html.parser")
    chooser = html.select_one("[data-field-input] #id_lead_organisation").find_parent(
        attrs={"data-field-input": True}
    )
    assert button in chooser.get_text(" ", strip=True)
