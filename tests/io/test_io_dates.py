from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from warta.io import parse_metadata_date

WIB = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-03", datetime(2025, 3, 3)),
        ("2018-02-15T11:15:00Z", datetime(2018, 2, 15, 11, 15, tzinfo=UTC)),
        ("2024-03-05T09:30:00+07:00", datetime(2024, 3, 5, 9, 30, tzinfo=WIB)),
        ("2019-09-10 00:00:00", datetime(2019, 9, 10)),
        ("2025/07/02 13:30:42", datetime(2025, 7, 2, 13, 30, 42)),
        ("31 Juli 2019", datetime(2019, 7, 31)),
        ("Senin, 3 Maret 2025 14.05 WIB", datetime(2025, 3, 3, 14, 5, tzinfo=WIB)),
        (
            "Rabu, 17 Agustus 2022 | 08:00 WITA",
            datetime(2022, 8, 17, 8, 0, tzinfo=timezone(timedelta(hours=8))),
        ),
        ("January 23, 2025", datetime(2025, 1, 23)),
        ("Oct 2, 2019", datetime(2019, 10, 2)),
        ("10-Sep-19", datetime(2019, 9, 10)),
        ("10/21/2025 20:43", datetime(2025, 10, 21, 20, 43)),
        ("21/10/2025", datetime(2025, 10, 21)),
        ("05/05/2025", datetime(2025, 5, 5)),
    ],
)
def test_unambiguous_dates_are_parsed(raw: str, expected: datetime) -> None:
    assert parse_metadata_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "02/07/2025, 10:42 WIB",  # day/month or month/day: cannot tell
        "Tanggal tidak ditemukan",
        "",
        "31 Februari 2024",
        "kemarin sore",
    ],
)
def test_unclear_dates_give_none(raw: str) -> None:
    assert parse_metadata_date(raw) is None
