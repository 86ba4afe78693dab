from __future__ import annotations

from datetime import date

import pytest
from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI, BERITA_PASAR, person_article

from warta.storage import StorageError, Store
from warta.storage.queries.text_search import make_snippet, parse_query, search
from warta.storage.writer import article_fingerprint

INVESTASI_LAIN = "Investasi asing di kawasan industri Sukamaju naik dua kali lipat tahun ini."


@pytest.fixture
def filled(store: Store) -> Store:
    arts = [
        person_article(
            id="inv",
            url="https://a.test/1",
            outlet="Warta Kita",
            day="2025-03-03",
            text=BERITA_INVESTASI,
            title="Bupati Ajak Warga Menanam Modal",
            people=[("Andi Pratama", [], ["Bupati"])],
            quote=("investasinya akan membuka lapangan kerja baru", 0),
        ),
        person_article(
            id="ban",
            url="https://b.test/2",
            outlet="Kabar Desa",
            day="2025-03-05",
            text=BERITA_BANJIR,
            title="Banjir Rendam Tiga Desa",
        ),
        person_article(
            id="pas",
            url="https://a.test/3",
            outlet="Warta Kita",
            day="2025-04-01",
            text=BERITA_PASAR,
            title="Harga Cabai Turun",
        ),
        person_article(
            id="asing",
            url="https://c.test/4",
            outlet="Kabar Desa",
            day="2025-04-02",
            text=INVESTASI_LAIN,
            title="Modal Asing Mengalir",
        ),
    ]
    store.write_batch([(a, article_fingerprint(a, pipeline="p")) for a in arts])
    return store


def _titles(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.title for h in hits}


@pytest.mark.parametrize("query", ["investasi", "berinvestasi", "investasinya"])
def test_stems_match_affixed_forms(filled: Store, query: str) -> None:
    # "investasi" is in one text only as "berinvestasi"/"investasinya", in the other as is.
    assert _titles(search(filled, query)) == {"Bupati Ajak Warga Menanam Modal", "Modal Asing Mengalir"}


def test_snippet_marks_affixed_forms(filled: Store) -> None:
    hit = next(h for h in search(filled, "investasi") if h.title == "Bupati Ajak Warga Menanam Modal")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["berinvestasi", "investasinya"]


def test_filters(filled: Store) -> None:
    assert _titles(search(filled, "investasi", outlet="kabar")) == {"Modal Asing Mengalir"}
    assert _titles(search(filled, "investasi", date_to=date(2025, 3, 31))) == {
        "Bupati Ajak Warga Menanam Modal"
    }
    assert _titles(search(filled, "investasi", entity="Andi Pratama")) == {"Bupati Ajak Warga Menanam Modal"}
    assert _titles(search(filled, "", speaker="Bupati Andi Pratama")) == {"Bupati Ajak Warga Menanam Modal"}
    assert search(filled, "investasi", entity="Orang Tak Dikenal") == []


def test_title_words_rank_first(filled: Store) -> None:
    hits = search(filled, "banjir desa")
    assert hits and hits[0].title == "Banjir Rendam Tiga Desa"


def test_phrase_must_match_as_written(filled: Store) -> None:
    assert _titles(search(filled, '"cabai rawit"')) == {"Harga Cabai Turun"}
    assert search(filled, '"rawit cabai"') == []


def test_empty_query_needs_a_filter(filled: Store) -> None:
    with pytest.raises(StorageError, match="filter"):
        search(filled, "  ")


def test_parse_query() -> None:
    q = parse_query('harga "pasar induk" Cabai')
    assert q.words == ("harga", "cabai") and q.phrases == (("pasar", "induk"),)


def test_make_snippet_window() -> None:
    body = " ".join(["kata"] * 50 + ["banjir", "besar"] + ["kata"] * 50)
    text, marks = make_snippet(body, parse_query("banjir"), lambda w: w, size=60)
    assert text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in marks] == ["banjir"]
