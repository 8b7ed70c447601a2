"""TIMEX3 values read in French, at their true precision."""

from __future__ import annotations

import pytest

from explainer.dates_fr import format_value, html_datetime, sort_key


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
     ("2023-11-12T14:30", "2023-11-12T14:30"), ("2023-W45", "2023-W45"), ("P3Y", "P3Y"), ("XXXX-07-15", None)],
)
def test_html_datetime(value, expected):
    assert html_datetime(value) == expected


def test_sort_key_orders_by_time_and_modifier():
    values = [("2024-01", None), ("2023", "END"), ("2023-04-13", None), ("2023-04", None), ("2023-12", None)]
    ordered = sorted(values, key=lambda v: sort_key(*v))
    assert ordered == [("2023-04", None), ("2023-04-13", None), ("2023-12", None), ("2023", "END"), ("2024-01", None)]
