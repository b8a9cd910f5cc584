"""A project's budget is spread over its years by the days it runs in each of them."""

import datetime
from decimal import Decimal

from overview.charts import VALUE_ROOM, WIDTH, TimeScale, bar_chart, year_step
from overview.figures import spread_over_years

D = datetime.date


def test_one_calendar_year_gets_the_whole_budget():
    assert spread_over_years(Decimal("1000"), D(2019, 1, 1), D(2019, 12, 31)) == {
        2019: Decimal("1000.00")
    }


def test_budget_follows_the_days_in_each_year_counting_29_february():
    # 1.7.2019–30.6.2020: 184 days in 2019, 182 in 2020 (29 February included), 366 in all.
    assert spread_over_years(Decimal("36600"), D(2019, 7, 1), D(2020, 6, 30)) == {
        2019: Decimal("18400.00"),
        2020: Decimal("18200.00"),
    }


def test_first_and_last_day_both_count():
    # Two days, one in each year.
    assert spread_over_years(Decimal("100"), D(2020, 12, 31), D(2021, 1, 1)) == {
        2020: Decimal("50.00"),
        2021: Decimal("50.00"),
    }


def test_rounding_difference_goes_to_the_last_year_so_parts_add_up():
    parts = spread_over_years(Decimal("100"), D(2021, 1, 1), D(2023, 12, 31))
    # 365 + 365 + 365 days: a third each, 33.33 + 33.33 and the last year 33.34.
    assert parts == {2021: Decimal("33.33"), 2022: Decimal("33.33"), 2023: Decimal("33.34")}
    assert sum(parts.values()) == Decimal("100")


def test_a_project_over_several_years_with_a_leap_year_in_the_middle():
    # The seed project Growth through Cooperation: 1.10.2019–30.9.2022 is 1096 days.
    parts = spread_over_years(Decimal("170250"), D(2019, 10, 1), D(2022, 9, 30))
    assert parts == {
        2019: Decimal("14291.06"),  # 92 days
        2020: Decimal("56853.56"),  # 366 days
        2021: Decimal("56698.22"),  # 365 days
        2022: Decimal("42407.16"),  # 273 days
    }
    assert sum(parts.values()) == Decimal("170250")


def test_without_both_dates_there_is_no_spread():
    assert spread_over_years(Decimal("1"), None, D(2020, 1, 1)) is None
    assert spread_over_years(Decimal("1"), D(2020, 1, 1), None) is None
    assert spread_over_years(Decimal("1"), D(2021, 1, 1), D(2020, 1, 1)) is None


def test_bars_scale_to_the_largest_value_and_a_small_one_stays_visible():
    chart = bar_chart([("a", Decimal("100")), ("b", Decimal("50")), ("c", Decimal("0.01"))])
    plot = WIDTH - VALUE_ROOM
    assert [bar.width for bar in chart.bars] == [plot, plot / 2, 2]
    assert chart.height == 3 * 46
    assert bar_chart([]).bars == []


def test_time_scale_and_year_labels():
    scale = TimeScale(D(2020, 1, 1), D(2022, 1, 1), width=731)
    assert scale.x(D(2020, 1, 1)) == 0
    assert scale.x(D(2021, 1, 1)) == 366  # 2020 has 366 days
    assert scale.x(D(2022, 1, 1)) == 731
    assert [year_step(years) for years in (3, 8, 9, 16, 17)] == [1, 1, 2, 2, 5]


def test_charts_survive_figures_and_dates_an_editor_got_wrong():
    import datetime
    from decimal import Decimal
    from types import SimpleNamespace

    from overview.charts import bar_chart, timeline

    chart = bar_chart([("EU", Decimal(120)), ("Other funding", Decimal(-20))])
    assert [bar.width for bar in chart.bars][1] == 0

    typo = SimpleNamespace(
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(9999, 12, 31),
        title="Typo",
        status_on=lambda day: "ongoing",
    )
    assert timeline([typo], datetime.date(2026, 1, 1)).rows == []
