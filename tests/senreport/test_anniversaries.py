"""A review date a year (or three) on is the same day of the year; from 29 February it is
the 28th in a year without a 29th."""

from datetime import date, datetime

from senreport.compliance.data import a_year_after, years_after


def test_a_year_after_is_the_same_day_next_year():
    assert a_year_after(date(2025, 9, 1)) == date(2026, 9, 1)


def test_from_29_february_the_anniversary_is_the_28th_unless_it_is_a_leap_year():
    assert a_year_after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert years_after(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert years_after(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_a_time_of_day_is_kept():
    assert a_year_after(datetime(2025, 3, 4, 10, 30)) == datetime(2026, 3, 4, 10, 30)
