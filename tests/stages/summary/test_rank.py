from __future__ import annotations

import pytest

from warta.stages.summary.features import DocumentView, pagerank
from warta.stages.summary.rank import (
    is_boilerplate,
    name_salience,
    quote_units,
    score_sentences,
    select_sentences,
    summarize,
)
from warta.stages.summary.resources import RankerModel


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Baca juga: Harga Cabai Naik Lagi", True),
        ("Simak juga video pilihan berikut ini.", True),
        ("Foto: Warga mengantre bantuan beras.", True),
        ("Harga cabai rawit naik menjadi Rp80 ribu per kilogram.", False),
    ],
)
def test_boilerplate_sentences(sentence: str, expected: bool) -> None:
    assert is_boilerplate(sentence) is expected


def test_quote_over_two_sentences_is_one_unit() -> None:
    texts = ['"Kami sudah siap.', 'Semua petugas berjaga," kata Kapolres.', "Arus lalu lintas lancar."]
    assert quote_units(texts) == [[0, 1], [2]]


def test_curly_quote_over_three_sentences() -> None:
    texts = ["“Kami menolak.", "Kami juga kecewa.", "Kami akan banding,” ujar kuasa hukum.", "Sidang ditunda."]
    assert quote_units(texts) == [[0, 1, 2], [3]]


def test_quote_spans_from_article_join_sentences() -> None:
    texts = ["Ia berkata begini.", "Lalu begitu.", "Selesai."]
    assert quote_units(texts, [(0, 1)]) == [[0, 1], [2]]


def test_selection_never_cuts_a_quote() -> None:
    # Sentence 1 scores best but belongs to a two-sentence quote that does not fit k=2 with 0.
    chosen = select_sentences([0.8, 0.9, 0.1, 0.7], k=2, units=[[0], [1, 2], [3]], blocked=[False] * 4)
    assert chosen == [1, 2]
    chosen = select_sentences([0.95, 0.9, 0.1, 0.7], k=2, units=[[0], [1, 2], [3]], blocked=[False] * 4)
    assert chosen == [0, 3]


def test_selection_skips_blocked_and_redundant() -> None:
    sim = [[1.0, 0.9, 0.0], [0.9, 1.0, 0.0], [0.0, 0.0, 1.0]]
    chosen = select_sentences([0.9, 0.8, 0.1], k=2, units=[[0], [1], [2]], blocked=[False] * 3, similarity=sim)
    assert chosen == [0, 2]
    assert select_sentences([0.9, 0.8, 0.1], k=2, units=[[0], [1], [2]], blocked=[True, False, False]) == [1, 2]


def test_word_target_stops_early() -> None:
    chosen = select_sentences([0.9, 0.8, 0.7], k=3, units=[[0], [1], [2]], blocked=[False] * 3,
                              lengths=[30, 30, 30], target_words=55)
    assert chosen == [0, 1]


def test_scores_are_probabilities() -> None:
    model = RankerModel(weights={"sent=0": 3.0, "len=2": -1.0}, bias=-1.0, meta={})
    scores = score_sentences([{"sent=0": 1.0}, {"len=2": 1.0}], model)
    assert scores[0] > 0.5 > scores[1]


def test_name_salience_counts_recurring_names() -> None:
    tokens = [["Kemarin", "Jokowi", "tiba"], ["Warga", "menyambut", "Jokowi"], ["Hujan", "turun"]]
    assert name_salience(tokens) == [1.0, 1.0, 0.0]


def test_pagerank_favours_the_hub() -> None:
    ranks = pagerank([[0, 0.5, 0.5], [0.5, 0, 0], [0.5, 0, 0]])
    assert ranks[0] == 1.0 and ranks[1] < 1.0


def test_summarize_keeps_article_order_and_skips_boilerplate() -> None:
    model = RankerModel(weights={"sent=0": 1.0, "sent=2": 3.0, "sent=3": 2.0}, bias=0.0, meta={})
    texts = ["Gempa mengguncang Cianjur pagi tadi.", "Warga berhamburan keluar rumah.",
             "Baca juga: Gempa Susulan Terjadi Lagi", "Petugas mendata kerusakan bangunan sekolah."]
    toks = [t.split() for t in texts]
    view = DocumentView(tokens=toks, terms=[[w.lower() for w in t] for t in toks], paragraphs=[0, 0, 1, 2])
    assert summarize(texts, view, model, k=2, idf={}, default_idf=1.0) == [0, 3]
