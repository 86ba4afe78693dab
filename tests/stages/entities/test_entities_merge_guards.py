"""Merge guards: places and what is in them, one name under two types, typos of equal weight."""

from __future__ import annotations

import pytest
from entityhelpers import article

from warta.article import EntityLabel
from warta.stages.entities import EntityStep


def groups(text: str, tagged: list[tuple[str, EntityLabel]]) -> list[list[str]]:
    a = EntityStep()(article(text, tagged))
    return [[a.mentions[j].text for j in e.mentions] for e in a.entities]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        (
            "Kantor Pajak Sleman membuka loket baru. Warga Sleman antre sejak pagi.",
            [("Kantor Pajak Sleman", "LOC"), ("Sleman", "LOC")],
        ),
        (
            "Mapolres Bantul memeriksa saksi. Hujan deras mengguyur Bantul sejak siang.",
            [("Mapolres Bantul", "LOC"), ("Bantul", "LOC")],
        ),
        # two provinces that share a word
        (
            "Anggaran Papua Pegunungan naik, sedangkan Papua turun.",
            [("Papua Pegunungan", "LOC"), ("Papua", "LOC")],
        ),
    ],
)
def test_a_place_stays_apart_from_what_is_in_it(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert groups(text, tagged) == [[s] for s, _ in tagged]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        (
            "Pemprov DKI Jakarta menambah bus. Jakarta kini punya 30 koridor.",
            [("DKI Jakarta", "LOC"), ("Jakarta", "LOC")],
        ),
        (
            "Pasukan Persatuan Sepak Bola Bantul berlatih. Persatuan Sepak Bola Bantul menang.",
            [("Persatuan Sepak Bola Bantul", "ORG"), ("Persatuan Sepak Bola Bantul", "ORG")],
        ),
        # a name that ends with a word that is no known place still merges
        (
            "Klub Garuda Muda menang. Garuda Muda kini memimpin klasemen.",
            [("Klub Garuda Muda", "ORG"), ("Garuda Muda", "ORG")],
        ),
    ],
)
def test_the_same_place_or_body_still_merges(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert groups(text, tagged) == [[s for s, _ in tagged]]


def test_a_name_tagged_as_a_person_and_as_a_club_is_one_referent() -> None:
    text = "Garuda Muda menang 2-0. Pelatih Garuda Muda memuji pemainnya, dan Garuda Muda naik ke puncak."
    got = groups(text, [("Garuda Muda", "ORG"), ("Garuda Muda", "PER"), ("Garuda Muda", "ORG")])
    assert got == [["Garuda Muda", "Garuda Muda", "Garuda Muda"]]


def test_a_one_word_organisation_stays_apart_from_a_person_of_that_surname() -> None:
    # a company named like a family is not the person
    text = "Hartono Wijaya meresmikan pabrik. Saham Wijaya naik."
    assert groups(text, [("Hartono Wijaya", "PER"), ("Wijaya", "ORG")]) == [["Hartono Wijaya"], ["Wijaya"]]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        (  # two spellings of one two-word name, once each: the later joins the first
            "Aktris Nadia Prescilla hadir. Penampilan Nadia Priscilla memukau penonton.",
            [("Nadia Prescilla", "PER"), ("Nadia Priscilla", "PER")],
            [["Nadia Prescilla", "Nadia Priscilla"]],
        ),
        (  # one-word names one letter apart stay two people
            "Rina datang lebih dulu. Rini menyusul kemudian.",
            [("Rina", "PER"), ("Rini", "PER")],
            [["Rina"], ["Rini"]],
        ),
        (  # different first names with one surname stay two people
            "Budi Prasetyo dan Bayu Prasetyo tiba.",
            [("Budi Prasetyo", "PER"), ("Bayu Prasetyo", "PER")],
            [["Budi Prasetyo"], ["Bayu Prasetyo"]],
        ),
    ],
)
def test_typos_of_equal_weight(
    text: str, tagged: list[tuple[str, EntityLabel]], expected: list[list[str]]
) -> None:
    assert groups(text, tagged) == expected


def test_untagged_affiliation_before_a_known_name_comes_off_it() -> None:
    text = (
        "Ketua Umum Serikat Nelayan Bahari Andi Rahmat Saputra menolak aturan itu. "
        "Menurut Andi Saputra, nelayan kecil dirugikan."
    )
    a = EntityStep()(
        article(text, [("Serikat Nelayan Bahari Andi Rahmat Saputra", "PER"), ("Andi Saputra", "PER")])
    )
    assert [(e.name, e.aliases, [r.text for r in e.roles]) for e in a.entities] == [
        (
            "Andi Rahmat Saputra",
            ["Andi Rahmat Saputra", "Andi Saputra"],
            ["Ketua Umum Serikat Nelayan Bahari"],
        )
    ]


def test_a_span_of_a_known_first_name_keeps_all_its_words() -> None:
    # "Andi" opens a known name: nothing before the name to cut
    text = "Andi Rahmat Saputra menolak. Andi Saputra lalu pulang."
    a = EntityStep()(article(text, [("Andi Rahmat Saputra", "PER"), ("Andi Saputra", "PER")]))
    assert [e.name for e in a.entities] == ["Andi Rahmat Saputra"]


def test_a_glued_conjunction_is_no_alias_but_a_title_is() -> None:
    text = "Presiden Hadi Santoso tiba. Namun Santoso menolak bicara."
    a = EntityStep()(article(text, [("Presiden Hadi Santoso", "PER"), ("Namun Santoso", "PER")]))
    assert [(e.name, e.aliases) for e in a.entities] == [
        ("Hadi Santoso", ["Presiden Hadi Santoso", "Hadi Santoso", "Santoso"])
    ]


def test_a_wifes_name_with_her_husbands_stays_her_own() -> None:
    text = "Presiden Hadi Santoso tiba bersama Ibu Negara Ratna Hadi Santoso. Hadi Santoso lalu berpidato."
    a = EntityStep()(
        article(text, [("Hadi Santoso", "PER"), ("Ratna Hadi Santoso", "PER"), ("Hadi Santoso", "PER")])
    )
    assert sorted(e.name for e in a.entities) == ["Hadi Santoso", "Ratna Hadi Santoso"]


def test_a_translated_name_keeps_its_foreign_acronym() -> None:
    text = "Badan Pangan Dunia (WFP) mengirim beras. WFP juga mengirim dokter."
    got = groups(text, [("Badan Pangan Dunia", "ORG"), ("WFP", "ORG"), ("WFP", "ORG")])
    assert got == [["Badan Pangan Dunia", "WFP", "WFP"]]


def test_a_known_place_inside_a_longer_name_stays_apart() -> None:
    text = "Partai Buruh Vietnam Bersatu menggelar kongres. Vietnam menambah ekspor."
    assert groups(text, [("Partai Buruh Vietnam Bersatu", "ORG"), ("Vietnam", "LOC")]) == [
        ["Partai Buruh Vietnam Bersatu"],
        ["Vietnam"],
    ]


def test_a_name_tagged_as_often_a_person_as_a_club_is_the_club() -> None:
    text = "Garuda Muda menang 2-0. Pelatih Garuda Muda memuji pemainnya."
    a = EntityStep()(article(text, [("Garuda Muda", "PER"), ("Garuda Muda", "ORG")]))
    assert [(e.name, e.label) for e in a.entities] == [("Garuda Muda", "ORG")]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Andi Rahman Sulaiman", "Rahman Sulaiman"),
        ("Muhammad Faisal Akbar", "Faisal Akbar"),
        ("Teuku Rizal Fahmi", "Rizal Fahmi"),
    ],
)
def test_a_title_or_muhammad_before_a_name_may_be_left_out(full: str, short: str) -> None:
    text = f"Menteri {full} tiba di Makassar. {short} lalu meninjau gudang beras."
    assert groups(text, [(full, "PER"), (short, "PER")]) == [[full, short]]


def test_an_east_asian_family_name_before_the_given_name_may_be_left_out() -> None:
    text = "Penyanyi Park Min Seo merilis album. Min Seo menulis semua lagunya."
    assert groups(text, [("Park Min Seo", "PER"), ("Min Seo", "PER")]) == [["Park Min Seo", "Min Seo"]]


def test_a_country_in_brackets_is_where_a_company_is_not_its_short_form() -> None:
    text = "Mobil buatan Sinar Motor (Malaysia) laris. Malaysia lalu menaikkan pajak."
    got = groups(text, [("Sinar Motor", "ORG"), ("Malaysia", "LOC"), ("Malaysia", "LOC")])
    assert got == [["Sinar Motor"], ["Malaysia", "Malaysia"]]


def test_a_provinces_short_form_in_brackets_joins_it() -> None:
    text = "Pemerintah Jawa Tengah (Jateng) menambah anggaran. Jateng kini surplus beras."
    got = groups(text, [("Jawa Tengah", "LOC"), ("Jateng", "LOC"), ("Jateng", "LOC")])
    assert got == [["Jawa Tengah", "Jateng", "Jateng"]]


def test_an_acronym_of_the_institute_at_the_end_of_a_department_name_is_the_institute() -> None:
    text = "Dosen Ilmu Gizi Institut Pertanian Bogor (IPB) meneliti bawang. IPB lalu merilis hasilnya."
    got = groups(text, [("Ilmu Gizi Institut Pertanian Bogor", "ORG"), ("IPB", "ORG"), ("IPB", "ORG")])
    assert got == [["Ilmu Gizi Institut Pertanian Bogor"], ["IPB", "IPB"]]


def test_a_bare_given_name_stays_with_the_person_already_called_by_it() -> None:
    text = (
        "Presiden Bagus Santoso tiba di Bandung. Bagus lalu disambut Kapolda Irjen Rudi Hartono Bagus. "
        "Selain Bagus, hadir pula para menteri."
    )
    got = groups(
        text,
        [
            ("Presiden Bagus Santoso", "PER"),
            ("Bagus", "PER"),
            ("Rudi Hartono Bagus", "PER"),
            ("Bagus", "PER"),
        ],
    )
    assert got == [["Presiden Bagus Santoso", "Bagus", "Bagus"], ["Rudi Hartono Bagus"]]


def test_a_forum_named_after_a_company_is_not_the_company() -> None:
    text = (
        "Anggota Forum Korban Sehat Gym Nusantara menuntut ganti rugi. Manajemen Sehat Gym Nusantara "
        "belum menjawab. Sehat Gym lalu menutup cabang."
    )
    got = groups(
        text,
        [("Forum Korban Sehat Gym Nusantara", "ORG"), ("Sehat Gym Nusantara", "ORG"), ("Sehat Gym", "ORG")],
    )
    assert got == [["Forum Korban Sehat Gym Nusantara"], ["Sehat Gym Nusantara", "Sehat Gym"]]


def test_a_companys_acronym_with_and_without_its_legal_form_and_its_full_name() -> None:
    text = (
        "Lowongan di PT Maju Sentosa Abadi (MSA) ternyata palsu. PT MSA tidak pernah membuka lowongan. "
        "MSA juga melapor ke polisi."
    )
    got = groups(text, [("PT Maju Sentosa Abadi", "ORG"), ("MSA", "ORG"), ("PT MSA", "ORG"), ("MSA", "ORG")])
    assert got == [["PT Maju Sentosa Abadi", "MSA", "PT MSA", "MSA"]]


def test_a_misspelt_full_name_with_its_first_name_joins_the_right_spelling() -> None:
    text = (
        "Menteri Ratna Kusumawati meninjau pasar. Ratna Kusumawati berbincang dengan pedagang. "
        "Ratna tersenyum. Kata Ratna Kusumwati, harga stabil. Ratna lalu pulang."
    )
    got = groups(
        text,
        [
            ("Ratna Kusumawati", "PER"),
            ("Ratna Kusumawati", "PER"),
            ("Ratna", "PER"),
            ("Ratna Kusumwati", "PER"),
            ("Ratna", "PER"),
        ],
    )
    assert len(got) == 1 and len(got[0]) == 5
