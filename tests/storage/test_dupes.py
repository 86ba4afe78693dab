from __future__ import annotations

import pytest
from dupegen import dataset
from storagehelpers import person_article

from warta.article import Quote, Speaker
from warta.storage import Store
from warta.storage.dupes import (
    ARTICLE_THRESHOLD,
    cluster_signatures,
    pairs_of,
    quote_signature,
    similarity,
    text_signature,
)
from warta.storage.recycled import find_recycled, find_stories
from warta.storage.writer import article_fingerprint


def _scores(texts: list[str], groups: list[int]) -> tuple[float, float]:
    clusters = cluster_signatures(
        ((i, text_signature(t)) for i, t in enumerate(texts)), threshold=ARTICLE_THRESHOLD
    )
    found = pairs_of(clusters)
    by_group: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    truth = pairs_of(list(by_group.values()))
    precision = len(found & truth) / len(found) if found else 1.0
    recall = len(found & truth) / len(truth)
    return precision, recall


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_generated_copies_precision_and_recall(seed: int) -> None:
    texts, groups = dataset(seed)
    precision, recall = _scores(texts, groups)
    assert recall >= 0.95, f"recall {recall:.3f}"
    assert precision >= 0.98, f"precision {precision:.3f}"


def test_signature_is_stable() -> None:
    a = text_signature("Harga beras di pasar induk naik dua ribu rupiah per kilogram pekan ini")
    assert (
        similarity(
            a, text_signature("Harga beras di pasar induk naik dua ribu rupiah per kilogram pekan ini")
        )
        == 1.0
    )
    assert a.dtype.name == "uint32" and a.shape == (128,)


def test_short_quotes_get_no_signature() -> None:
    assert quote_signature("Kami menolak.") is None
    assert quote_signature("Kami menolak rencana kenaikan harga pupuk bersubsidi tahun depan") is not None


def _article(i: int, outlet: str, day: str, text: str) -> object:
    return person_article(
        id=str(i),
        url=f"https://{outlet.lower()}.test/{i}",
        outlet=outlet,
        day=day,
        text=text,
        title=f"Judul {i}",
    )


def test_store_clusters_copies_and_quotes(store: Store) -> None:
    texts, _groups = dataset(5, stories=2, copies=(2, 2), unrelated=3)
    outlets = ["Satu", "Dua", "Tiga"]
    arts = [_article(i, outlets[i % 3], f"2025-06-0{1 + i % 9}", t) for i, t in enumerate(texts)]
    said = "Kami akan menyalurkan bantuan beras kepada seluruh warga terdampak banjir minggu ini"
    for n, art in enumerate(arts[:3]):
        art.text = art.raw = art.text + f"\n\n{said}, kata Camat Joko Susilo."  # type: ignore[attr-defined]
        art.quotes = [
            Quote(kind="direct", start=0, end=len(said), text=said, speaker=Speaker(name="Joko Susilo"))
        ]  # type: ignore[attr-defined]
        del n
    store.write_batch([(a, article_fingerprint(a, pipeline="p")) for a in arts])  # type: ignore[arg-type]
    clusters = find_recycled(store)
    assert sorted(len(c.members) for c in clusters) == [3, 3]
    first = clusters[0]
    assert first.first.published == min(m.published for m in first.members if m.published)
    assert first.kind == "syndicated"
    quotes = find_recycled(store, what="quotes")
    assert len(quotes) == 1 and len(quotes[0].members) == 3 and quotes[0].first.speaker == "Joko Susilo"


def test_stories_group_different_texts_on_one_event(store: Store) -> None:
    people = [("Rina Kartika", [], []), ("Hendra Wijaya", [], [])]
    a = person_article(
        id="s1",
        url="https://x.test/1",
        outlet="X",
        day="2025-02-01",
        text="Rina Kartika dan Hendra Wijaya meninjau tanggul yang jebol.",
        people=people,
    )
    b = person_article(
        id="s2",
        url="https://y.test/2",
        outlet="Y",
        day="2025-02-02",
        text="Tanggul jebol, kata Rina Kartika; Hendra Wijaya menyiapkan perahu karet.",
        people=people,
    )
    far = person_article(
        id="s3",
        url="https://z.test/3",
        outlet="Z",
        day="2025-05-20",
        text="Rina Kartika dan Hendra Wijaya meresmikan pasar baru.",
        people=people,
    )
    other = person_article(
        id="s4",
        url="https://z.test/4",
        outlet="Z",
        day="2025-02-01",
        text="Dewi Lestari membuka festival kuliner.",
        people=[("Dewi Lestari", [], [])],
    )
    store.write_batch([(x, article_fingerprint(x, pipeline="p")) for x in (a, b, far, other)])
    stories = find_stories(store, window_days=3)
    assert [sorted(m.article_id for m in s.members) for s in stories] == [[1, 2]]
