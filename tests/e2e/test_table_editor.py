"""An editor in the Finnish admin adds a table to a page and fills it in as a grid."""

import pytest


def _box(locator):
    return locator.bounding_box()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_fills_a_two_by_two_table_in_a_compact_grid(live_server, sign_in, home, expect):
    from home.factories import StandardPageFactory

    about = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa", body=[])
    page = sign_in("toimittaja")  # a superuser, with the Finnish admin
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.locator("[data-streamfield-stream-container] button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Taulukko").click()
    grid = page.locator(".table-grid")
    expect(grid).to_be_visible()
    # The new block slides open; its buttons move until jQuery's animation ends.
    page.wait_for_function("() => !window.jQuery(':animated').length")

    grid.get_by_label("Taulukon otsikko").fill("Rahoitus")
    grid.get_by_role("button", name="Lisää sarake").click()
    grid.get_by_role("button", name="Lisää rivi").click()
    for label, text in [
        ("Sarakkeen 1 otsikko", "Lähde"),
        ("Sarakkeen 2 otsikko", "Summa"),
        ("Rivi 1, sarake 1", "EAKR"),
        ("Rivi 1, sarake 2", "136 200 €"),
        ("Rivi 2, sarake 1", "Kunnat"),
        ("Rivi 2, sarake 2", "21 200 €"),
    ]:
        grid.get_by_label(label, exact=True).fill(text)

    # A 2 × 2 table takes a few lines, and each column lines up under its heading.
    cells = _box(grid.locator(".table-grid__cells"))
    assert cells["height"] < 250, f"the 2 × 2 grid is {cells['height']:.0f} px tall"
    for column in (1, 2):
        heading = _box(grid.get_by_label(f"Sarakkeen {column} otsikko", exact=True))
        for row in (1, 2):
            cell = _box(grid.get_by_label(f"Rivi {row}, sarake {column}", exact=True))
            assert abs(cell["x"] - heading["x"]) < 1 and abs(cell["width"] - heading["width"]) < 1

    page.locator("button.action-save").first.click()
    expect(page.locator(".messages li.success")).to_be_visible()

    about.refresh_from_db()
    table = about.get_latest_revision_as_object().body[0]
    assert table.block_type == "table"
    value = table.value
    assert value["caption"] == "Rahoitus"
    assert list(value["header"]) == ["Lähde", "Summa"]
    assert [list(row["cells"]) for row in value["rows"]] == [
        ["EAKR", "136 200 €"],
        ["Kunnat", "21 200 €"],
    ]
