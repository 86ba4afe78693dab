"""A known place at the end of a longer name is where that name is, not the same referent."""

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
        ("Kantor Pajak Sleman membuka loket baru. Warga Sleman antre sejak pagi.",
         [("Kantor Pajak Sleman", "LOC"), ("Sleman", "LOC")]),
        ("Mapolres Bantul memeriksa saksi. Hujan deras mengguyur Bantul sejak siang.",
         [("Mapolres Bantul", "LOC"), ("Bantul", "LOC")]),
        # two provinces that share a word
        ("Anggaran Papua Pegunungan naik, sedangkan Papua turun.",
         [("Papua Pegunungan", "LOC"), ("Papua", "LOC")]),
    ],
)
def test_a_place_stays_apart_from_what_is_in_it(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert groups(text, tagged) == [[s] for s, _ in tagged]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("Pemprov DKI Jakarta menambah bus. Jakarta kini punya 30 koridor.",
         [("DKI Jakarta", "LOC"), ("Jakarta", "LOC")]),
        ("Pasukan Persatuan Sepak Bola Bantul berlatih. Persatuan Sepak Bola Bantul menang.",
         [("Persatuan Sepak Bola Bantul", "ORG"), ("Persatuan Sepak Bola Bantul", "ORG")]),
        # a name that ends with a word that is no known place still merges
        ("Klub Garuda Muda menang. Garuda Muda kini memimpin klasemen.",
         [("Klub Garuda Muda", "ORG"), ("Garuda Muda", "ORG")]),
    ],
)
def test_the_same_place_or_body_still_merges(text: str, tagged: list[tuple[str, EntityLabel]]) -> None:
    assert groups(text, tagged) == [[s for s, _ in tagged]]
