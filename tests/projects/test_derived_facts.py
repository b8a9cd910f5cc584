import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from projects.funding import build_funding_table, funding_problems
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


class Source:
    def __init__(self, is_eu_fund=False):
        self.is_eu_fund = is_eu_fund


def project(start, end):
    return ProjectPage(title="Hanke", start_date=start, end_date=end)


def test_status_follows_the_dates_and_the_day():
    page = project(datetime.date(2019, 10, 1), datetime.date(2022, 9, 30))
    assert page.status_on(datetime.date(2019, 9, 30)) == "planned"
    assert page.status_on(datetime.date(2019, 10, 1)) == "ongoing"
    assert page.status_on(datetime.date(2022, 9, 30)) == "ongoing"
    assert page.status_on(datetime.date(2022, 10, 1)) == "ended"


def test_a_project_known_only_by_its_end_date_has_ended_after_it():
    page = project(None, datetime.date(2015, 12, 31))
    assert page.status_on(datetime.date(2016, 1, 1)) == "ended"
    assert page.status_on(datetime.date(2015, 6, 1)) is None


def test_duration_counts_whole_months_including_both_ends():
    assert project(datetime.date(2017, 2, 20), datetime.date(2018, 12, 31)).duration_months == 22
    assert project(datetime.date(2019, 10, 1), datetime.date(2022, 9, 30)).duration_months == 36
    assert project(datetime.date(2013, 4, 1), datetime.date(2014, 12, 31)).duration_months == 21
    assert project(None, datetime.date(2014, 12, 31)).duration_months is None


def test_amounts_are_derived_from_shares_and_the_remainder_is_shown():
    erdf = Source(is_eu_fund=True)
    table = build_funding_table(Decimal("432760"), [(erdf, None, Decimal("88.1"))])
    assert table.rows[0].amount == Decimal("381261.56")
    assert table.rows[0].amount_is_derived
    assert table.rows[1].is_remainder and table.rows[1].share == Decimal("11.90")
    assert table.total_amount == Decimal("432760")
    assert table.eu_contribution == Decimal("381261.56")


def test_shares_are_derived_from_amounts():
    lines = [
        (Source(True), Decimal("136200"), None),
        (Source(), Decimal("21200"), None),
        (Source(), Decimal("5000"), None),
        (Source(), Decimal("7850"), None),
    ]
    table = build_funding_table(Decimal("170250"), lines)
    assert [row.share for row in table.rows] == [
        Decimal("80.00"),
        Decimal("12.45"),
        Decimal("2.94"),
        Decimal("4.61"),
    ]
    assert table.total_amount == Decimal("170250")
    assert len(table.rows) == 4  # nothing left unitemised


def test_a_source_without_figures_is_listed_without_inventing_any():
    table = build_funding_table(None, [(Source(True), None, None)])
    assert table.rows[0].amount is None and table.rows[0].share is None
    assert table.total_amount is None and table.eu_contribution is None


def test_a_line_with_both_figures_keeps_the_typed_amount_and_shares_round_half_up():
    """Found by mutation testing: no table had a line with both figures, and no share ended
    in half a hundredth."""
    table = build_funding_table(
        Decimal("432760"), [(Source(True), Decimal("381261"), Decimal("88.1"))]
    )
    both = table.rows[0]
    assert (both.amount, both.share) == (Decimal("381261"), Decimal("88.1"))
    assert not both.amount_is_derived and not both.share_is_derived

    # 12 345 of 100 000 is 12.345 %: shown as 12.35 %, not rounded to the even 12.34 %.
    table = build_funding_table(Decimal("100000"), [(Source(), Decimal("12345"), None)])
    assert table.rows[0].share == Decimal("12.35")


def test_funding_figures_that_add_up_pass_and_amounts_with_shares_may_not_exceed_the_budget():
    """Found by mutation testing: shares of exactly 100 %, a line with a consistent amount and
    share, and the check of amounts and share-derived amounts together were never tried."""
    budget = Decimal("170250")
    assert funding_problems(budget, [(None, Decimal("80")), (None, Decimal("20"))]) == []
    assert (
        funding_problems(budget, [(Decimal("136200"), Decimal("80")), (Decimal("34050"), None)])
        == []
    )

    with translation.override("en"):
        problems = [
            str(problem)
            for problem in funding_problems(
                Decimal("1000"), [(Decimal("600"), None), (None, Decimal("50"))]
            )
        ]
    assert problems == ["Together the funding lines come to €1,100, more than the budget €1,000."]


def test_every_line_after_a_share_only_one_counts_and_the_table_says_what_is_derived():
    """Found by mutation testing: no table went on past a line given as a share, and neither
    the derived-figure marks nor the total share were checked."""
    erdf, council = Source(True), Source()
    table = build_funding_table(
        Decimal("1000"), [(erdf, None, Decimal("50")), (council, Decimal("300"), None)]
    )
    assert [(r.amount, r.share, r.amount_is_derived, r.share_is_derived) for r in table.rows] == [
        (Decimal("500"), Decimal("50"), True, False),
        (Decimal("300"), Decimal("30"), False, True),
        (Decimal("200"), Decimal("20"), True, True),
    ]
    assert table.rows[2].is_remainder
    assert (table.total_amount, table.total_share) == (Decimal("1000"), Decimal("100"))

    without_budget = build_funding_table(None, [(erdf, Decimal("300"), None)])
    assert without_budget.rows[0].source is erdf and without_budget.rows[0].amount == Decimal("300")
    assert without_budget.total_share is None
