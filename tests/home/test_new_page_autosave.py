"""A new page's form does not autosave; once the page exists, its form does (Wagtail's)."""

from bs4 import BeautifulSoup

from home.factories import StandardPageFactory


def form_controllers(response):
    form = BeautifulSoup(response.content, "html.parser").select_one("form#page-edit-form")
    return form["data-controller"].split()


def test_the_new_page_form_waits_for_the_first_save(admin_client, home):
    response = admin_client.get(f"/admin/pages/add/home/standardpage/{home.pk}/")

    assert response.status_code == 200
    assert "w-autosave" not in form_controllers(response)


def test_an_existing_page_autosaves(admin_client, home):
    page = StandardPageFactory(parent=home)

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert "w-autosave" in form_controllers(response)
