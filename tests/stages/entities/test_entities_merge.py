"""What merges into one entity, and what deliberately stays apart."""

from __future__ import annotations

import pytest
from entityhelpers import sentences_of, tag

from warta.article import EntityLabel
from warta.stages.entities import compatible, merge_mentions


def groups(text: str, tagged: list[tuple[str, EntityLabel]]) -> list[list[str]]:
    mentions = tag(text, tagged)
    return [
        [mentions[j].text for j in e.mentions] for e in merge_mentions(text, mentions, sentences_of(text))
    ]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        (  # full name, surname, title + surname
            "Joko Susilo membuka acara. Susilo lalu berpidato. Menurut Gubernur Susilo, proyek selesai.",
            [("Joko Susilo", "PER"), ("Susilo", "PER"), ("Gubernur Susilo", "PER")],
            [["Joko Susilo", "Susilo", "Gubernur Susilo"]],
        ),
        (  # a middle initial
            "Susilo B. Yudhoyono tiba. Susilo Bambang Yudhoyono disambut warga.",
            [("Susilo B. Yudhoyono", "PER"), ("Susilo Bambang Yudhoyono", "PER")],
            [["Susilo B. Yudhoyono", "Susilo Bambang Yudhoyono"]],
        ),
        (  # accents and case do not matter; LOC and ORG may name one seat of power
            "Istana Élysée menolak. Juru bicara ISTANA ELYSEE menjawab.",
            [("Istana Élysée", "LOC"), ("ISTANA ELYSEE", "ORG")],
            [["Istana Élysée", "ISTANA ELYSEE"]],
        ),
        (  # a country, its acronym and its short form
            "Pejabat AS tiba. Amerika Serikat mengirim bantuan. Amerika berjanji membantu.",
            [("AS", "LOC"), ("Amerika Serikat", "LOC"), ("Amerika", "LOC")],
            [["AS", "Amerika Serikat", "Amerika"]],
        ),
        (  # spelled out in brackets, even when the initials do not fit
            "Kementerian Luar Negeri (Kemenlu) memanggil duta besar. Kemenlu menyampaikan protes.",
            [("Kementerian Luar Negeri", "ORG"), ("Kemenlu", "ORG"), ("Kemenlu", "ORG")],
            [["Kementerian Luar Negeri", "Kemenlu", "Kemenlu"]],
        ),
        (  # the acronym first, the full form in brackets
            "BMKG (Badan Meteorologi, Klimatologi, dan Geofisika) memperingatkan warga.",
            [("BMKG", "ORG"), ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG")],
            [["BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika"]],
        ),
        (  # from the shipped list: syllable acronym never spelled out
            "Kepolisian Negara Republik Indonesia menurunkan pasukan. Polri berjaga.",
            [("Kepolisian Negara Republik Indonesia", "ORG"), ("Polri", "ORG")],
            [["Kepolisian Negara Republik Indonesia", "Polri"]],
        ),
        (  # the short name the article says a person goes by
            "Menteri Sosial Saifullah Yusuf atau Gus Ipul meninjau banjir. Gus Ipul lalu berbicara.",
            [("Saifullah Yusuf", "PER"), ("Gus Ipul", "PER"), ("Gus Ipul", "PER")],
            [["Saifullah Yusuf", "Gus Ipul", "Gus Ipul"]],
        ),
        (
            "Ketua RT Hendra Wijaya yang akrab disapa Ajo menyambut warga. Ajo tersenyum.",
            [("Hendra Wijaya", "PER"), ("Ajo", "PER"), ("Ajo", "PER")],
            [["Hendra Wijaya", "Ajo", "Ajo"]],
        ),
        (  # misspellings, once everything else is settled
            "Sergey Lavrov tiba di Rusia. Larov lalu kembali ke Rusi.",
            [("Sergey Lavrov", "PER"), ("Rusia", "LOC"), ("Larov", "PER"), ("Rusi", "LOC")],
            [["Sergey Lavrov", "Larov"], ["Rusia", "Rusi"]],
        ),
    ],
)
def test_merges(text: str, tagged: list[tuple[str, EntityLabel]], expected: list[list[str]]) -> None:
    assert groups(text, tagged) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        (  # one surname, two first names
            "Joe Biden dan Jill Biden tiba di Bali.",
            [("Joe Biden", "PER"), ("Jill Biden", "PER")],
            [["Joe Biden"], ["Jill Biden"]],
        ),
        (  # short names one letter apart
            "Rina menelepon Rini.",
            [("Rina", "PER"), ("Rini", "PER")],
            [["Rina"], ["Rini"]],
        ),
        (  # a man's and a woman's form of one name
            "Susanto bertemu Susanti.",
            [("Susanto", "PER"), ("Susanti", "PER")],
            [["Susanto"], ["Susanti"]],
        ),
        (  # a person and a place of one name
            "Warga Soekarno berkumpul di Soekarno.",
            [("Soekarno", "PER"), ("Soekarno", "LOC")],
            [["Soekarno"], ["Soekarno"]],
        ),
        (  # a province is not its island, nor the city the regency
            "Banjir melanda Jawa Barat dan Jawa. Kota Bandung dan Kabupaten Bandung siaga. Bandung hujan.",
            [
                ("Jawa Barat", "LOC"),
                ("Jawa", "LOC"),
                ("Kota Bandung", "LOC"),
                ("Kabupaten Bandung", "LOC"),
                ("Bandung", "LOC"),
            ],
            [["Jawa Barat"], ["Jawa"], ["Kota Bandung"], ["Kabupaten Bandung"], ["Bandung"]],
        ),
        (  # a country is not the university named after it
            "Universitas Indonesia menggelar wisuda di Indonesia.",
            [("Universitas Indonesia", "ORG"), ("Indonesia", "LOC")],
            [["Universitas Indonesia"], ["Indonesia"]],
        ),
        (  # a typo that fits two people equally is left alone
            "Hartono bertemu Hartanto. Hartano pulang.",
            [("Hartono", "PER"), ("Hartanto", "PER"), ("Hartano", "PER")],
            [["Hartono"], ["Hartanto"], ["Hartano"]],
        ),
        (  # "atau" between two people: either of them, not one person
            "Hendra Wijaya atau Dedi akan memimpin rapat.",
            [("Hendra Wijaya", "PER"), ("Dedi", "PER")],
            [["Hendra Wijaya"], ["Dedi"]],
        ),
        (  # an acronym never fuzzes into another
            "Pejabat AS dan AU hadir.",
            [("AS", "LOC"), ("AU", "ORG")],
            [["AS"], ["AU"]],
        ),
    ],
)
def test_stays_apart(text: str, tagged: list[tuple[str, EntityLabel]], expected: list[list[str]]) -> None:
    assert groups(text, tagged) == expected


def test_bare_surname_of_two_people_goes_to_the_last_one_named() -> None:
    text = (
        "Ani Wijaya dan Bayu Wijaya hadir. Bayu Wijaya membuka rapat. Wijaya berbicara lama. "
        "Ani Wijaya menutup acara. Wijaya lalu pulang."
    )
    tagged: list[tuple[str, EntityLabel]] = [
        ("Ani Wijaya", "PER"),
        ("Bayu Wijaya", "PER"),
        ("Bayu Wijaya", "PER"),
        ("Wijaya", "PER"),
        ("Ani Wijaya", "PER"),
        ("Wijaya", "PER"),
    ]
    assert groups(text, tagged) == [
        ["Ani Wijaya", "Ani Wijaya", "Wijaya"],
        ["Bayu Wijaya", "Bayu Wijaya", "Wijaya"],
    ]


def test_canonical_name_is_the_longest_full_form() -> None:
    text = "Prabowo tiba. Presiden Prabowo Subianto berpidato. Prabowo pulang."
    tagged: list[tuple[str, EntityLabel]] = [
        ("Prabowo", "PER"),
        ("Presiden Prabowo Subianto", "PER"),
        ("Prabowo", "PER"),
    ]
    (e,) = merge_mentions(text, tag(text, tagged), sentences_of(text))
    assert (e.name, e.aliases) == (
        "Prabowo Subianto",
        ["Prabowo", "Presiden Prabowo Subianto", "Prabowo Subianto"],
    )
    assert [r.text for r in e.roles] == ["Presiden"]


def test_label_is_the_majority() -> None:
    text = "Gedung Putih menolak. Gedung Putih diam. Gedung Putih lalu menjawab."
    tagged: list[tuple[str, EntityLabel]] = [
        ("Gedung Putih", "ORG"),
        ("Gedung Putih", "LOC"),
        ("Gedung Putih", "ORG"),
    ]
    assert [e.label for e in merge_mentions(text, tag(text, tagged), [])] == ["ORG"]


def test_a_role_inside_a_longer_one_is_not_repeated() -> None:
    text = "Presiden Kenya, William Odongo, tiba. Presiden Odongo lalu berpidato."
    tagged: list[tuple[str, EntityLabel]] = [
        ("Kenya", "LOC"),
        ("William Odongo", "PER"),
        ("Presiden Odongo", "PER"),
    ]
    entities = merge_mentions(text, tag(text, tagged), sentences_of(text))
    assert [(e.name, [r.text for r in e.roles]) for e in entities] == [
        ("Kenya", []),
        ("William Odongo", ["Presiden Kenya"]),
    ]


def test_no_mentions_no_entities() -> None:
    assert merge_mentions("Hujan turun sejak pagi.", [], []) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("PER", "PER", True),
        ("LOC", "ORG", True),
        ("ORG", "MISC", True),
        ("PER", "LOC", False),
        ("PER", "MISC", False),
        ("EVT", "LOC", False),
    ],
)
def test_compatible(a: EntityLabel, b: EntityLabel, expected: bool) -> None:
    assert compatible(a, b) is expected
