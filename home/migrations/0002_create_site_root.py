"""Give a new database its Finnish and English home pages and the site that serves them.

Finnish is the source locale; the English home page shares its translation key, which is
how Wagtail serves /en/ from the same site. Demo content is not created here
(see `manage.py load_demo_content`).
"""

import uuid

from django.db import migrations


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def create_site_root(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return

    finnish, _ = Locale.objects.get_or_create(language_code="fi")
    english, _ = Locale.objects.get_or_create(language_code="en")

    # Wagtail's own placeholder "Welcome" page (and the site pointing at it) goes.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()

    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    translation_key = uuid.uuid4()
    pages = [
        (finnish, "Arctic Smartness", "etusivu", "Lapin älykäs erikoistuminen ja kansainvälinen yhteistyö"),
        (english, "Arctic Smartness", "home", "Lapland's smart specialisation and international cooperation"),
    ]
    # Tree paths are base-36 steps of four characters; continue after any remaining sibling.
    siblings = Page.objects.filter(depth=2).values_list("path", flat=True)
    position = max((int(path[-4:], 36) for path in siblings), default=0)
    created = []
    for locale, title, slug, hero_text in pages:
        position += 1
        created.append(
            HomePage.objects.create(
                title=title,
                draft_title=title,
                slug=slug,
                hero_text=hero_text,
                content_type=home_type,
                path=f"{root.path}{_base36(position):0>4}",
                depth=2,
                numchild=0,
                url_path=f"/{slug}/",
                locale=locale,
                translation_key=translation_key,
                live=True,
            )
        )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "site_name": "Arctic Smartness",
            "root_page": created[0],
        },
    )


def remove_site_root(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_site_root, remove_site_root)]
