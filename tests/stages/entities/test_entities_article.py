"""A whole article written for this test: every merge, every guard, every role shape at once."""

from __future__ import annotations

import pytest
from entityhelpers import article

from warta.article import Article, Entity
from warta.stages.entities import EntityStep

BERITA = (
    "Komisi Pemberantasan Korupsi (KPK) memeriksa Bupati Sukamaju Hendra Wijaya di Jakarta, "
    "Senin (3/6/2024). Juru bicara KPK, Ali Firdaus, mengatakan Hendra diperiksa sebagai saksi "
    "dalam kasus suap proyek jalan kabupaten. Dia tiba di gedung KPK sekitar pukul 09.30 WIB.\n"
    "Selain Hendra Wijaya, penyidik juga memanggil Rudi Wijaya, Direktur PT Karya Sukamaju, yang "
    "merupakan adik kandung sang bupati. Rudi tidak memenuhi panggilan itu tanpa alasan yang jelas.\n"
    "Kasus ini ikut disorot Duta Besar Amerika Serikat untuk Indonesia, Michael Hartley. Menurut "
    "Hartly, pemerintah AS mendukung upaya pemberantasan korupsi di Indonesia. Dubes Hartley juga "
    "berharap kerja sama kedua negara di bidang hukum terus berlanjut.\n"
    "Namun, Ketua KPK Nawawi Rahman menegaskan lembaganya bekerja tanpa tekanan dari pihak mana pun. "
    "Sementara itu, pemeriksaan terhadap Hendra akan dilanjutkan pada Kamis pekan depan, kata Nawawi."
)

# What a tagger gives, mistakes included: a day, a pronoun, two conjunctions and a
# weekday tagged as names, titles inside person spans, a misspelt surname.
TAGGED = [
    ("Komisi Pemberantasan Korupsi", "ORG"),
    ("KPK", "ORG"),
    ("Bupati Sukamaju Hendra Wijaya", "PER"),
    ("Jakarta", "LOC"),
    ("Senin", "PER"),
    ("KPK", "ORG"),
    ("Ali Firdaus", "PER"),
    ("Hendra", "PER"),
    ("Dia", "PER"),
    ("KPK", "ORG"),
    ("Hendra Wijaya", "PER"),
    ("Rudi Wijaya", "PER"),
    ("PT Karya Sukamaju", "ORG"),
    ("Rudi", "PER"),
    ("Amerika Serikat", "LOC"),
    ("Indonesia", "LOC"),
    ("Michael Hartley", "PER"),
    ("Hartly", "PER"),
    ("AS", "LOC"),
    ("Indonesia", "LOC"),
    ("Dubes Hartley", "PER"),
    ("Namun", "PER"),
    ("Ketua KPK Nawawi Rahman", "PER"),
    ("Sementara", "ORG"),
    ("Hendra", "PER"),
    ("Kamis", "LOC"),
    ("Nawawi", "PER"),
]


@pytest.fixture(scope="module")
def analysed() -> Article:
    return EntityStep()(article(BERITA, TAGGED))


def by_name(a: Article, name: str) -> Entity:
    (e,) = [e for e in a.entities if e.name == name]
    return e


def surfaces(a: Article, e: Entity) -> list[str]:
    return [a.mentions[j].text for j in e.mentions]


def test_one_entity_per_referent(analysed: Article) -> None:
    assert [(e.id, e.name, e.label) for e in analysed.entities] == [
        ("e0", "Komisi Pemberantasan Korupsi", "ORG"),
        ("e1", "Hendra Wijaya", "PER"),
        ("e2", "Jakarta", "LOC"),
        ("e3", "Ali Firdaus", "PER"),
        ("e4", "Rudi Wijaya", "PER"),
        ("e5", "PT Karya Sukamaju", "ORG"),
        ("e6", "Amerika Serikat", "LOC"),
        ("e7", "Indonesia", "LOC"),
        ("e8", "Michael Hartley", "PER"),
        ("e9", "Nawawi Rahman", "PER"),
    ]


def test_acronym_spelled_out_once_then_alone(analysed: Article) -> None:
    assert surfaces(analysed, by_name(analysed, "Komisi Pemberantasan Korupsi")) == [
        "Komisi Pemberantasan Korupsi",
        "KPK",
        "KPK",
        "KPK",
    ]


def test_full_name_then_first_name_and_title(analysed: Article) -> None:
    hendra = by_name(analysed, "Hendra Wijaya")
    assert surfaces(analysed, hendra) == [
        "Bupati Sukamaju Hendra Wijaya",
        "Hendra",
        "Hendra Wijaya",
        "Hendra",
    ]
    assert [r.text for r in hendra.roles] == ["Bupati Sukamaju"]


def test_shared_surname_stays_apart(analysed: Article) -> None:
    assert surfaces(analysed, by_name(analysed, "Rudi Wijaya")) == ["Rudi Wijaya", "Rudi"]


def test_country_and_its_acronym(analysed: Article) -> None:
    assert surfaces(analysed, by_name(analysed, "Amerika Serikat")) == ["Amerika Serikat", "AS"]


def test_misspelt_surname_and_title_with_surname(analysed: Article) -> None:
    hartley = by_name(analysed, "Michael Hartley")
    assert surfaces(analysed, hartley) == ["Michael Hartley", "Hartly", "Dubes Hartley"]
    assert hartley.aliases == ["Michael Hartley", "Hartly", "Dubes Hartley", "Hartley"]


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("Ali Firdaus", ["Juru bicara KPK"]),  # before the name, with a comma
        ("Rudi Wijaya", ["Direktur PT Karya Sukamaju"]),  # after the name, with a comma
        ("Michael Hartley", ["Duta Besar Amerika Serikat untuk Indonesia", "Dubes"]),
        ("Nawawi Rahman", ["Ketua KPK"]),  # a title inside the tagged span
    ],
)
def test_roles(analysed: Article, name: str, roles: list[str]) -> None:
    assert [r.text for r in by_name(analysed, name).roles] == roles


def test_role_spans_point_into_text(analysed: Article) -> None:
    for e in analysed.entities:
        for r in e.roles:
            assert analysed.text[r.start : r.end] == r.text


@pytest.mark.parametrize("word", ["Senin", "Dia", "Namun", "Sementara", "Kamis"])
def test_wrongly_tagged_words_are_no_entity(analysed: Article, word: str) -> None:
    (m,) = [m for m in analysed.mentions if m.text == word]
    assert m.entity is None
    assert all(word not in e.aliases for e in analysed.entities)


def test_mentions_point_at_their_entity(analysed: Article) -> None:
    for n, e in enumerate(analysed.entities):
        assert all(analysed.mentions[j].entity == n for j in e.mentions)
    assert sum(m.entity is not None for m in analysed.mentions) == len(TAGGED) - 5
