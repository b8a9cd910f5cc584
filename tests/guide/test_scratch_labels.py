import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_dump(lang, client, home, django_user_model):
    from projects.factories import ProjectIndexPageFactory
    from news.factories import NewsIndexPageFactory

    index = ProjectIndexPageFactory(parent=home)
    news = NewsIndexPageFactory(parent=home)
    user = django_user_model.objects.create_superuser("x", "x@example.fi", "x")
    p = UserProfile.get_for_user(user)
    p.preferred_language = lang
    p.save()
    client.force_login(user)
    for url in [f"/admin/pages/{index.pk}/add_subpage/", f"/admin/pages/add/projects/projectpage/{index.pk}/", f"/admin/pages/add/news/newspage/{news.pk}/"]:
        r = client.get(url)
        soup = BeautifulSoup(r.content, "html.parser")
        print("=====", lang, url, r.status_code)
        for el in soup.select("h1, h2, label, legend, .w-panel__heading, button, a.button"):
            t = " ".join(el.get_text(" ").split())
            if t:
                print(el.name, "|", t[:100])
    r = client.get("/admin/")
    soup = BeautifulSoup(r.content, "html.parser")
    for s in soup.select('script[type="application/json"]'):
        if "help" in (s.string or ""):
            print(s.get("id"), (s.string or "")[:3000])
