"""Mention repairs from article evidence: role phrases, presidencies, missed names; seats typed ORG."""

from __future__ import annotations

import pytest
from entityhelpers import article, sentences_of, tag

from warta.article import EntityLabel
from warta.stages.entities import EntityStep, load_resources, repair_mentions, seat_of


def repaired(text: str, tagged: list[tuple[str, EntityLabel]]) -> list[tuple[str, str]]:
    ms = repair_mentions(text, tag(text, tagged), sentences_of(text), resources=load_resources())
    return [(m.text, m.label) for m in ms]


def entities(text: str, tagged: list[tuple[str, EntityLabel]]) -> list[tuple[str, str, list[str], list[str]]]:
    a = EntityStep()(article(text, tagged))
    return [
        (e.name, e.label, [a.mentions[j].text for j in e.mentions], [r.text for r in e.roles])
        for e in a.entities
    ]


# -- a role phrase the tagger took for a person ------------------------------------------------


def test_role_phrase_with_a_misspelt_country_gives_back_the_place_and_the_role() -> None:
    text = "Jepang menolak usul itu. Menteri Luar Negeri Jepan, Yoko Kamikawa, menemui wartawan."
    got = entities(text, [("Jepang", "LOC"), ("Negeri Jepan", "PER"), ("Yoko Kamikawa", "PER")])
    assert got == [
        ("Jepang", "LOC", ["Jepang", "Jepan"], []),
        ("Yoko Kamikawa", "PER", ["Yoko Kamikawa"], ["Menteri Luar Negeri Jepan"]),
    ]


def test_role_phrase_with_a_gazetteer_place() -> None:
    text = "Gubernur Jawa Tengah meninjau tanggul di Demak."
    assert repaired(text, [("Gubernur Jawa Tengah", "PER"), ("Demak", "LOC")]) == [
        ("Jawa Tengah", "LOC"),
        ("Demak", "LOC"),
    ]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        # a title before a person's name is split later by name_form, not here
        (
            "Presiden Prancis Emmanuel Macron tiba di Prancis.",
            [("Presiden Prancis Emmanuel Macron", "PER"), ("Prancis", "LOC")],
        ),
        # "Agung" is a role word, but nothing opens a role before it
        (
            "Warga Bogor menyambut Agung Laksono di Bogor.",
            [("Bogor", "LOC"), ("Agung Laksono", "PER"), ("Bogor", "LOC")],
        ),
        # a role before a name that is no place of the article or the gazetteer
        ("Kepala Dinas Hartono Wibowo hadir.", [("Dinas Hartono Wibowo", "PER")]),
    ],
)
def test_names_after_roles_stay_persons(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert repaired(text, tagged) == [(s, lab) for s, lab in tagged]


# -- seats of government ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "label"),
    [
        (
            "Kremlin membantah laporan itu. Juru bicara Kremlin menyebutnya fitnah.",
            [("Kremlin", "LOC"), ("Kremlin", "LOC")],
            "ORG",
        ),
        (
            "Pentagon mengirim dua kapal induk ke Laut Merah.",
            [("Pentagon", "LOC"), ("Laut Merah", "LOC")],
            "ORG",
        ),
        # a longer form that starts with a listed seat
        ("Balai Kota Surabaya menetapkan status tanggap darurat.", [("Balai Kota Surabaya", "LOC")], "ORG"),
        # only ever a place
        ("Ribuan buruh berunjuk rasa di depan Istana Merdeka.", [("Istana Merdeka", "ORG")], "LOC"),
        ("Perdana menteri itu tiba di Downing Street pagi tadi.", [("Downing Street", "LOC")], "LOC"),
    ],
)
def test_a_seat_of_government_is_an_organisation_unless_only_a_place(
    text: str, tagged: list[tuple[str, EntityLabel]], label: str
) -> None:
    got = entities(text, tagged)
    assert got[0][1] == label


def test_seat_lookup_by_prefix_and_accents() -> None:
    res = load_resources()
    assert seat_of(("istana", "elysee"), res) == (("prancis",), "presidency")
    assert seat_of(("gedung", "putih"), res) == (("amerika", "serikat"), "presidency")
    assert seat_of(("gedung", "merdeka"), res) is None


# -- "kepresidenan <country>" ----------------------------------------------------------------


def test_presidency_merges_with_the_seat_of_its_country() -> None:
    text = "Menurut Kremlin, pertemuan itu batal. Pernyataan kepresidenan Rusia juga menyinggung Ukraina."
    got = entities(text, [("Kremlin", "LOC"), ("Rusia", "LOC"), ("Ukraina", "LOC")])
    assert got == [
        ("Kremlin", "ORG", ["Kremlin", "kepresidenan Rusia"], []),
        ("Ukraina", "LOC", ["Ukraina"], []),
    ]


def test_presidency_through_a_country_acronym_but_not_into_another_seat() -> None:
    text = "Gedung Putih diam. Pentagon menolak. Sumber di kepresidenan AS membenarkan."
    got = entities(text, [("Gedung Putih", "LOC"), ("Pentagon", "ORG"), ("AS", "LOC")])
    assert [(n, m) for n, _, m, _ in got] == [
        ("Gedung Putih", ["Gedung Putih", "kepresidenan AS"]),
        ("Pentagon", ["Pentagon"]),
    ]


def test_presidency_never_merges_into_its_country() -> None:
    text = "Prancis menunda keputusan. Pernyataan kepresidenan Prancis keluar malam hari."
    got = entities(text, [("Prancis", "LOC"), ("Prancis", "LOC")])
    assert [(n, lab) for n, lab, _, _ in got] == [("Prancis", "LOC"), ("kepresidenan Prancis", "ORG")]


# -- names the tagger missed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "added"),
    [
        # a surname, standing alone
        (
            "Retno Marsudi tiba di Seoul. Setelah itu Marsudi bertemu wartawan.",
            [("Retno Marsudi", "PER"), ("Seoul", "LOC")],
            ("Marsudi", "PER"),
        ),
        # a misspelt surname
        (
            "Retno Marsudi tiba di Seoul. Setelah itu Marsdi bertemu wartawan.",
            [("Retno Marsudi", "PER"), ("Seoul", "LOC")],
            ("Marsdi", "PER"),
        ),
        # a one-word place, misspelt
        (
            "Banjir melanda Semarang. Warga Semarnag mengungsi ke masjid.",
            [("Semarang", "LOC")],
            ("Semarnag", "LOC"),
        ),
    ],
)
def test_missed_names_are_added(
    text: str, tagged: list[tuple[str, EntityLabel]], added: tuple[str, str]
) -> None:
    got = repaired(text, tagged)
    assert added in got and len(got) == len(tagged) + 1


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        # short names one letter apart are different people
        ("Rini Suwandi hadir. Rina juga datang.", [("Rini Suwandi", "PER")]),
        # part of a longer capitalised name
        ("Retno Marsudi tiba. Ia melewati Jalan Marsudi kemarin.", [("Retno Marsudi", "PER")]),
        # capitalised pronouns and conjunctions name nobody
        ("Dia datang. Namun ia pergi.", []),
    ],
)
def test_no_name_is_invented(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert repaired(text, tagged) == [(s, lab) for s, lab in tagged]


def test_a_recovered_typo_merges_with_its_person() -> None:
    text = "Sergei Ivanov tiba. Yuri dan Ivanvo lalu berbicara. Ivanov pulang."
    got = entities(text, [("Sergei Ivanov", "PER"), ("Ivanov", "PER")])
    assert got == [("Sergei Ivanov", "PER", ["Sergei Ivanov", "Ivanvo", "Ivanov"], [])]
