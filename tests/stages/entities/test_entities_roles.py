"""Roles from the words around a person's name."""

from __future__ import annotations

import pytest
from entityhelpers import sentences_of, tag

from warta.article import EntityLabel
from warta.stages.entities import find_roles, load_resources


def roles(text: str, tagged: list[tuple[str, EntityLabel]]) -> dict[str, list[str]]:
    mentions = tag(text, tagged)
    found = find_roles(text, mentions, sentences_of(text), resources=load_resources())
    return {mentions[i].text: [r.text for r in rs] for i, rs in found.items()}


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        (  # before the name, with a comma, two people in one sentence
            "Gubernur Jawa Barat, Dedi Kurnia dan Wali Kota Bandung, Yana Mulyana meninjau lokasi banjir.",
            [("Jawa Barat", "LOC"), ("Dedi Kurnia", "PER"), ("Bandung", "LOC"), ("Yana Mulyana", "PER")],
            {"Dedi Kurnia": ["Gubernur Jawa Barat"], "Yana Mulyana": ["Wali Kota Bandung"]},
        ),
        (  # lower-case role before the name, then a rank
            "Sementara itu, juru bicara Polda Metro Jaya, Kombes Ade Ary, membenarkan penangkapan itu.",
            [("Polda Metro Jaya", "ORG"), ("Ade Ary", "PER")],
            {"Ade Ary": ["juru bicara Polda Metro Jaya", "Kombes"]},
        ),
        (  # after the name, with a comma
            "Hal itu disampaikan Siti Nurhaliza, Ketua Umum Koperasi Tani Makmur, di Bogor.",
            [("Siti Nurhaliza", "PER"), ("Koperasi Tani Makmur", "ORG"), ("Bogor", "LOC")],
            {"Siti Nurhaliza": ["Ketua Umum Koperasi Tani Makmur"]},
        ),
        (  # right before the name, no comma (the tagger left the title out)
            "Rencana itu ditolak Menteri Luar Negeri Malaysia Anwar Hakim dalam jumpa pers.",
            [("Malaysia", "LOC"), ("Anwar Hakim", "PER")],
            {"Anwar Hakim": ["Menteri Luar Negeri Malaysia"]},
        ),
        (  # after selaku
            "Agus Salim selaku kepala dinas kesehatan setempat meminta warga tetap tenang.",
            [("Agus Salim", "PER")],
            {"Agus Salim": ["kepala dinas kesehatan setempat"]},
        ),
    ],
)
def test_role_shapes(
    text: str, tagged: list[tuple[str, EntityLabel]], expected: dict[str, list[str]]
) -> None:
    assert roles(text, tagged) == expected


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("Di Jakarta, Budi Hartono menemui para pedagang.", [("Jakarta", "LOC"), ("Budi Hartono", "PER")]),
        ("Pertemuan Biden dan Putin berlangsung dua jam.", [("Biden", "PER"), ("Putin", "PER")]),
        ("Menurut Larasati, warga mulai mengungsi.", [("Larasati", "PER")]),
        ("Dewi Lestari, penulis itu, hadir di Ubud.", [("Dewi Lestari", "PER"), ("Ubud", "LOC")]),
        ("Ia muncul sebagai perantara diplomatik bagi Ahmad Dani.", [("Ahmad Dani", "PER")]),
        ("Ketua KPK Firman Ali bertemu Yusuf.", [("Firman Ali", "PER"), ("Yusuf", "PER")]),
    ],
)
def test_no_role_without_a_role_noun(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    found = roles(text, tagged)
    assert "Yusuf" not in found  # a role never jumps over another person
    assert all(name == "Firman Ali" for name in found)


def test_roles_stay_in_their_sentence() -> None:
    text = "Rapat dipimpin Presiden. Bambang Susilo hadir."
    assert roles(text, [("Bambang Susilo", "PER")]) == {}


def test_places_get_no_roles() -> None:
    text = "Ibu kota Jawa Tengah, Semarang, dilanda banjir."
    assert roles(text, [("Jawa Tengah", "LOC"), ("Semarang", "LOC")]) == {}
