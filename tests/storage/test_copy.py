"""``warta db copy``: a store copied onto the other backend (SQLite file <-> PostgreSQL)
holds the same articles, sources, answers and records, and a second copy adds nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI, person_article
from typer.testing import CliRunner

from pghelpers import is_url, postgres_database
from warta.cli import app
from warta.io import Reject
from warta.storage import Store, queries
from warta.storage.copy import copy_store
from warta.storage.writer import Fingerprint, article_fingerprint


@pytest.fixture
def other_target(store_target: str, tmp_path: Path) -> Iterator[str]:
    """A target on the other backend: PostgreSQL for a SQLite store, a file for PostgreSQL."""
    if is_url(store_target):
        yield str(tmp_path / "salinan.db")
    else:
        yield from postgres_database()


def _fill(store: Store) -> None:
    a = person_article(
        id="a",
        url="https://a.test/1",
        outlet="Warta Kita",
        day="2025-03-03",
        text=BERITA_INVESTASI,
        people=[("Andi Pratama", [], [])],
    )
    b = person_article(
        id="b", url="https://b.test/2", outlet="Kabar Desa", day="2025-04-05", text=BERITA_BANJIR
    )
    fa = article_fingerprint(a, pipeline="versi-1")
    mirror = Fingerprint(
        source_key="https://m.a.test/1", url_key=fa.url_key, content_hash=fa.content_hash, pipeline="versi-1"
    )
    store.write_batch(
        [(a, fa), (a, mirror), (b, article_fingerprint(b, pipeline="versi-2"))],
        rejects=[Reject(source="rusak.jsonl:3", code="W102", reason="no text in the record")],
    )


def _summary(store: Store) -> tuple[object, ...]:
    articles = queries.list_articles(store, limit=10)
    ids = {i.title: i.id for i in articles.items}
    provenance = sorted(
        (p.url, p.outlet, tuple(sorted(p.sources)))
        for p in (queries.article_provenance(store, i) for i in ids.values())
        if p is not None
    )
    found = queries.list_articles(store, q="banjir")
    with store.connect() as conn:
        person = queries.resolve_entity(conn, "Andi Pratama")
    return (
        articles.total,
        provenance,
        [i.title for i in found.items],
        [(n, label, arts) for _id, n, label, arts in person],
        sorted((v["version"], v["articles"]) for v in store.versions()),
        store.counts()["rejects"],
    )


def test_copy_to_the_other_backend(store: Store, other_target: str) -> None:
    _fill(store)
    with Store.open(other_target) as target:
        first = copy_store(store, target)
        assert (first.articles, first.sources, first.rejects) == (2, 3, 1)
        assert _summary(target) == _summary(store)
        again = copy_store(store, target)
        assert (again.articles, again.skipped, again.rejects) == (0, 2, 0)
        assert msgspec.to_builtins(_summary(target)) == msgspec.to_builtins(_summary(store))


def test_db_copy_command(store: Store, other_target: str) -> None:
    _fill(store)
    runner = CliRunner()
    result = runner.invoke(
        app, ["db", "copy", store.name if not is_url(store.name) else _url(store), "--to", other_target]
    )
    assert result.exit_code == 0, result.output
    assert "2 articles copied (3 sources)" in result.output
    with Store.open(other_target, create=False) as target:
        assert queries.article_count(target) == 2


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_corrections_come_along_and_are_applied(store: Store, other_target: str) -> None:
    from warta.storage.corrections import add_correction

    a = person_article(
        id="q",
        url="https://a.test/9",
        outlet="Warta Kita",
        day="2025-03-09",
        text=BERITA_INVESTASI,
        people=[("Andi Pratama", [], [])],
        quote=("investasinya akan membuka lapangan kerja baru", 0),
    )
    store.write_batch([(a, article_fingerprint(a, pipeline="versi-1"))])
    (row,) = queries.quote_page(store).items
    add_correction(
        store, row.article_id, row.idx, "speaker", reviewer="redaktur", speaker_name="Juru Bicara Dinas"
    )
    with Store.open(other_target) as target:
        first = copy_store(store, target)
        assert first.corrections == 1
        (copied,) = queries.quote_page(target).items
        assert (copied.speaker, copied.reviewed) == ("Juru Bicara Dinas", True)
        assert copy_store(store, target).corrections == 0  # not twice


def test_entity_corrections_come_along_and_are_applied(store: Store, other_target: str) -> None:
    from warta.storage.entity_corrections import add_entity_correction

    for i, name in enumerate(("Andi Pratama", "Andi Pratomo")):
        a = person_article(
            id=f"e{i}",
            url=f"https://a.test/e{i}",
            outlet="Warta Kita",
            day="2025-03-09",
            text=BERITA_INVESTASI.replace("Andi Pratama", name),
            people=[(name, [], [])],
        )
        store.write_batch([(a, article_fingerprint(a, pipeline="versi-1"))])

    def ids(s: Store) -> tuple[int, int]:
        with s.connect() as conn:
            return queries.resolve_entity(conn, "Andi Pratama")[0][0], queries.resolve_entity(
                conn, "Andi Pratomo"
            )[0][0]

    andi, typo = ids(store)
    add_entity_correction(store, typo, "merge", reviewer="redaktur", target_id=andi)
    with Store.open(other_target) as target:
        first = copy_store(store, target)
        assert first.entity_corrections == 1
        andi_t, _typo_t = ids(target)  # the typo resolves to its target there too
        assert _typo_t == andi_t
        profile = queries.entity_profile_by_id(target, andi_t)
        assert profile is not None and profile.articles == 2
        assert queries.entity_correction_log(target).items[0].reviewer == "redaktur"
        assert copy_store(store, target).entity_corrections == 0  # not twice
