from __future__ import annotations

from datetime import date

import pytest

from warta.stages.dates.anchor import infer_anchor
from warta.stages.dates.recognize import find_timexes

ANCHOR = date(2022, 2, 20)  # a Sunday


def one(text: str, anchor: date | None = ANCHOR) -> tuple[str, str, str]:
    found = find_timexes(text, anchor=anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rapat digelar 24 Februari 2022 di Jakarta.", ("24 Februari 2022", "DATE", "2022-02-24")),
        ("Polisi datang Minggu (20/2/2022) malam.", ("Minggu (20/2/2022) malam", "TIME", "2022-02-20TNI")),
        ("Sidang dibuka Senin (14/3) di PN Jakarta.", ("Senin (14/3)", "DATE", "2022-03-14")),
        ("Tenggat jatuh pada 20-02-2022 lalu.", ("20-02-2022", "DATE", "2022-02-20")),
        ("Harga naik sejak Februari 2021.", ("Februari 2021", "DATE", "2021-02")),
        ("Proyek itu dimulai tahun 2019.", ("tahun 2019", "DATE", "2019")),
        ("Musik itu lahir pada 1990-an.", ("1990-an", "DATE", "199")),
        ("Kapal tiba pukul 14.30 WIB.", ("pukul 14.30 WIB", "TIME", "2022-02-20T14:30")),
        ("Warga mengungsi kemarin.", ("kemarin", "DATE", "2022-02-19")),
        ("Sidang dilanjutkan besok.", ("besok", "DATE", "2022-02-21")),
        ("Hasilnya diumumkan lusa.", ("lusa", "DATE", "2022-02-22")),
        ("Gempa terasa tadi malam.", ("tadi malam", "TIME", "2022-02-19TNI")),
        ("Keduanya bertemu Sabtu lalu.", ("Sabtu lalu", "DATE", "2022-02-19")),
        ("Kasus itu dilaporkan pekan lalu.", ("pekan lalu", "DATE", "2022-W06")),
        ("Tarif naik bulan depan.", ("bulan depan", "DATE", "2022-03")),
        ("Ia pensiun tahun depan.", ("tahun depan", "DATE", "2023")),
        ("Ia pindah dua hari lalu.", ("dua hari lalu", "DATE", "2022-02-18")),
        ("Menteri berkunjung awal bulan ini.", ("awal bulan ini", "DATE", "2022-02")),
        ("Mereka bertemu akhir pekan ini.", ("akhir pekan ini", "DATE", "2022-W07-WE")),
        ("Keduanya bertemu pada Juni.", ("Juni", "DATE", "2021-06")),
        ("Keduanya akan bertemu pada Juni.", ("Juni", "DATE", "2022-06")),
        ("Ia ditahan selama tiga tahun.", ("tiga tahun", "DURATION", "P3Y")),
        ("Pasar dibuka setiap hari.", ("setiap hari", "SET", "P1D")),
        ("Kondisi saat ini stabil.", ("saat ini", "DATE", "PRESENT_REF")),
        ("Ia menunggu bertahun-tahun.", ("bertahun-tahun", "DURATION", "PXY")),
        ("Ekonomi tumbuh pada kuartal II 2021.", ("kuartal II 2021", "DATE", "2021-Q2")),
        ("Gedung itu diresmikan Juli lalu.", ("Juli lalu", "DATE", "2021-07")),
        ("Pemilu digelar Maret mendatang.", ("Maret mendatang", "DATE", "2022-03")),
        ("Ia tiba pagi tadi.", ("pagi tadi", "TIME", "2022-02-20TMO")),
    ],
)
def test_recognise_and_normalise(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


def test_day_name_takes_the_most_recent_one() -> None:
    # Anchor is a Monday: "Minggu" is the day before.
    assert one("Pesawat hilang kontak Minggu.", date(2014, 12, 29))[2] == "2014-12-28"


def test_day_name_alone_is_not_a_week() -> None:
    found = find_timexes("Harga naik minggu lalu, kata Minggu.", anchor=ANCHOR)
    assert (found[0].text, found[0].value) == ("minggu lalu", "2022-W06")


def test_clock_takes_the_date_mentioned_before() -> None:
    text = "Tim berangkat esok hari pada pukul 05.00 WIB."
    found = find_timexes(text, anchor=date(2014, 12, 30))
    assert [(t.text, t.value, t.offset) for t in found] == [
        ("esok hari", "2014-12-31", None),
        ("pukul 05.00 WIB", "2014-12-31T05:00", "+07:00"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Skor akhir 3/4 untuk tuan rumah.",
        "Harga Rp 2015 per biji.",
        "Ada 2019 orang mengungsi.",
        "Kapal di 08 derajat 50 menit lintang selatan.",
        "Ia mengutip Pasal 2015 ayat 3.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_timexes(text, anchor=ANCHOR) == []


def test_without_anchor_relative_values_stay_unresolved() -> None:
    assert one("Warga mengungsi kemarin.", anchor=None)[2] == "XXXX-XX-XX"


def test_infer_anchor_prefers_dates_with_day_names() -> None:
    text = "Rapat berlangsung Minggu (20/2/2022) malam. Mereka akan bertemu 24 Februari 2022."
    guess = infer_anchor(text)
    assert guess is not None and guess.value == date(2022, 2, 20)
    assert text[guess.start : guess.end] == "Minggu (20/2/2022)"


def test_infer_anchor_skips_planned_dates() -> None:
    text = "Rapat akan digelar Senin (14/3/2022). Menteri tiba Minggu (13/3/2022) malam."
    guess = infer_anchor(text)
    assert guess is not None and guess.value == date(2022, 3, 13)


def test_month_with_this_year_after_it() -> None:
    found = find_timexes("Muktamar digelar pada Agustus-September tahun ini.", anchor=date(2025, 7, 1))
    assert (found[0].text, found[0].value) == ("Agustus", "2025-08")


def test_infer_anchor_year_from_weekday() -> None:
    guess = infer_anchor("Polisi menahan pelaku, Senin (30/6). Ia diperiksa.", today=date(2025, 11, 1))
    assert guess is not None and guess.value == date(2025, 6, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warga bersiap menyambut malam tahun baru.", ("malam tahun baru", "TIME", "2014-12-31TNI")),
        ("Gereja penuh saat Natal.", ("Natal", "DATE", "2014-12-25")),
        ("Harapannya tahun baru membawa perubahan.", None),
    ],
)
def test_holidays(text: str, expected: tuple[str, str, str] | None) -> None:
    found = find_timexes(text, anchor=date(2014, 12, 29))
    if expected is None:
        assert found == []
    else:
        assert [(t.text, t.type, t.value) for t in found] == [expected]
