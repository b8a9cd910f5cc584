"""The steps the editorial journeys share: Wagtail's widgets used as a person uses them,
and the screens a journey passes, kept to check them for English (tests/admin_language.py).

The fixtures that sign each role in are in conftest.py.
"""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from tests.admin_language import english_words

HELSINKI = timezone.get_default_timezone()  # Europe/Helsinki, as the editors' clocks


def setup_localisation():
    """The English tree, the editorial groups and the moderation workflow, as after a
    deployment. Run after the pages are made, so that each has its English placeholder."""
    call_command("setup_localisation", stdout=io.StringIO())


class EnglishOnFinnishScreen(AssertionError):
    """English interface text where a Finnish user reads the admin: its own exception, so
    that a known finding can be marked `xfail(raises=EnglishOnFinnishScreen)` without
    hiding the journey's other failures."""


def assert_no_english(screens, allow=()):
    """No English word on any screen the journey passed; the message names each screen
    and quotes its lines that have English in them."""
    found = screens.english(allow)
    if found:
        raise EnglishOnFinnishScreen(
            "English on the Finnish admin screens:\n"
            + "\n".join(
                f"{screen} ({', '.join(words)}): "
                + " | ".join(
                    line.strip()
                    for line in screens.texts[screen].splitlines()
                    if english_words(line, allow)
                )
                for screen, words in found.items()
            )
        )


class Screens:
    """The admin screens a journey passes: their visible text, kept for the English check,
    and screenshots of the main steps."""

    def __init__(self, folder, journey):
        self.folder = folder
        self.journey = journey
        self.texts = {}

    def see(self, page, name, screenshot=False):
        self.texts[name] = page.inner_text("body")
        if screenshot:
            page.screenshot(
                path=str(self.folder / f"{self.journey}-{name}.png"),
                full_page=True,
                animations="disabled",
            )

    def english(self, allow=()):
        """{screen: English words on it}, for the screens that have any."""
        found = {name: english_words(text, allow) for name, text in self.texts.items()}
        return {name: words for name, words in found.items() if words}


# --- Widgets, as a person uses them -----------------------------------------------------


def pick_date_and_time(page, expect, field, day, hour):
    """Open the date-time picker of `field`, go to the month of `day`, click the day and
    then the hour in the time list (scrolled with its arrows, as the list shows a few hours
    at a time)."""
    page.locator(field).click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    month = picker.locator(".xdsoft_calendar td.xdsoft_date:not(.xdsoft_other_month)").first
    shown = (int(month.get_attribute("data-year")), int(month.get_attribute("data-month")) + 1)
    while shown < (day.year, day.month):
        picker.locator(".xdsoft_monthpicker .xdsoft_next").click()
        shown = (shown[0] + shown[1] // 12, shown[1] % 12 + 1)
        expect(month).to_have_attribute("data-month", str(shown[1] - 1))
    cell = picker.locator(
        f"td.xdsoft_date[data-date='{day.day}'][data-month='{day.month - 1}']"
        f"[data-year='{day.year}']"
    )
    cell.click()
    hour_item = picker.locator(f".xdsoft_time[data-hour='{hour}'][data-minute='0']")
    # Choosing the day redraws the time list: measure it once it is back.
    expect(hour_item).to_be_visible()
    time_list = picker.locator(".xdsoft_time_box").bounding_box()
    top, bottom = time_list["y"], time_list["y"] + time_list["height"]
    for _ in range(24):
        item = hour_item.bounding_box()
        if item["y"] < top:
            picker.locator(".xdsoft_timepicker .xdsoft_prev").click()
        elif item["y"] + item["height"] > bottom:
            picker.locator(".xdsoft_timepicker .xdsoft_next").click()
        else:
            break
    hour_item.click()
    expect(picker).to_have_count(0)


def submit_for_moderation(page):
    """The footer's "more actions" dropdown, then its submit button."""
    page.locator("footer .w-dropdown__toggle").click()
    submit = page.locator("footer button[name='action-submit']")
    submit.click()


def approve_from_dashboard(page, expect, live_server, screens, title, confirmation):
    """The moderator's dashboard lists the page under "Awaiting your review"; the row's
    actions dropdown approves it, and the dashboard comes back with `confirmation`."""
    page.goto(f"{live_server.url}/admin/")
    row = page.get_by_role("region", name="Odottaa tarkastustasi").locator("tr", has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Toiminnot").click()
    approve = row.get_by_role("button", name="Hyväksy", exact=True)
    expect(approve).to_be_visible()
    screens.see(page, "dashboard", screenshot=True)
    with page.expect_navigation():
        approve.click()
    expect(page.locator(".messages .success")).to_have_text(confirmation)
    screens.see(page, "approved", screenshot=True)


def next_month_15th():
    first = timezone.localdate().replace(day=1)
    return (first + datetime.timedelta(days=32)).replace(day=15)
