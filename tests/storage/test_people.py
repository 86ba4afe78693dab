from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from storagehelpers import person_article

from warta.article import Article
from warta.storage import Store
from warta.storage import tables as t
from warta.storage.names import person_key, url_key
from warta.storage.people import entity_key
from warta.storage.queries import entity_profile, list_quotes
from warta.storage.writer import article_fingerprint


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Presiden Joko Widodo", "joko widodo"),
        ("Dr. Siti Rahma, S.H., M.Si.", "siti rahma"),
        ("Bapak  H. Ahmad Dahlan", "ahmad dahlan"),
        ("Zoë Lestari", "zoe lestari"),
        ("Pak Haji", "haji"),
    ],
)
def test_person_key(name: str, key: str) -> None:
    assert person_key(name) == key


def test_shipped_alias() -> None:
    assert entity_key("Jokowi", "PER") == entity_key("Presiden Joko Widodo", "PER") == "joko widodo"


def test_url_key_ignores_trivial_differences() -> None:
    assert (
        url_key("http://www.kabar.test/a/b/?utm_source=fb#atas")
        == url_key("https://kabar.test/a/b")
        == "kabar.test/a/b"
    )
    assert url_key(None) is None and url_key("bukan-url") is None


def _ids(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {
            str(r.name): int(r.entity_id)
            for r in conn.execute(sa.select(t.article_entities.c.name, t.article_entities.c.entity_id))
        }


def _put(store: Store, *arts: Article) -> None:
    store.write_batch([(a, article_fingerprint(a, pipeline="p")) for a in arts])


def test_one_person_one_id_across_articles(store: Store) -> None:
    _put(
        store,
        person_article(
            id="1",
            url=None,
            outlet="A",
            day="2025-01-02",
            text="Menteri Sri Wahyuni meninjau pasar.",
            people=[("Menteri Sri Wahyuni", ["Sri Wahyuni"], ["Menteri Perdagangan"])],
        ),
        person_article(
            id="2",
            url=None,
            outlet="B",
            day="2025-02-02",
            text="Sri Wahyuni menyebut stok beras aman.",
            people=[("Sri Wahyuni", [], [])],
        ),
    )
    with store.connect() as conn:
        ids = {int(x) for x in conn.execute(sa.select(t.article_entities.c.entity_id)).scalars()}
    assert len(ids) == 1
    profile = entity_profile(store, "Sri Wahyuni")
    assert profile is not None and profile.articles == 2
    assert [r.role for r in profile.roles] == ["Menteri Perdagangan"]
    assert dict(profile.by_outlet) == {"A": 2, "B": 1}  # mentions: two in A


def test_shared_surname_is_not_merged(store: Store) -> None:
    _put(
        store,
        person_article(
            id="1",
            url=None,
            outlet="A",
            day="2025-01-02",
            text="Budi Santoso membuka rapat. Santoso hadir.",
            people=[("Budi Santoso", ["Santoso"], [])],
        ),
        person_article(
            id="2",
            url=None,
            outlet="A",
            day="2025-01-03",
            text="Agus Santoso menolak usulan. Santoso kecewa.",
            people=[("Agus Santoso", ["Santoso"], [])],
        ),
        person_article(
            id="3",
            url=None,
            outlet="A",
            day="2025-01-04",
            text="Santoso belum memberi keterangan.",
            people=[("Santoso", [], [])],
        ),
    )
    ids = _ids(store)
    assert len({ids["Budi Santoso"], ids["Agus Santoso"], ids["Santoso"]}) == 3


def test_one_word_name_joins_its_only_owner(store: Store) -> None:
    arts = [
        person_article(
            id=str(i),
            url=None,
            outlet="A",
            day=f"2025-01-0{i + 1}",
            text=f"Rahmat Hidayat bicara {i}. Hidayat tegas.",
            people=[("Rahmat Hidayat", ["Hidayat"], [])],
        )
        for i in range(2)
    ]
    _put(store, *arts)
    _put(
        store,
        person_article(
            id="x",
            url=None,
            outlet="B",
            day="2025-01-09",
            text="Hidayat menegaskan sikapnya.",
            people=[("Hidayat", [], [])],
        ),
    )
    with store.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.entities)).scalar_one() == 1


def test_quotes_by_speaker_and_topic(store: Store) -> None:
    text = "Gubernur Lina Marlina berkata, Kami akan memperbaiki jalan di Sukamaju tahun ini."
    _put(
        store,
        person_article(
            id="q",
            url=None,
            outlet="A",
            day="2025-05-01",
            text=text,
            people=[("Lina Marlina", [], ["Gubernur"])],
            quote=("Kami akan memperbaiki jalan di Sukamaju tahun ini.", 0),
        ),
    )
    rows = list_quotes(store, speaker="Gubernur Lina Marlina")
    assert [(r.speaker, r.outlet, r.day) for r in rows] == [("Lina Marlina", "A", "2025-05-01")]
    assert list_quotes(store, speaker="Lina Marlina", about="Orang Lain") == []


def test_a_short_name_an_article_introduces_joins_the_person_across_articles(
    tmp_path: Path, store_target: str
) -> None:
    import json

    from warta.config import load_settings
    from warta.ingest import ingest
    from warta.storage.queries import entity_profile

    records = [
        {
            "id": "1",
            "url": "https://k.test/1",
            "text": "Menteri Sosial Hendra Wijaya atau Gus Ajo meninjau banjir di Pasuruan. "
            '"Bantuan segera datang," kata Gus Ajo kepada wartawan.',
        },
        {
            "id": "2",
            "url": "https://k.test/2",
            "text": 'Gus Ajo kembali meninjau pengungsian di Pasuruan. "Kami tambah dapur umum," ujar Gus Ajo.',
        },
    ]
    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ingest([data], db=store_target, settings=load_settings())
    with Store.open(store_target) as store:
        p = entity_profile(store, "Gus Ajo")
    assert p is not None and p.name == "Hendra Wijaya" and p.articles == 2
