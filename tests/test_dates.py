"""Partial dates are read in one place (cnai.dates): spans, first days and errors, against hand-worked calendars."""
import pandas as pd
import pytest

from cnai import dates


@pytest.mark.parametrize("date, expected", [
    ("2023", ("2023-01-01", "2023-07-02", "2023-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-15", "2024-02-29")),  # a leap year
    ("2023-05", ("2023-05-01", "2023-05-16", "2023-05-31")),
    ("2023-10-30", ("2023-10-30",) * 3),
    (None, (None, None, None)),
    (float("nan"), (None, None, None)),
])
def test_partial_dates_become_spans(date, expected):
    assert dates.span(date) == expected


def test_a_partial_date_keeps_its_precision():
    assert dates.period("2024").freqstr.startswith("Y")
    assert dates.period("2024-03").freqstr.startswith("M")
    assert dates.period("2024-03-07").freqstr == "D"
    assert dates.to_timestamp("2023-07") == pd.Timestamp("2023-07-01")
    assert dates.year("2024-12-31") == 2024


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "July 2023", "2023/07/01", "23-07"])
def test_an_impossible_or_malformed_date_is_an_error(text):
    with pytest.raises(ValueError, match="not a date|out of range|must be in"):
        dates.period(text)
