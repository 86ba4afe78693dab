"""Roles in lists of officials, around bracketed short forms, joined by "dan", and ranks."""

from __future__ import annotations

import pytest
from entityhelpers import article, sentences_of, tag

from warta.article import EntityLabel
from warta.stages.entities import EntityStep, find_roles, load_resources


def roles(text: str, tagged: list[tuple[str, EntityLabel]]) -> dict[str, list[str]]:
    mentions = tag(text, tagged)
    found = find_roles(text, mentions, sentences_of(text), resources=load_resources())
    return {mentions[i].text: [r.text for r in rs] for i, rs in found.items()}


def test_each_official_in_a_list_gets_only_the_title_before_the_name() -> None:
    text = (
        "Hadir pula Menteri Perikanan Budi Santosa, Menteri Pariwisata Rina Kartika, "
        "Menteri Agraria dan Tata Ruang Yusuf Hamdan, hingga Kepala Staf Angkatan Laut Agus Wirawan."
    )
    got = roles(
        text,
        [("Budi Santosa", "PER"), ("Rina Kartika", "PER"), ("Yusuf Hamdan", "PER"), ("Agus Wirawan", "PER")],
    )
    assert got == {
        "Budi Santosa": ["Menteri Perikanan"],
        "Rina Kartika": ["Menteri Pariwisata"],
        "Yusuf Hamdan": ["Menteri Agraria dan Tata Ruang"],
        "Agus Wirawan": ["Kepala Staf Angkatan Laut"],
    }


def test_a_title_before_a_bracketed_short_form_in_a_list_is_the_next_persons() -> None:
    text = "Turut hadir Menteri Sosial Dewi Anggraini, Menteri Koordinator Pangan (Menko Pangan) Hasan Basri."
    got = roles(text, [("Dewi Anggraini", "PER"), ("Hasan Basri", "PER")])
    assert got == {"Dewi Anggraini": ["Menteri Sosial"], "Hasan Basri": ["Menteri Koordinator Pangan"]}


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        (  # a short form in brackets between the title and the name, with a space
            "Menteri Perhubungan (Menhub) Arif Wicaksono meninjau pelabuhan.",
            [("Arif Wicaksono", "PER")],
            {"Arif Wicaksono": ["Menteri Perhubungan"]},
        ),
        (  # ... and glued to the name, as scraped text often has it
            "Kepala Badan Pangan (Kabapan)Wulan Sari menolak impor beras.",
            [("Wulan Sari", "PER")],
            {"Wulan Sari": ["Kepala Badan Pangan"]},
        ),
        (  # a lower-case relation after the comma runs into the client's name: still a role
            "Yosef Lubis, kuasa hukum Rahmat Hidayat, menyerahkan bukti.",
            [("Yosef Lubis", "PER"), ("Rahmat Hidayat", "PER")],
            {"Yosef Lubis": ["kuasa hukum"]},
        ),
        (  # a lower-case title that is no service to a person stays the name's role
            "Tim itu kini dilatih pelatih Marco Santini, kata mantan presiden Hendra Wibisono.",
            [("Marco Santini", "PER"), ("Hendra Wibisono", "PER")],
            {"Marco Santini": ["pelatih"], "Hendra Wibisono": ["mantan presiden"]},
        ),
        (  # after selaku the role belongs to the subject, whoever it names
            "Yosef Lubis selaku pengacara Rahmat Hidayat menyerahkan bukti.",
            [("Yosef Lubis", "PER"), ("Rahmat Hidayat", "PER")],
            {"Yosef Lubis": ["pengacara"]},
        ),
    ],
)
def test_role_shapes_around_names(
    text: str, tagged: list[tuple[str, EntityLabel]], expected: dict[str, list[str]]
) -> None:
    assert roles(text, tagged) == expected


def test_a_lower_case_noun_before_a_comma_is_no_title() -> None:
    # "kata jaksa" closes a quote; the name after the comma opens a new clause
    text = "Tuntutan itu sudah final, kata jaksa, Hendra Gunawan tetap membantah semuanya."
    assert roles(text, [("Hendra Gunawan", "PER")]) == {}


@pytest.mark.parametrize(
    ("surface", "role", "name"),
    [
        (
            "Kabid Humas Polda Sulawesi Barat Kombes Yudi Prasetyo",
            "Kabid Humas Polda Sulawesi Barat Kombes",
            "Yudi Prasetyo",
        ),
        ("Konjen RI Hendri Wijaya", "Konjen RI", "Hendri Wijaya"),
        ("Mayor Inf Dodi Kurniawan", "Mayor Inf", "Dodi Kurniawan"),
        ("Bripka Sutrisno Hadi", "Bripka", "Sutrisno Hadi"),
    ],
)
def test_ranks_and_abbreviated_offices_come_off_the_name(surface: str, role: str, name: str) -> None:
    text = f"Pernyataan itu disampaikan {surface} kepada wartawan."
    a = EntityStep()(article(text, [(surface, "PER")]))
    assert [(e.name, [r.text for r in e.roles]) for e in a.entities] == [(name, [role])]


def test_the_staff_of_a_minister_is_not_the_ministers_role() -> None:
    text = "Ia adalah staf khusus mantan Menteri Perikanan Budi Santosa yang kini buron."
    assert roles(text, [("Budi Santosa", "PER")]) == {"Budi Santosa": ["mantan Menteri Perikanan"]}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Sidang dipimpin Ketua Pengadilan Tinggi Hj Siti Aminah kemarin.",
            "Siti Aminah",
            "Ketua Pengadilan Tinggi",
        ),
        (
            "Apel dipimpin Kapolda Riau Irjen Pol KH Rahmat Hidayat pagi ini.",
            "Rahmat Hidayat",
            "Kapolda Riau Irjen Pol",
        ),
        # a sentence's end before the name is no honorific
        (
            "Uang itu hilang dari kantor gubernur. Kabag Humas Setda Riau Rahmat Hidayat membenarkannya.",
            "Rahmat Hidayat",
            "Kabag Humas Setda Riau",
        ),
    ],
)
def test_an_honorific_between_role_and_name_is_no_part_of_the_role(text: str, name: str, role: str) -> None:
    assert roles(text, [(name, "PER")]) == {name: [role]}
