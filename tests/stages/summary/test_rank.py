from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.article import Article
from warta.stages.summary.features import DocumentView, pagerank
from warta.stages.summary.rank import (
    is_boilerplate,
    name_salience,
    quote_units,
    score_sentences,
    select_budget,
    select_sentences,
    summarize,
)
from warta.stages.summary.resources import RankerModel, TreeRanker, load_ranker


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
    texts = [
        "“Kami menolak.",
        "Kami juga kecewa.",
        "Kami akan banding,” ujar kuasa hukum.",
        "Sidang ditunda.",
    ]
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
    chosen = select_sentences(
        [0.9, 0.8, 0.1], k=2, units=[[0], [1], [2]], blocked=[False] * 3, similarity=sim
    )
    assert chosen == [0, 2]
    assert select_sentences([0.9, 0.8, 0.1], k=2, units=[[0], [1], [2]], blocked=[True, False, False]) == [
        1,
        2,
    ]


def test_word_target_stops_early() -> None:
    chosen = select_sentences(
        [0.9, 0.8, 0.7],
        k=3,
        units=[[0], [1], [2]],
        blocked=[False] * 3,
        lengths=[30, 30, 30],
        target_words=55,
    )
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
    texts = [
        "Gempa mengguncang Cianjur pagi tadi.",
        "Warga berhamburan keluar rumah.",
        "Baca juga: Gempa Susulan Terjadi Lagi",
        "Petugas mendata kerusakan bangunan sekolah.",
    ]
    toks = [t.split() for t in texts]
    view = DocumentView(tokens=toks, terms=[[w.lower() for w in t] for t in toks], paragraphs=[0, 0, 1, 2])
    assert summarize(texts, view, model, k=2, idf={}, default_idf=1.0) == [0, 3]


def _budget(gains: list[float], lengths: list[int], **kw: object) -> list[int]:
    n = len(gains)
    args: dict[str, object] = {
        "k": 2,
        "units": [[i] for i in range(n)],
        "blocked": [False] * n,
        "reference_words": 40.0,
    }
    args.update(kw)
    return select_budget(gains, lengths, **args)  # type: ignore[arg-type]


def test_budget_prefers_dense_sentences_over_long_thin_ones() -> None:
    # Sentence 1 matches the most words (0.3 * 60 = 18) but pads the summary with 42 others.
    assert _budget([0.9, 0.3, 0.8, 0.1], [15, 60, 15, 10]) == [0, 2]


def test_budget_takes_a_long_sentence_when_it_carries_enough() -> None:
    assert _budget([0.9, 0.85, 0.2, 0.1], [15, 40, 15, 10]) == [0, 1]


def test_budget_picks_exactly_k_in_article_order() -> None:
    chosen = _budget([0.1, 0.5, 0.9, 0.7, 0.2], [10, 12, 20, 18, 9], k=3)
    assert chosen == sorted(chosen) and len(chosen) == 3


def test_budget_keeps_quotes_whole_and_skips_blocked_and_repeats() -> None:
    # The quote [1, 2] does not fit next to sentence 0 with k=2; blocked 3 is never taken.
    chosen = _budget(
        [0.9, 0.8, 0.1, 0.95, 0.5],
        [20, 20, 20, 20, 20],
        units=[[0], [1, 2], [3], [4]],
        blocked=[False, False, False, True, False],
    )
    assert chosen == [0, 4]
    sim = [[0.0] * 3 for _ in range(3)]
    sim[0][1] = sim[1][0] = 0.9
    assert _budget([0.9, 0.85, 0.3], [20, 20, 20], similarity=sim) == [0, 2]


def test_tree_ranker_walks_every_tree() -> None:
    # Two stumps: idx <= 0.5 -> +0.25 / -0.25, nw <= 10 -> -0.1 / +0.1.
    ranker = TreeRanker(
        features=["idx", "nw"],
        base=0.5,
        roots=[0, 3],
        feature=[0, -1, -1, 1, -1, -1],
        threshold=[0.5, 0.0, 0.0, 10.0, 0.0, 0.0],
        left=[1, 1, 2, 4, 4, 5],
        right=[2, 1, 2, 5, 4, 5],
        value=[0.0, 0.25, -0.25, 0.0, -0.1, 0.1],
        depth=1,
        reference_words=40.0,
        meta={},
    )
    scores = ranker.predict([{"idx": 0.0, "nw": 20.0, "unknown": 5.0}, {"idx": 3.0, "nw": 5.0}])
    assert scores == pytest.approx([0.85, 0.15])
    assert score_sentences([{"idx": 0.0}], ranker) == pytest.approx([0.65])
    assert ranker.predict([]) == []


def test_tree_ranker_rejects_arrays_that_point_outside() -> None:
    with pytest.raises(ValueError):
        TreeRanker(
            features=["idx"],
            base=0.0,
            roots=[0],
            feature=[0],
            threshold=[0.5],
            left=[3],
            right=[0],
            value=[0.0],
            depth=1,
            reference_words=40.0,
            meta={},
        )


def test_shipped_ranker_is_trees_with_provenance() -> None:
    ranker = load_ranker()
    assert isinstance(ranker, TreeRanker)
    meta = ranker.meta
    assert meta["command"].startswith("python -m warta.training.summary ranker")
    assert all(len(h) == 64 for h in meta["data"].values())
    assert "sha1(id) % 5 != 0" in meta["split"]
    assert 20 <= ranker.reference_words <= 100


def test_shipped_ranker_prefers_the_lead_of_a_plain_report(
    banjir_text: str, seg: Callable[..., Article]
) -> None:
    from warta.stages.summary.step import SummaryStep

    a = SummaryStep()(seg(banjir_text))
    assert len(a.summary) == 3 and a.summary[0] == 0


def test_a_bullet_never_opens_with_a_pronoun_whose_referent_is_left_out() -> None:
    from warta.stages.summary.rank import with_antecedents

    texts = [
        "Bupati Sukamaju Rina Lestari meresmikan jembatan baru di Desa Cibeber.",
        "Menurut dia, jembatan itu memangkas waktu tempuh warga ke pasar.",
        "Ia juga meminta warga merawat jembatan bersama.",
        "Hujan deras turun sepanjang sore.",
    ]
    unblocked = [False] * 4
    # The sentence that names her comes instead of the one that only points at her.
    assert with_antecedents([1, 3], texts, unblocked) == [0, 3]
    assert with_antecedents([2], texts, unblocked) == [0]
    # With the sentence before it chosen, the pronoun has its referent.
    assert with_antecedents([0, 1], texts, unblocked) == [0, 1]
    # A boilerplate antecedent is no better: the pronoun sentence goes.
    assert with_antecedents([1, 3], texts, [True, False, False, False]) == [3]
