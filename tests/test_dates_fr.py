"""TIMEX3 values read in French, at their true precision."""

from __future__ import annotations

import pytest

from explainer.dates_fr import format_value, html_datetime, precise_to_month, sort_key


@pytest.mark.parametrize(
    "value, mod, text",
    [
        ("2023-04-13", None, "13 avril 2023"),
        ("2023-04-01", None, "1er avril 2023"),
        ("2023-08", None, "août 2023"),
        ("2023", "END", "fin 2023"),
        ("2023-05", "START", "début mai 2023"),
        ("1990", "APPROX", "vers 1990"),
        ("2017-08", "AFTER", "après août 2017"),
        ("2023-11-12TMO", None, "12 novembre 2023 (matin)"),
        ("2023-11-12T14:30", None, "12 novembre 2023 à 14 h 30"),
        ("2023-W45", None, "semaine 45 de 2023"),
        ("2023-SU", None, "été 2023"),
        ("199X", None, "années 1990"),
        ("19", None, "XXe siècle"),
        ("P3Y", None, "3 ans"),
        ("P1D", None, "1 jour"),
        ("PT30M", None, "30 minutes"),
        ("PXY", None, "plusieurs années"),
        ("XXXX-07-15", None, "15 juillet"),
        ("PRESENT_REF", None, "actuellement"),
    ],
)
def test_format_value(value, mod, text):
    assert format_value(value, mod) == text


@pytest.mark.parametrize(
    "value, expected",
    [("2023-04-13", "2023-04-13"), ("2023-11", "2023-11"), ("2023", "2023"), ("2023-11-12TMO", "2023-11-12"),
     ("2023-11-12T14:30", "2023-11-12T14:30"), ("2023-W45", "2023-W45"), ("XXXX-07-15", None),
     # HTML durations have days, hours, minutes and seconds only: "P1Y" ("annuelles") is invalid HTML.
     ("P1Y", None), ("P3Y", None), ("P6M", None), ("P3D", "P3D"), ("P2W", "P14D"), ("PT2H", "PT2H"),
     ("PT30M", "PT30M"), ("PT1.5H", "PT1H30M"), ("P1.5D", "P1DT12H"), ("PXD", None)],
)
def test_html_datetime(value, expected):
    assert html_datetime(value) == expected


def test_sort_key_orders_by_time_and_modifier():
    values = [("2024-01", None), ("2023", "END"), ("2023-04-13", None), ("2023-04", None), ("2023-12", None)]
    ordered = sorted(values, key=lambda v: sort_key(*v))
    # A period comes after the finer dates it contains; "fin 2023" after December.
    assert ordered == [("2023-04-13", None), ("2023-04", None), ("2023-12", None), ("2023", "END"), ("2024-01", None)]


def test_coarse_dates_sort_after_the_dates_they_contain():
    # "cette année" (2023) must not open a timeline that holds "13 avril 2023": a year-only date
    # goes after everything dated inside the year, "début 2023" before it, "mi-2023" mid-year.
    values = [("2023", None), ("2023-04-13", None), ("2023", "START"), ("2023-12-31", None), ("2023", "MID"),
              ("2023-08", None), ("2023-SU", None), ("2023-Q1", None), ("2022-12", None), ("2024-01-02", None),
              ("2023", "END"), ("2023-04-13T15:00", None), ("2023-W15", None)]
    ordered = [v for v in sorted(values, key=lambda v: sort_key(*v))]
    assert ordered == [("2022-12", None), ("2023", "START"), ("2023-Q1", None), ("2023-04-13", None),
                       ("2023-04-13T15:00", None), ("2023-W15", None), ("2023", "MID"), ("2023-08", None),
                       ("2023-SU", None), ("2023-12-31", None), ("2023", "END"), ("2023", None),
                       ("2024-01-02", None)]
    # Each sorts under its own year, and impossible values do not break the order.
    assert all(sort_key(v, m)[0] == int(v[:4]) for v, m in values)
    assert sort_key("2023-02-30") < sort_key("2023-03-01") and sort_key("XXXX-07-15")[0] == 9999


@pytest.mark.parametrize("value, expected", [("2023-04-13", True), ("2023-04", True), ("2023-W45", True),
                                             ("2023", False), ("2023-SU", False), ("2023-Q2", False),
                                             ("P1Y", False), ("XXXX-07-15", False)])
def test_precise_to_month(value, expected):
    assert precise_to_month(value) is expected
