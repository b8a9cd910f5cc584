"""Geometry of the overview charts, worked out here so the SVG templates only loop.

Units are the SVG's viewBox units. The charts are drawn 400 units wide and scaled to their
container (width 100 %, at most 34rem in site.css), so on a 375 px phone the 15-unit labels
are about 13 px high and on a wide screen about 20 px. Each row puts its label on a line of
its own above the bar, so long names never squeeze the bars.
"""

import datetime
from dataclasses import dataclass

WIDTH = 400
LABEL_SIZE = 15  # font size of labels, also set in site.css
ROW_HEIGHT = 46  # a label line and a bar
BAR_HEIGHT = 18
LABEL_CHARACTERS = 48  # longer labels are shortened in the chart; the table has them whole
VALUE_ROOM = 110  # room right of the longest bar for its figure, e.g. "3 456 789 €"
MIN_BAR = 2  # a non-zero figure always shows


def shorten(text, limit=LABEL_CHARACTERS):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Row:
    """A chart row starting at `top`: its label, then its bar below it (bars and timelines)."""

    @property
    def label_y(self):
        return self.top + LABEL_SIZE

    @property
    def bar_y(self):
        return self.top + LABEL_SIZE + 6


# --- Horizontal bar chart -----------------------------------------------------------------


@dataclass(frozen=True)
class Bar(Row):
    label: str
    value: object  # the figure, formatted by the template
    top: float
    width: float

    @property
    def value_x(self):
        return round(self.width + 6, 1)

    @property
    def value_y(self):
        return self.bar_y + BAR_HEIGHT - 4


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self):
        return len(self.bars) * ROW_HEIGHT


def bar_chart(items):
    """A chart of (label, value) pairs, drawn in that order; bars scale to the largest value."""
    items = list(items)
    largest = max((value for _label, value in items), default=0)
    plot = WIDTH - VALUE_ROOM
    bars = []
    for number, (label, value) in enumerate(items):
        # A negative figure (funding lines over the budget) draws no bar rather than bad SVG.
        width = max(float(value), 0) / float(largest) * plot if largest > 0 else 0
        if value > 0 and width < MIN_BAR:
            width = MIN_BAR
        bars.append(Bar(shorten(label), value, number * ROW_HEIGHT, round(width, 1)))
    return BarChart(bars)


# --- Timeline -----------------------------------------------------------------------------

TIMELINE_TOP = 24  # room for the "today" label
AXIS_ROOM = 28  # room below the rows for the year labels
TIMELINE_PAD = 18  # room left and right of the axis for the first and last year's labels


@dataclass(frozen=True)
class TimeScale:
    """Days between `start` and `end` mapped onto `left`…`left + width`."""

    start: datetime.date
    end: datetime.date
    width: float = WIDTH
    left: float = 0

    def x(self, day):
        share = (day - self.start).days / (self.end - self.start).days
        return round(self.left + share * self.width, 1)


@dataclass(frozen=True)
class YearTick:
    year: int
    x: float  # 1 January
    label_x: float  # middle of the year
    labelled: bool  # with many years only every second or fifth is named


@dataclass(frozen=True)
class TimelineRow(Row):
    project: object
    label: str
    status: str
    top: float
    x: float
    width: float

    @property
    def status_label(self):
        return self.project.Status(self.status).label


@dataclass(frozen=True)
class Timeline:
    rows: list[TimelineRow]
    ticks: list[YearTick]
    today_x: float | None
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def axis_y(self):
        return TIMELINE_TOP + len(self.rows) * ROW_HEIGHT

    @property
    def height(self):
        return self.axis_y + AXIS_ROOM

    @property
    def today_anchor(self):
        """Keep the "today" label inside the chart near either edge."""
        if self.today_x is None or self.today_x < 40:
            return "start"
        return "end" if self.today_x > self.width - 40 else "middle"


def year_step(years):
    return 1 if years <= 8 else 2 if years <= 16 else 5


def timeline(projects, today):
    """One row per project that has both dates, from 1 January of the first year to the end
    of the last (today included); a bar runs to the end of its last day."""
    # The axis runs to 1 January after the last year, which 31.12.9999 does not have.
    dated = [
        p
        for p in projects
        if p.start_date and p.end_date and p.start_date <= p.end_date and p.end_date.year < 9999
    ]
    if not dated:
        return Timeline([], [], None)
    first = min(min(p.start_date for p in dated), today).year
    last = max(max(p.end_date for p in dated), today).year
    scale = TimeScale(
        datetime.date(first, 1, 1),
        datetime.date(last + 1, 1, 1),
        width=WIDTH - 2 * TIMELINE_PAD,
        left=TIMELINE_PAD,
    )
    step = year_step(last - first + 1)
    ticks = [
        YearTick(
            year,
            scale.x(datetime.date(year, 1, 1)),
            scale.x(datetime.date(year, 7, 2)),
            (year - first) % step == 0,
        )
        for year in range(first, last + 1)
    ]
    rows = []
    for number, project in enumerate(sorted(dated, key=lambda p: (p.start_date, p.title))):
        x = scale.x(project.start_date)
        end = scale.x(project.end_date + datetime.timedelta(days=1))
        rows.append(
            TimelineRow(
                project,
                shorten(project.title, LABEL_CHARACTERS - 12),  # room for the status
                project.status_on(today),
                TIMELINE_TOP + number * ROW_HEIGHT,
                x,
                round(max(end - x, MIN_BAR), 1),
            )
        )
    return Timeline(rows, ticks, scale.x(today))
